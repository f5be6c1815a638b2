import type { Job } from '@/api/schemas/job'
import { BulkRunDialog } from '@/components/ui/bulk-run-dialog'
import { Callout } from '@/components/ui/callout'
import type { Decision } from './approval-item'

export interface BulkEntry {
  job: Job
  name: string
  /** The task's own word for this decision ("Ship it"), when it differs from the generic one. */
  ownLabel?: string
  /** The first values to approve: they tell apart requests with the same name. */
  values?: string
  /** How long it has waited. */
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
 * progress and a summary of what failed and why (the shared BulkRunDialog).
 */
export function BulkDialog({
  snapshot,
  run,
  onStart,
  onClose,
  returnFocus,
}: {
  snapshot: BulkSnapshot
  run: (entry: BulkEntry) => Promise<DecideResult>
  onStart: () => void
  onClose: (summary: { succeeded: number; failed: number } | null) => void
  returnFocus?: () => HTMLElement | null | undefined
}) {
  const { decision, entries, skipped } = snapshot
  const words = VERB[decision]
  const total = entries.length
  const mixedLabels = entries.some((e) => e.ownLabel)

  return (
    <BulkRunDialog
      items={entries}
      runOne={run}
      onStart={onStart}
      tone={decision === 'approve' ? 'success' : 'danger'}
      returnFocus={returnFocus}
      title={`${words.verb} ${total} approval request${total === 1 ? '' : 's'}?`}
      description={
        <>
          {total === 1 ? `The request below gets the “${words.noun}” decision.` : `Each request below gets the “${words.noun}” decision, one after the other.`}
          {mixedLabels && ' Their tasks name this decision in their own words (shown beside each); this dialog uses the generic word.'}
        </>
      }
      confirmLabel={`${words.verb} ${total}`}
      onClose={({ phase, results }) =>
        onClose(phase === 'done' ? { succeeded: results.filter((r) => r?.ok).length, failed: results.filter((r) => r && !r.ok).length } : null)
      }
    >
      {({ phase, results, processed, stopping }) => {
        const succeeded = results.filter((r) => r?.ok).length
        const failures = entries.flatMap((entry, i) => {
          const r = results[i]
          return r && !r.ok ? [{ name: entry.name, reason: r.reason }] : []
        })
        return (
          <>
            <ul aria-label="Selected requests" className="max-h-60 space-y-1 overflow-y-auto text-sm">
              {entries.map((e) => (
                <li key={e.job.id} className="break-words">
                  {e.name}
                  {e.ownLabel && <span> (“{e.ownLabel}”)</span>}
                  {e.values && <span className="text-slate-700 dark:text-slate-200"> · {e.values}</span>}
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
                {phase === 'running' ? `${processed} of ${total} done…` : `${processed} of ${total} done: ${succeeded} ${words.past}, ${failures.length} failed.`}
                {phase === 'done' && stopping && processed < total && ` Stopped before the other ${total - processed}.`}
              </p>
            )}
            {failures.length > 0 && (
              <Callout tone="danger" role="alert" bare className="mt-2 p-2" title={`Not ${words.past}:`}>
                <ul className="list-disc pl-5">
                  {failures.map((f, i) => (
                    <li key={i} className="break-words">
                      {f.name}: {f.reason}
                    </li>
                  ))}
                </ul>
              </Callout>
            )}
          </>
        )
      }}
    </BulkRunDialog>
  )
}
