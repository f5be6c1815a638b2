/*
 * Boot's painted first view (first-view.ts) is replaced by the app's first commit. A keyboard user who
 * has tabbed onto one of its links (a job, the Jobs breadcrumb, a navigation link) would lose focus to
 * the page's body there. This moves focus to the same link in the app's view: same element, address,
 * job and navigation. Only when focus was on the painted view when it went, and only while nothing
 * else has focus: it never takes focus from anywhere else. Plain DOM (the painter's chunk, no React).
 */

/** How long after the takeover the app may take to draw the link (a page still loading its data). */
const FIND_WITHIN_MS = 10_000

/** What makes two links the same link: element, address, job, navigation landmark and role. */
function keyOf(el: Element): string {
  return [el.tagName, el.getAttribute('href'), el.getAttribute('data-job-link'), el.getAttribute('role'), el.closest('nav')?.getAttribute('aria-label')].join('|')
}

const nothingFocused = () => !document.activeElement || document.activeElement === document.body || document.activeElement === document.documentElement

/** Follows focus on the view painted into `root` and hands it to the app's equivalent when the view goes. */
export function keepFocusThroughTakeover(root: HTMLElement): void {
  const painted = root.querySelector('[data-first-paint]')
  if (!painted) return
  let focused: HTMLElement | null = null
  let deadline = 0

  const onFocusIn = (e: FocusEvent) => {
    const target = e.target
    focused = target instanceof HTMLElement && painted.contains(target) ? target : null
  }
  const onFocusOut = (e: FocusEvent) => {
    const target = focused
    if (!target || e.target !== target || e.relatedTarget) return
    // Focus went to no element: a click on the page's background (the link is still there: forget it),
    // or the view was removed with the link in it (keep it: the takeover hands focus on).
    setTimeout(() => {
      if (focused === target && target.isConnected && document.activeElement !== target) focused = null
    })
  }
  const stop = () => {
    observer.disconnect()
    document.removeEventListener('focusin', onFocusIn, true)
    document.removeEventListener('focusout', onFocusOut, true)
  }
  const handOver = () => {
    if (painted.isConnected) return
    if (!deadline) {
      // The view is gone: from now on, watch the app's view draw itself.
      deadline = performance.now() + FIND_WITHIN_MS
      observer.disconnect()
      observer.observe(root, { childList: true, subtree: true })
    }
    const from = focused
    if (!from || from.isConnected || !nothingFocused() || performance.now() > deadline) return stop()
    const key = keyOf(from)
    const same = [...root.querySelectorAll<HTMLElement>(from.tagName)].filter((el) => keyOf(el) === key && !el.closest('[inert]'))
    const to = same.find((el) => el.getClientRects().length > 0) ?? same[0]
    if (!to) return
    stop()
    to.focus({ preventScroll: true })
  }
  const observer = new MutationObserver(handOver)
  observer.observe(root, { childList: true })
  document.addEventListener('focusin', onFocusIn, true)
  document.addEventListener('focusout', onFocusOut, true)
}
