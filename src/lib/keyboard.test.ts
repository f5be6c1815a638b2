import { fireEvent, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { isTypingTarget, useShortcuts } from './keyboard'

describe('isTypingTarget', () => {
  it('treats text fields as typing and checkboxes as not', () => {
    const text = document.createElement('input')
    const box = document.createElement('input')
    box.type = 'checkbox'
    expect(isTypingTarget(text)).toBe(true)
    expect(isTypingTarget(box)).toBe(false)
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true)
    expect(isTypingTarget(document.body)).toBe(false)
  })

  it('treats anything inside an open dialog as not for the page', () => {
    const dialog = document.createElement('dialog')
    const button = document.createElement('button')
    dialog.append(button)
    document.body.append(dialog)
    expect(isTypingTarget(button)).toBe(true)
    dialog.remove()
  })
})

describe('useShortcuts', () => {
  it('calls the handler once per press, never for a held key, and consumes the key', () => {
    const a = vi.fn()
    renderHook(() => useShortcuts({ a }))
    const first = fireEvent.keyDown(document.body, { key: 'a' })
    fireEvent.keyDown(document.body, { key: 'a', repeat: true })
    fireEvent.keyDown(document.body, { key: 'a', repeat: true })
    expect(a).toHaveBeenCalledTimes(1)
    expect(first).toBe(false) // default prevented
  })

  it('ignores keys typed into a field, modified keys and keys behind an open dialog', () => {
    const a = vi.fn()
    renderHook(() => useShortcuts({ a }))
    const input = document.createElement('input')
    document.body.append(input)
    fireEvent.keyDown(input, { key: 'a' })
    fireEvent.keyDown(document.body, { key: 'a', ctrlKey: true })
    const dialog = document.createElement('dialog')
    dialog.setAttribute('open', '')
    document.body.append(dialog)
    fireEvent.keyDown(document.body, { key: 'a' })
    expect(a).not.toHaveBeenCalled()
    dialog.remove()
    input.remove()
  })

  it('always calls the latest handler, and a handler returning false leaves the key alone', () => {
    const seen: string[] = []
    const { rerender } = renderHook(({ label }) => useShortcuts({ j: () => void seen.push(label), Enter: () => false }), { initialProps: { label: 'first' } })
    rerender({ label: 'second' })
    fireEvent.keyDown(document.body, { key: 'j' })
    expect(seen).toEqual(['second'])
    expect(fireEvent.keyDown(document.body, { key: 'Enter' })).toBe(true)
  })

  it('stops listening when disabled or unmounted', () => {
    const a = vi.fn()
    const { rerender, unmount } = renderHook(({ on }) => useShortcuts({ a }, on), { initialProps: { on: false } })
    fireEvent.keyDown(document.body, { key: 'a' })
    rerender({ on: true })
    fireEvent.keyDown(document.body, { key: 'a' })
    unmount()
    fireEvent.keyDown(document.body, { key: 'a' })
    expect(a).toHaveBeenCalledTimes(1)
  })
})
