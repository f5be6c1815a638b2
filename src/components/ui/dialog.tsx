import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { cn } from './cn'

/** How long focus keeps following the opener after it went back to it (see followOpener). */
const FOLLOW_MS = 30_000

/**
 * After a dialog closes: to what it did (`outcome`, asked once the page rendered the close), else
 * back to its opener once it is enabled again (a button stays disabled a frame or two until its
 * request's state settles), else to the fallback. Leaves focus alone when something already took it.
 * `dialog` is the element: when StrictMode ran the effect's cleanup while it stays open, nothing
 * is restored.
 */
function restoreFocus(
  dialog: HTMLDialogElement | null,
  opener: HTMLElement | null,
  fallback: () => HTMLElement | null | undefined,
  outcome: () => HTMLElement | null | undefined,
) {
  let tries = 0
  const attempt = () => {
    if (dialog?.isConnected && dialog.open) return
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected && !active.closest('dialog')) return
    const target = outcome()
    if (target?.isConnected) return target.focus()
    if (opener?.isConnected) {
      if (!isDisabled(opener)) {
        opener.focus()
        followOpener(opener, fallback)
        return
      }
      if (tries++ < 30) {
        requestAnimationFrame(attempt)
        return
      }
    }
    fallback()?.focus()
  }
  requestAnimationFrame(attempt)
}

const isDisabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled === true

/**
 * Focus went back to the opener, but what the dialog did may still take the opener away: the
 * refresh it caused removes or disables it a moment later, and focus would fall to the top of the
 * page. Until the user moves focus elsewhere, focus then follows to the fallback (what happened).
 */
function followOpener(opener: HTMLElement, fallback: () => HTMLElement | null | undefined) {
  const check = () => {
    const active = document.activeElement
    if (active && active !== document.body && active !== opener) return stop()
    if (opener.isConnected && !isDisabled(opener)) return
    // The opener is gone or disabled, and focus was on it (or fell from it to the body).
    stop()
    fallback()?.focus()
  }
  // A blur the user made (clicked elsewhere, left the window) ends the watch; one caused by the
  // opener being removed or disabled is handled by `check`.
  const onFocusOut = () => {
    if (opener.isConnected && !isDisabled(opener)) stop()
  }
  const observer = new MutationObserver(check)
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] })
  opener.addEventListener('focusout', onFocusOut)
  const timer = setTimeout(stop, FOLLOW_MS)
  function stop() {
    observer.disconnect()
    opener.removeEventListener('focusout', onFocusOut)
    clearTimeout(timer)
  }
}

/**
 * A held Enter or Space repeats: one press is one intent. Without this, holding Enter on a confirm
 * button would also press the Close that takes its place, and a held Enter in a field would submit
 * its form again and again. Typing is left alone: repeated newlines in a text area, spaces in a field.
 */
function isRepeatedActivation(key: string, target: EventTarget): boolean {
  const el = target as HTMLElement
  const multiline = el instanceof HTMLTextAreaElement || el.isContentEditable
  const textField = el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type)
  if (key === 'Enter') return !multiline
  if (key === ' ') return !multiline && !textField
  return false
}

/**
 * A modal dialog on the native <dialog> element: focus is trapped and restored by the browser,
 * Escape closes it. Kept mounted by its owner's state, so a background refresh never closes it.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  role = 'dialog',
  className,
  returnFocus,
  focusAfterClose,
}: {
  open: boolean
  onClose: () => void
  title: ReactNode
  description?: ReactNode
  children?: ReactNode
  footer?: ReactNode
  role?: 'dialog' | 'alertdialog'
  className?: string
  /** Where focus goes after closing when the opener is gone (its action no longer applies). */
  returnFocus?: () => HTMLElement | null | undefined
  /**
   * Asked once the dialog has closed and the page has rendered what closing did: an element when
   * focus should go there rather than back to the opener (the outcome of what the dialog did, when
   * it used up the opener's action). Nothing: back to the opener.
   */
  focusAfterClose?: () => HTMLElement | null | undefined
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descId = useId()
  // Keyboard users continue where they were: focus returns to the control that opened the dialog
  // (the <dialog> is unmounted on close, so the browser's own restoring does not apply), or to
  // `returnFocus` when that control is gone (also when it goes just after), or to what the dialog
  // did when `focusAfterClose` names it.
  const returnFocusRef = useRef(returnFocus)
  const focusAfterCloseRef = useRef(focusAfterClose)
  useLayoutEffect(() => {
    returnFocusRef.current = returnFocus
    focusAfterCloseRef.current = focusAfterClose
  })
  const openerRef = useRef<HTMLElement | null>(null)
  useLayoutEffect(() => {
    if (!open) return
    // Layout effects run before showModal() (a passive effect): focus is still on the opener.
    // StrictMode (npm run dev) runs this again once the dialog is already open and focused
    // inside: the opener seen the first time is kept.
    const dialog = ref.current
    if (!dialog?.open) {
      const active = document.activeElement
      openerRef.current = active instanceof HTMLElement && active !== document.body ? active : null
    }
    return () =>
      restoreFocus(
        dialog,
        openerRef.current,
        () => returnFocusRef.current?.(),
        () => focusAfterCloseRef.current?.(),
      )
  }, [open])
  useEffect(() => {
    const el = ref.current
    if (!el) return
    if (open && !el.open) {
      if (typeof el.showModal === 'function') el.showModal()
      else el.setAttribute('open', '')
    } else if (!open && el.open) {
      if (typeof el.close === 'function') el.close()
      else el.removeAttribute('open')
    }
  }, [open])
  if (!open) return null
  return (
    <dialog
      ref={ref}
      role={role}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      onKeyDown={(e) => {
        if (e.repeat && isRepeatedActivation(e.key, e.target)) e.preventDefault()
      }}
      className={cn(
        'm-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50',
        'dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
        className,
      )}
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {description && (
          <div id={descId} className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            {description}
          </div>
        )}
        {children && <div className="mt-4">{children}</div>}
      </div>
      {footer && <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 px-5 py-3 dark:border-slate-700">{footer}</div>}
    </dialog>
  )
}
