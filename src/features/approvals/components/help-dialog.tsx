import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'

const KEYS: Array<[string, string]> = [
  ['j', 'Next request'],
  ['k', 'Previous request'],
  ['a', 'Approve the focused request (its task’s approve label)'],
  ['r', 'Reject the focused request (its task’s reject label)'],
  ['x', 'Select or unselect the focused request'],
  ['?', 'Show this help'],
]

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Keyboard shortcuts"
      description="They work when focus is not in a text field and no dialog is open."
      footer={
        <Button variant="primary" onClick={onClose} autoFocus>
          Close
        </Button>
      }
    >
      <dl className="grid grid-cols-[3rem_1fr] gap-y-1.5 text-sm">
        {KEYS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono dark:border-slate-600 dark:bg-slate-800">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  )
}
