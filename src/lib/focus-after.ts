/** How many frames `focusAfter` waits for the page to render what the action did (about a second). */
const FRAMES = 60

/**
 * Focus after an action that takes away the control it was started from: the control is removed or
 * disabled, and the browser drops focus to the top of the page (the next Tab goes to "Skip to
 * content"). Each frame, once the page has rendered what the action did, `target()` is asked for
 * where focus goes (the outcome message, the control that took the removed one's place, the next
 * logical control); an element that is disabled or not there yet is waited for, a null is
 * "not yet". Gives up after about a second.
 *
 * Never steals focus: it moves only while focus is still on `from` (the control the user acted
 * on) or has fallen to the body; once the user has put it anywhere else, nothing happens.
 * Called from event handlers and promise callbacks (not effects), so StrictMode runs it once.
 */
export function focusAfter(from: Element | null, target: () => HTMLElement | null | undefined): void {
  let left = FRAMES
  const attempt = () => {
    const active = document.activeElement
    const fallen = !active || active === document.body || active === document.documentElement
    if (!fallen && active !== from) return
    const to = target()
    if (to?.isConnected && !(to as HTMLButtonElement).disabled) {
      if (to !== active) to.focus()
      return
    }
    if (--left > 0) requestAnimationFrame(attempt)
  }
  requestAnimationFrame(attempt)
}
