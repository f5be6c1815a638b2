import type { Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { useSequentialRun } from '@/lib/use-sequential-run'
import type { Decision } from './approval-item'

export interface BulkEntry {
  job: Job
  name: string
  /** The task's own word for this decision ("Ship it"), when it differs from the generic one. */
  ownLabel?: string
  /** Tells apart requests with the same name. */
  hint?: string
}

export interface BulkSnapshot {
  decision: Decision
  /** Taken when the dialog opened: a refresh never changes what the dialog acts on. */
  entries: BulkEntry[]
  /** Selected requests whose task turned this decision off: not sent. */
  skipped: BulkEntry[]
}

export type DecideResult = { ok: true } | { ok: false; reason: string }

const VERB: Record<Decision, { verb: string; past: string; noun: string }> = {
  approve: { verb: 'Approve', past: 'approved', noun: 'approve' },
  reject: { verb: 'Reject', past: 'rejected', noun: 'reject' },
}

/**
 * Confirm, then decide the selected requests one at a time (one request per job, in order), with
 * progress and a summary of what failed and why. It cannot be closed while requests run; "Stop"
 * ends the run after the request in flight.
 */
export function BulkDialog({
  snapshot,
  run,
  onClose,
  returnFocus,
}: {
  snapshot: BulkSnapshot
  run: (job: Job) => Promise<DecideResult>
  onClose: (summary: { succeeded: number; failed: number } | null) => void
  returnFocus?: () => HTMLElement | null | undefined
}) {
  const { decision, entries, skipped } = snapshot
  const words = VERB[decision]
  const { phase, results, processed: done, stopping: stopped, start, stop } = useSequentialRun(entries, (entry) => run(entry.job))
  const succeeded = results.filter((r) => r?.ok).length
  const failures = entries.flatMap((entry, i) => {
    const r = results[i]
    return r && !r.ok ? [{ name: entry.name, reason: r.reason }] : []
  })

  const close = () => {
    if (phase === 'running') return
    onClose(phase === 'done' ? { succeeded, failed: failures.length } : null)
  }

  const total = entries.length
  const mixedLabels = entries.some((e) => e.ownLabel)

  return (
    <Dialog
      open
      role="alertdialog"
      onClose={close}
      returnFocus={returnFocus}
      title={`${words.verb} ${total} approval request${total === 1 ? '' : 's'}?`}
      description={
        <>
          Each request below gets the “{words.noun}” decision, one request at a time.
          {mixedLabels && ' Their tasks name this decision in their own words (shown beside each); this dialog uses the generic word.'}
        </>
      }
      footer={
        phase === 'done' ? (
          <Button variant="primary" onClick={close} autoFocus>
            Close
          </Button>
        ) : (
          <>
            {phase === 'running' ? (
              <Button
                onClick={stop}
                disabled={stopped}
              >
                {stopped ? 'Stopping…' : 'Stop after this one'}
              </Button>
            ) : (
              <Button onClick={close}>Go back</Button>
            )}
            <Button
              variant={decision === 'approve' ? 'success' : 'danger'}
              pending={phase === 'running'}
              disabled={total === 0}
              onClick={() => void start()}
            >
              {words.verb} {total}
            </Button>
          </>
        )
      }
    >
      <ul aria-label="Selected requests" className="max-h-60 space-y-1 overflow-y-auto text-sm">
        {entries.map((e) => (
          <li key={e.job.id} className="break-words">
            {e.name}
            {e.ownLabel && <span> (“{e.ownLabel}”)</span>}
            {e.hint && <span className="text-slate-600 dark:text-slate-300"> · {e.hint}</span>}
          </li>
        ))}
      </ul>
      {skipped.length > 0 && (
        <div className="mt-3 text-sm">
          <p className="font-medium">
            Skipped ({skipped.length}): their task has no {words.noun} decision.
          </p>
          <ul className="list-disc pl-5">
            {skipped.map((e) => (
              <li key={e.job.id} className="break-words">
                {e.name}
              </li>
            ))}
          </ul>
        </div>
      )}
      {phase !== 'confirm' && (
        <p role="status" className="mt-3 text-sm font-medium">
          {phase === 'running' ? `${done} of ${total} done…` : `${done} of ${total} done: ${succeeded} ${words.past}, ${failures.length} failed.`}
          {phase === 'done' && stopped && done < total && ` Stopped before the other ${total - done}.`}
        </p>
      )}
      {failures.length > 0 && (
        <div role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-semibold">Not {words.past}:</p>
          <ul className="list-disc pl-5">
            {failures.map((f, i) => (
              <li key={i} className="break-words">
                {f.name}: {f.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  )
}
