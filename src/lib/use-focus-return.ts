import { useEffect, useLayoutEffect, useRef } from 'react'

/**
 * Puts keyboard focus back on the control that opened a dialog once the dialog is gone. The shared
 * Dialog unmounts its <dialog> rather than calling close(), and browsers restore focus only on
 * close(): without this, focus falls to <body> and a keyboard user starts again at the top of the
 * page. When the opener has gone too (the action no longer applies: the job was canceled, the
 * request decided) or stays disabled, focus goes to `fallback` (the outcome message, the item the
 * user was on). The shared Dialog restores focus in the simple case; this covers the rest.
 */
export function useFocusReturn(open: boolean, fallback?: () => HTMLElement | null | undefined) {
  const opener = useRef<HTMLElement | null>(null)
  const wasOpen = useRef(open)
  const fallbackRef = useRef(fallback)
  useLayoutEffect(() => {
    fallbackRef.current = fallback
  })
  useLayoutEffect(() => {
    // Layout effects run before the Dialog's showModal() (a passive effect): focus is still on the opener.
    if (open && !wasOpen.current) {
      const active = document.activeElement
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null
    }
  }, [open])
  useEffect(() => {
    const closing = wasOpen.current && !open
    wasOpen.current = open
    if (!closing) return
    const target = opener.current
    opener.current = null
    let frame = 0
    let tries = 0
    const attempt = () => {
      const active = document.activeElement
      // Someone (the user, another component) already put focus somewhere sensible.
      if (active && active !== document.body && active.isConnected && !active.closest('dialog')) return
      if (target?.isConnected) {
        // A button stays disabled until its request's state settles, a frame or two later.
        if (!(target as HTMLButtonElement).disabled) return target.focus()
        if (tries++ < 30) {
          frame = requestAnimationFrame(attempt)
          return
        }
      }
      fallbackRef.current?.()?.focus()
    }
    attempt()
    return () => cancelAnimationFrame(frame)
  }, [open])
}
