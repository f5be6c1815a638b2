import { describe, expect, it } from 'vitest'
import { isTypingTarget } from './keyboard'

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
