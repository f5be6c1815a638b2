import { describe, expect, it } from 'vitest'
import { jobPath } from './links'
import { boundedJson, displayValue, plainText, stripInvisible } from './text'

function deepArray(depth: number): unknown {
  let v: unknown = 'bottom'
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

describe('bounded rendering of values', () => {
  it('renders a 6,000-deep array without overflowing the stack, cut at a fixed depth', () => {
    const text = displayValue(deepArray(6000))
    expect(text).toContain('[…]')
    expect(text.length).toBeLessThan(5000)
    expect(plainText(deepArray(6000), 100).length).toBeLessThanOrEqual(101)
  })

  it('stops writing a huge value at the character budget', () => {
    const huge = Array.from({ length: 100_000 }, (_, i) => `value-${i}`)
    const text = boundedJson(huge, { maxChars: 1000 })
    expect(text.length).toBeLessThanOrEqual(1001)
    expect(text.endsWith('…')).toBe(true)
    expect(displayValue('x'.repeat(50_000))).toMatch(/30,000 more characters not shown\)$/)
  })

  it('matches JSON.stringify for ordinary values', () => {
    const value = { a: [1, 'two', null, true], b: { c: 'd' }, e: [] }
    expect(boundedJson(value)).toBe(JSON.stringify(value))
    expect(boundedJson(value, { indent: 2 })).toBe(JSON.stringify(value, null, 2))
  })
})

describe('invisible and direction-changing characters', () => {
  it('are removed from names: zero-width, bidi embeddings/overrides/isolates, marks, BOM, tags', () => {
    const name = 'Pay\u200Broll \u202Efdp.exe\u202C\u2066 run\u2069\uFEFF\u200E\u200F\u061C\u2060\u00AD\u{E0041}'
    expect(plainText(name)).toBe('Payroll fdp.exe run')
    expect(stripInvisible('line 1\nline\u200B 2\t!')).toBe('line 1\nline 2\t!')
  })
})

describe('links built from ids', () => {
  it('keep a crafted id in one encoded segment, dots included', () => {
    expect(jobPath('65f1bf002a9b4c0012ab3304')).toBe('/jobs/65f1bf002a9b4c0012ab3304')
    const crafted = jobPath('../approvals?view=decided')
    expect(crafted).toBe('/jobs/..%2Fapprovals%3Fview%3Ddecided')
    const url = new URL(crafted, 'https://app.example/')
    expect(url.pathname).toBe('/jobs/..%2Fapprovals%3Fview%3Ddecided')
    expect(url.search).toBe('')
    expect(new URL(jobPath('..'), 'https://app.example/').pathname).toMatch(/^\/jobs\/./)
    expect(new URL(jobPath('.'), 'https://app.example/').pathname).toMatch(/^\/jobs\/./)
  })
})
