import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { cn } from './cn'

/**
 * After a dialog closes: back to its opener once it is enabled again (a button stays disabled a
 * frame or two until its request's state settles), else to the fallback. Leaves focus alone when
 * something already took it.
 */
function restoreFocus(opener: HTMLElement | null, fallback: () => HTMLElement | null | undefined) {
  let tries = 0
  const attempt = () => {
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected && !active.closest('dialog')) return
    if (opener?.isConnected) {
      if (!(opener as HTMLButtonElement).disabled) return opener.focus()
      if (tries++ < 30) {
        requestAnimationFrame(attempt)
        return
      }
    }
    fallback()?.focus()
  }
  requestAnimationFrame(attempt)
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
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descId = useId()
  // Keyboard users continue where they were: focus returns to the control that opened the dialog
  // (the <dialog> is unmounted on close, so the browser's own restoring does not apply), or to
  // `returnFocus` when that control is gone.
  const returnFocusRef = useRef(returnFocus)
  useLayoutEffect(() => {
    returnFocusRef.current = returnFocus
  })
  const openerRef = useRef<HTMLElement | null>(null)
  useLayoutEffect(() => {
    if (!open) return
    // Layout effects run before showModal() (a passive effect): focus is still on the opener.
    // StrictMode (npm run dev) runs this again once the dialog is already open and focused
    // inside: the opener seen the first time is kept.
    if (!ref.current?.open) {
      const active = document.activeElement
      openerRef.current = active instanceof HTMLElement && active !== document.body ? active : null
    }
    return () => restoreFocus(openerRef.current, () => returnFocusRef.current?.())
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
