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
