import { isApiError } from '@/api/errors'
import type { Job } from '@/api/schemas/job'
import { BulkRunDialog } from '@/components/ui/bulk-run-dialog'
import { Callout } from '@/components/ui/callout'
import { errorMessage } from '@/components/ui/error-panel'
import { lifecycleLabel } from '@/components/ui/status'
import { useCancelJob, type CancelOutcome } from '@/lib/job-queries'
import { plainText } from '@/lib/text'

/** A job as it was when the dialog opened: the dialog acts on exactly these, whatever refreshes. */
export interface CancelTarget {
  id: string
  name: string
  before: Job
}

/** What one cancel request came to. */
export type CancelItemResult =
  | { status: 'done'; outcome: CancelOutcome; after?: Job }
  | { status: 'refused'; message: string }
  | { status: 'failed'; message: string }

type ItemResult = CancelItemResult | { status: 'pending' } | { status: 'working' } | { status: 'skipped' }

export function cancelVerb(count: number): string {
  return count === 1 ? 'Cancel job' : `Cancel ${count} jobs`
}

/** What cancelling does to a job in this lifecycle (theeye-api.md §2.1). */
function effect(lifecycle: string | undefined): string {
  if (lifecycle === 'assigned') return 'running: it will be terminated'
  if (lifecycle === 'ready' || lifecycle === 'onhold') return `${lifecycleLabel(lifecycle)}: it will be cancelled`
  return lifecycleLabel(lifecycle)
}

export function succeeded(r: ItemResult): boolean {
  return r.status === 'done' && (r.outcome === 'canceled' || r.outcome === 'terminated')
}

/** What a cancel's read-back means, in a row of the bulk dialog (an `other` outcome names the lifecycle it found). */
const DONE_TEXT: Record<Exclude<CancelOutcome, 'other'>, string> = {
  canceled: 'Cancelled',
  terminated: 'Terminated (the supervisor ignores its agent’s later result)',
  unchanged: 'Unchanged: the server accepted but the job did not change',
  gone: 'Not confirmed: the job could not be read back after the cancel',
}

export function resultText(r: ItemResult): string {
  switch (r.status) {
    case 'pending':
      return 'Waiting'
    case 'working':
      return 'Cancelling…'
    case 'skipped':
      return 'Not attempted (stopped)'
    case 'refused':
      return `Not cancellable: ${r.message}`
    case 'failed':
      return `Failed: ${r.message}`
    case 'done':
      if (r.outcome === 'other') return `Not cancelled: it is now ${lifecycleLabel(r.after?.lifecycle)} (it may have ended first)`
      return DONE_TEXT[r.outcome]
  }
}

export function resultIcon(r: ItemResult): string {
  if (succeeded(r)) return '✓'
  if (r.status === 'pending' || r.status === 'working') return '…'
  return '⚠'
}

/**
 * Confirms, then cancels the snapshotted jobs one at a time (one PUT each, never retried), and
 * reports what really happened to each: the server answers 204 whether or not anything changed,
 * so useCancelJob refetches every job to tell. `onResult` hears each outcome as it lands.
 */
export function CancelJobsDialog({
  targets,
  skipped = 0,
  onClose,
  onResult,
  onStart,
  returnFocus,
}: {
  targets: CancelTarget[]
  returnFocus?: () => HTMLElement | null | undefined
  /** Jobs left out because their task does not allow cancelling (said in the dialog). */
  skipped?: number
  onResult?: (target: CancelTarget, result: CancelItemResult) => void
  onStart?: () => void
  onClose: (done: { cancelledIds: string[] }) => void
}) {
  const cancel = useCancelJob()
  const cancelOne = async (t: CancelTarget): Promise<CancelItemResult> => {
    try {
      const r = await cancel.mutateAsync({ id: t.id, before: t.before })
      return { status: 'done', outcome: r.outcome, after: r.after }
    } catch (error) {
      const message = errorMessage(error)
      return isApiError(error) && error.status === 403 ? { status: 'refused', message } : { status: 'failed', message }
    }
  }

  const count = targets.length
  const verb = cancelVerb(count)

  return (
    <BulkRunDialog
      items={targets}
      runOne={cancelOne}
      onResult={onResult}
      onStart={onStart}
      returnFocus={returnFocus}
      title={count === 1 ? `Cancel job “${targets[0]!.name}”?` : `${verb}?`}
      description={
        <>
          {count === 1 ? 'The job will be cancelled.' : `These ${count} jobs will be cancelled, one after the other.`} Cancelling cannot be undone.
          {skipped > 0 && ` ${skipped === 1 ? 'One job is' : `${skipped} jobs are`} left out because its task does not allow cancelling.`}
        </>
      }
      confirmLabel={verb}
      onClose={({ results }) => onClose({ cancelledIds: targets.filter((_, i) => results[i] && succeeded(results[i])).map((t) => t.id) })}
    >
      {({ phase, results: ran, current, processed }) => {
        const results: ItemResult[] = ran.map((r, i) =>
          r ?? (i === current ? { status: 'working' } : phase === 'done' ? { status: 'skipped' } : { status: 'pending' }),
        )
        const failed = results.filter((r) => !succeeded(r)).length
        return (
          <>
            <ul aria-label="Jobs to cancel" className="max-h-72 space-y-1 overflow-y-auto text-sm">
              {targets.map((t, i) => {
                const r = results[i]!
                return (
                  <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 rounded px-2 py-1 odd:bg-slate-50 dark:odd:bg-slate-800/60">
                    <span className="min-w-0 font-medium break-words">{t.name}</span>
                    <span className="text-slate-600 dark:text-slate-300">
                      {phase === 'confirm' ? (
                        effect(t.before.lifecycle)
                      ) : (
                        <>
                          <span aria-hidden="true">{resultIcon(r)} </span>
                          {resultText(r)}
                        </>
                      )}
                    </span>
                  </li>
                )
              })}
            </ul>
            {phase === 'running' && (
              <p role="status" className="mt-3 text-sm font-medium">
                Cancelling {Math.max(1, current + 1)} of {count}…
              </p>
            )}
            {phase === 'done' &&
              (failed === 0 ? (
                <p role="status" className="mt-3 text-sm font-medium text-emerald-800 dark:text-emerald-200">
                  <span aria-hidden="true">✓ </span>
                  {count === 1 ? 'The job was cancelled.' : `All ${count} jobs were cancelled.`}
                </p>
              ) : (
                <Callout
                  role="alert"
                  className="mt-3 p-3"
                  title={count === 1 ? 'The job was not cancelled.' : `${failed} of ${count} jobs were not cancelled (${processed} of ${count} processed).`}
                >
                  <p className="mt-1">
                    The list shows them again if they are still running. Open a job to check it; for “not cancellable”, ask an admin.
                  </p>
                </Callout>
              ))}
          </>
        )
      }}
    </BulkRunDialog>
  )
}

/** Snapshot of a job for the dialog (plain-text name: script data never breaks the layout). */
export function toTarget(job: Job, name: string): CancelTarget {
  return { id: job.id, name: plainText(name, 200), before: job }
}
