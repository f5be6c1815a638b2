import { Dialog } from '@/components/ui/dialog'
import { Button } from '@/components/ui/button'

const SHORTCUTS: Array<[string, string]> = [
  ['/', 'Focus the search box'],
  ['j', 'Select the next job'],
  ['k', 'Select the previous job'],
  ['Enter', 'Open the selected job'],
  ['?', 'Show this help'],
]

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts" footer={<Button onClick={onClose}>Close</Button>}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">Shortcuts are ignored while you type in a field.</p>
    </Dialog>
  )
}

/** True when a key press belongs to a text field, a select, or an open dialog, not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target.closest('dialog')) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}
