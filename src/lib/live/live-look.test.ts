import { describe, expect, it } from 'vitest'
import { LIVE_DOT_CLASS, LIVE_LABEL_CLASS, LIVE_LOOK } from './live-look'

/** A dot's classes less those that only colour or animate it: what is left is its shape. */
function shape(dot: string): string {
  const colourOnly = /^(?:[a-z-]+:)*(?:(?:bg|text|border|from|via|to)-(?:[a-z]+-\d{2,3}(?:\/\d+)?|white|black)|animate-[\w-]+)$/
  return `${LIVE_DOT_CLASS} ${dot}`
    .split(/\s+/)
    .filter((c) => c && !colourOnly.test(c))
    .sort()
    .join(' ')
}

describe("the header's connection badge", () => {
  it('on a phone (words for screen readers only) the dot alone tells each state, by its shape, not its colour', () => {
    // Below `sm` the label is sr-only: what a sighted user has is the dot.
    expect(LIVE_LABEL_CLASS.split(' ')).toContain('sr-only')
    const shapes = Object.fromEntries(Object.entries(LIVE_LOOK).map(([state, look]) => [state, shape(look.dot)]))
    expect(new Set(Object.values(shapes)).size, JSON.stringify(shapes)).toBe(Object.keys(LIVE_LOOK).length)
  })

  it('reads the shapes it is meant to: a filled disc, a half-filled disc, an empty ring', () => {
    expect(shape(LIVE_LOOK.live.dot)).toContain('bg-current')
    expect(shape(LIVE_LOOK.reconnecting.dot)).toMatch(/bg-\[linear-gradient\(to_right,currentColor_50%,transparent_50%\)\]/)
    expect(shape(LIVE_LOOK.reconnecting.dot)).toContain('border')
    expect(shape(LIVE_LOOK.other.dot)).toBe(shape('border border-current'))
  })
})
