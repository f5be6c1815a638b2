import { describe, expect, it } from 'vitest'
import { withOverrides } from './cn'

describe('withOverrides: a caller’s layout class wins over the primitive’s', () => {
  it('drops the base display class when the caller sets one (Tailwind orders .hidden before .inline-flex)', () => {
    expect(withOverrides('inline-flex items-center', 'hidden sm:inline-flex').split(' ')).toEqual(['items-center', 'hidden', 'sm:inline-flex'])
  })
  it('drops the base justify, gap, width and padding when the caller sets them, and keeps the rest', () => {
    const out = withOverrides('flex justify-center gap-1.5 w-full px-3 text-sm', 'justify-between gap-4 w-40 px-1').split(' ')
    expect(out).not.toContain('justify-center')
    expect(out).not.toContain('gap-1.5')
    expect(out).not.toContain('w-full')
    expect(out).not.toContain('px-3')
    expect(out).toEqual(expect.arrayContaining(['flex', 'text-sm', 'justify-between', 'gap-4', 'w-40', 'px-1']))
  })
  it('keeps everything when the caller only adds a breakpoint variant or unrelated classes', () => {
    expect(withOverrides('inline-flex', 'sm:hidden mt-2')).toBe('inline-flex sm:hidden mt-2')
  })
  it('lets a caller’s p-* replace the base px-* and py-* (Tailwind orders px/py after p)', () => {
    expect(withOverrides('flex px-3 py-2 text-sm', 'p-2 mt-2').split(' ')).toEqual(['flex', 'text-sm', 'p-2', 'mt-2'])
  })
})
