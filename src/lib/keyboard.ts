import { useEffect, useLayoutEffect, useRef } from 'react'

/**
 * Page shortcuts (j/k, a/r, /, ?) must never steal keys the user types into a field, nor act
 * behind an open dialog. Checkboxes and buttons are not typing: `x` on a focused checkbox still
 * selects.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const el = target as HTMLElement
  if (el.isContentEditable) return true
  if (el.closest('dialog, textarea, select, [contenteditable="true"], [role="textbox"], [role="combobox"]')) return true
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type)
  return false
}

/**
 * A page's shortcuts: key -> handler. A handler may return `false` to leave the key alone (then
 * the browser's default runs); otherwise the key is consumed.
 */
export type Shortcuts = Readonly<Record<string, (event: KeyboardEvent) => boolean | void>>

/** Whether a keydown may act as a page shortcut at all. */
export function isShortcutEvent(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false
  // A held key repeats: one press is one intent, so a held `a` approves one request, not six.
  if (e.repeat) return false
  if (isTypingTarget(e.target)) return false
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return false
  return true
}

/**
 * One document listener for the page's shortcuts, subscribed once; it always calls the latest
 * handlers (no re-subscribing on every render, no stale list). Ignores key repeat, modified keys,
 * typing in fields and anything behind an open dialog.
 */
export function useShortcuts(shortcuts: Shortcuts, enabled = true): void {
  const latest = useRef(shortcuts)
  useLayoutEffect(() => {
    latest.current = shortcuts
  })
  useEffect(() => {
    if (!enabled) return
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcutEvent(e)) return
      const handler = latest.current[e.key]
      if (!handler) return
      if (handler(e) !== false) e.preventDefault()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [enabled])
}
