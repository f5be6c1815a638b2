import { useEffect, useRef, type ReactNode } from 'react'
import { Button } from './button'
import { Dialog } from './dialog'

/**
 * The one "are you sure" of the app: a title that names what is acted on, what it does, and two
 * buttons, "Go back" and the action's verb. One confirmation is one request: clicks arriving
 * while the confirmed action runs (a double click, Enter then a click) are ignored. While it runs
 * the dialog cannot be dismissed.
 */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  title,
  description,
  children,
  confirmLabel,
  tone = 'danger',
  pending = false,
  returnFocus,
}: {
  open: boolean
  onClose: () => void
  /** Runs the action; a promise keeps the dialog busy until it settles. */
  onConfirm: () => unknown
  title: ReactNode
  description?: ReactNode
  children?: ReactNode
  /** Repeats the action's verb: "Cancel job", "Clear history". */
  confirmLabel: string
  tone?: 'danger' | 'primary'
  pending?: boolean
  returnFocus?: () => HTMLElement | null | undefined
}) {
  const fired = useRef(false)
  // A new opening, or the end of the action's pending state, allows the next confirmation.
  useEffect(() => {
    if (!pending) fired.current = false
  }, [pending, open])

  const confirm = () => {
    if (fired.current || pending) return
    fired.current = true
    const result = onConfirm()
    if (result && typeof (result as Promise<unknown>).finally === 'function') {
      void (result as Promise<unknown>).finally(() => {
        fired.current = false
      })
    }
  }

  return (
    <Dialog
      open={open}
      role="alertdialog"
      onClose={() => !pending && onClose()}
      returnFocus={returnFocus}
      title={title}
      description={description}
      footer={
        <>
          <Button onClick={onClose} disabled={pending}>
            Go back
          </Button>
          <Button variant={tone} pending={pending} onClick={confirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  )
}
