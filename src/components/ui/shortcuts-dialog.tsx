import { Button } from './button'
import { Dialog } from './dialog'

/** The "Keyboard shortcuts" help of a page: each key with what it does. */
export function ShortcutsDialog({
  open,
  onClose,
  shortcuts,
  returnFocus,
}: {
  open: boolean
  onClose: () => void
  shortcuts: ReadonlyArray<readonly [string, string]>
  returnFocus?: () => HTMLElement | null | undefined
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      returnFocus={returnFocus}
      title="Keyboard shortcuts"
      description="They work when focus is not in a text field and no dialog is open."
      footer={
        <Button variant="primary" onClick={onClose} autoFocus>
          Close
        </Button>
      }
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
        {shortcuts.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  )
}
