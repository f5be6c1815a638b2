import { act, renderHook } from '@testing-library/react'
import type { FocusEvent } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useKeptInPlace } from './use-kept-in-place'

interface Item {
  id: string
}
const ids = (rows: Array<{ item: Item }>) => rows.map((r) => r.item.id)

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('useKeptInPlace', () => {
  it('keeps an acted-on row at its place after the live list drops it, then lets it go once settled and left', () => {
    const { result } = renderHook(({ paused }) => useKeptInPlace<Item, string>((x) => x.id, { settleMs: 1000, paused }), { initialProps: { paused: false } })
    act(() => result.current.hold({ id: 'b' }, 1))
    // The refresh no longer lists b: it is still shown where it was.
    expect(ids(result.current.arrange([{ id: 'a' }, { id: 'c' }]))).toEqual(['a', 'b', 'c'])
    // In flight: never leaves, however long.
    act(() => void vi.advanceTimersByTime(5000))
    expect(result.current.kept.has('b')).toBe(true)
    act(() => result.current.settle('b', 'done'))
    expect(result.current.arrange([{ id: 'a' }])[1]?.kept?.outcome).toBe('done')
    act(() => void vi.advanceTimersByTime(1100))
    expect(result.current.kept.has('b')).toBe(false)
  })

  it('stays while the pointer or focus is in the list, and leaves after the moment once they are out', () => {
    const { result } = renderHook(() => useKeptInPlace<Item, string>((x) => x.id, { settleMs: 1000 }))
    act(() => result.current.containerProps.onPointerEnter())
    act(() => result.current.hold({ id: 'a' }, 0))
    act(() => result.current.settle('a', 'done'))
    act(() => void vi.advanceTimersByTime(3000))
    expect(result.current.kept.has('a')).toBe(true)
    act(() => result.current.containerProps.onPointerLeave())
    act(() => void vi.advanceTimersByTime(100))
    expect(result.current.kept.has('a')).toBe(false)

    act(() => result.current.containerProps.onFocus())
    act(() => result.current.hold({ id: 'b' }, 0))
    act(() => result.current.settle('b', 'done'))
    act(() => void vi.advanceTimersByTime(3000))
    expect(result.current.kept.has('b')).toBe(true)
    const outside = { currentTarget: document.createElement('ul'), relatedTarget: document.body } as unknown as FocusEvent<HTMLElement>
    act(() => result.current.containerProps.onBlur(outside))
    act(() => void vi.advanceTimersByTime(100))
    expect(result.current.kept.has('b')).toBe(false)
  })

  it('nothing leaves while paused (a dialog over the list); the moment starts when it closes', () => {
    const { result, rerender } = renderHook(({ paused }) => useKeptInPlace<Item, string>((x) => x.id, { settleMs: 1000, paused }), { initialProps: { paused: true } })
    act(() => result.current.hold({ id: 'a' }, 0))
    act(() => result.current.settle('a', 'done'))
    act(() => void vi.advanceTimersByTime(5000))
    expect(result.current.kept.has('a')).toBe(true)
    rerender({ paused: false })
    act(() => void vi.advanceTimersByTime(500))
    expect(result.current.kept.has('a')).toBe(true)
    act(() => void vi.advanceTimersByTime(600))
    expect(result.current.kept.has('a')).toBe(false)
  })

  it('release lets a row go at once (its action was refused)', () => {
    const { result } = renderHook(() => useKeptInPlace<Item, string>((x) => x.id))
    act(() => result.current.hold({ id: 'a' }, 0))
    act(() => result.current.release('a'))
    expect(ids(result.current.arrange([]))).toEqual([])
  })
})
