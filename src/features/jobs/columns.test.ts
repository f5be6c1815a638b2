import { describe, expect, it } from 'vitest'
import { COLUMNS, fitColumns, MIN_NAME_WIDTH } from './columns'

const widthOf = (keys: string[]) => keys.reduce((sum, k) => sum + (COLUMNS.find((c) => c.key === k)?.width ?? 0), 0)

describe('fitColumns', () => {
  it('leads with status, then the name', () => {
    const fit = fitColumns(1500, {})
    expect(fit.shown.slice(0, 2).map((c) => c.key)).toEqual(['status', 'name'])
  })

  it.each([1248, 1334, 1504, 1888])('at %i px every shown column fits with room for the name', (width) => {
    const fit = fitColumns(width, { type: true, origin: true, lifecycle: true })
    expect(widthOf(fit.shown.map((c) => c.key)) + MIN_NAME_WIDTH).toBeLessThanOrEqual(width)
  })

  it('drops the lowest-priority columns first when room runs out, and says which', () => {
    const all = { type: true, origin: true, lifecycle: true }
    expect(fitColumns(1888, all).noRoom).toEqual([])
    const narrow = fitColumns(800, all)
    expect(narrow.shown.map((c) => c.key)).toEqual(['status', 'name', 'task', 'created', 'duration'])
    expect(narrow.noRoom).toEqual(['owner', 'host', 'lifecycle', 'type', 'origin'])
  })

  it('hides what the user hides; phones get two-line rows with status and name', () => {
    expect(fitColumns(1500, { owner: false }).shown.map((c) => c.key)).not.toContain('owner')
    const phone = fitColumns(374, {})
    expect(phone.compact).toBe(true)
    expect(phone.shown.map((c) => c.key)).toEqual(['status', 'name'])
  })
})
