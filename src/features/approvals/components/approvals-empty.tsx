import { Button } from '@/components/ui/button'
import type { View } from '../use-triage'

/** What the inbox says when nothing is waiting in the current view. */
export function ApprovalsEmpty({ view, mode, others, onShowOthers }: { view: View; mode: string; others: number; onShowOthers: () => void }) {
  const box = 'rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700'
  if (view === 'others') return <p className={box}>No pending approvals wait on others.</p>
  if (mode === 'all') return <p className={box}>No approvals are waiting.</p>
  return (
    <div className={box}>
      <p className="font-medium">No approvals waiting on you</p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {others === 0 ? 'Nothing waits on anyone else either.' : `${others} pending approval${others === 1 ? '' : 's'} wait${others === 1 ? 's' : ''} on others.`}
      </p>
      {others > 0 && (
        <Button size="sm" className="mt-3" onClick={onShowOthers}>
          Show approvals waiting on others
        </Button>
      )}
    </div>
  )
}
