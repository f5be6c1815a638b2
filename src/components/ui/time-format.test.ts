import { afterEach, describe, expect, it, vi } from 'vitest'
import { englishRelative, formatRelative } from './time-format'

const UNITS = ['day', 'hour', 'minute', 'second'] as const

describe('relative times in words', () => {
  afterEach(() => vi.restoreAllMocks())

  it('says in English exactly what Intl.RelativeTimeFormat says, without asking it', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
    let compared = 0
    for (const unit of UNITS) {
      for (let value = -1200; value <= 1200; value++) {
        const mine = englishRelative(value, unit)
        if (mine === null) continue
        expect(mine, `${value} ${unit}`).toBe(intl.format(value, unit))
        compared++
      }
      expect(englishRelative(-0, unit)).toBe(intl.format(-0, unit))
    }
    // Every value up to 999 either way is written here; larger ones go to Intl (it groups digits).
    expect(compared).toBe(UNITS.length * 1999)
    expect(englishRelative(-1000, 'day')).toBeNull()
  })

  it('reads a time against the given now', () => {
    const now = Date.parse('2026-12-01T12:00:00Z')
    expect(formatRelative('2026-12-01T11:57:00Z', now)).toBe('3 minutes ago')
    expect(formatRelative('2026-12-01T11:59:59.700Z', now)).toBe('now')
    expect(formatRelative('2026-11-30T12:00:00Z', now)).toBe('yesterday')
    expect(formatRelative('2026-12-01T14:00:00Z', now)).toBe('in 2 hours')
    expect(formatRelative('2019-01-01T00:00:00Z', now)).toBe('2,891 days ago')
    expect(formatRelative('not a date', now)).toBe('—')
    expect(formatRelative(null, now)).toBe('—')
  })

  it('asks Intl only past 999 or in other languages', () => {
    const format = vi.spyOn(Intl.RelativeTimeFormat.prototype, 'format')
    const now = Date.parse('2026-12-01T12:00:00Z')
    expect(formatRelative('2026-12-01T11:57:00Z', now)).toBe('3 minutes ago')
    expect(format).not.toHaveBeenCalled()
    expect(formatRelative('2019-01-01T00:00:00Z', now)).toBe('2,891 days ago')
    expect(format).toHaveBeenCalledTimes(1)
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE')
    formatRelative('2026-12-01T11:57:00Z', now)
    expect(format).toHaveBeenCalledTimes(2)
    expect(format).toHaveBeenLastCalledWith(-3, 'minute')
  })
})
