import { useId, type Ref } from 'react'
import { Link } from 'react-router'
import { StartedBy } from '@/components/started-by'
import { jobDisplayName, type Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { errorMessage } from '@/components/ui/error-panel'
import { Skeleton } from '@/components/ui/skeleton'
import { formatDuration, formatExact, useNow } from '@/components/ui/time'
import { plainText } from '@/lib/text'
import { argumentRows } from '@/lib/argument-rows'
import { decisionLabels } from '../approval-logic'
import { jobPath } from '@/lib/links'

export type Decision = 'approve' | 'reject'

export interface ItemDetail {
  job: Job | undefined
  isPending: boolean
  error: unknown
  refetch: () => void
}

export interface ApprovalItemProps {
  /** The list item (no arguments, no embedded task). */
  job: Job
  detail: ItemDetail
  /** Decisions offered (false on the "Not mine" view: the server refuses non-approvers). */
  canDecide: boolean
  selectable: boolean
  selected: boolean
  onSelect: (job: Job, selected: boolean) => void
  onDecide: (job: Job, decision: Decision) => void
  onCancelRequest: (job: Job, label: string) => void
  /** A decision or cancel of this item is in flight. */
  busy: boolean
  /** Why the last decision was refused. */
  message?: string
  onDismissMessage: (job: Job) => void
  active: boolean
  onFocusItem: (job: Job) => void
  ref?: Ref<HTMLElement>
}

export function itemName(job: Pick<Job, 'name' | 'id'>): string {
  return plainText(jobDisplayName(job), 200)
}

function WaitingFor({ since }: { since: string | undefined }) {
  const now = useNow()
  const t = since ? Date.parse(since) : NaN
  if (!Number.isFinite(t)) return <span>waiting time unknown</span>
  return (
    <span>
      waiting for{' '}
      <time dateTime={new Date(t).toISOString()} title={`Requested ${formatExact(t)}`}>
        {formatDuration(Math.max(0, now - t))}
      </time>
    </span>
  )
}

/**
 * One approval request. The list item gives the name and approvers; the full document (fetched
 * per item) gives the task's labels, what is enabled, and the values to approve.
 */
export function ApprovalItem(props: ApprovalItemProps) {
  const { ref, job, detail, canDecide, selectable, selected, onSelect, onDecide, onCancelRequest, busy, message, onDismissMessage, active, onFocusItem } = props
  const headingId = useId()
  const full = detail.job
  const name = itemName(job)
  const labels = decisionLabels(full ?? job)
  const taskName = full?.task?.name ?? job.task?.name
  const rows = full ? argumentRows(full) : []
  const problems = full?.problems.length ? full.problems : job.problems
  const description = full?.task?.description?.trim()
  // Buttons wait for the full document: only it says whether the task turned a decision off.
  const labelsKnown = !!full || !!detail.error

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      onFocus={() => onFocusItem(job)}
      className={cn(
        'rounded-lg border bg-white p-4 shadow-sm outline-none dark:bg-slate-900',
        'focus-visible:ring-2 focus-visible:ring-indigo-500',
        active ? 'border-indigo-400 dark:border-indigo-500' : 'border-slate-200 dark:border-slate-700',
      )}
    >
      <div className="flex items-start gap-3">
        {selectable && (
          <input
            type="checkbox"
            className="mt-1.5 size-4 shrink-0 accent-indigo-600"
            aria-label={`Select ${name}`}
            checked={selected}
            onChange={(e) => onSelect(job, e.target.checked)}
          />
        )}
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="text-base font-semibold break-words">
            <Link to={jobPath(job.id)} className="underline-offset-2 hover:underline">
              {name}
            </Link>
          </h3>
          <p className="mt-0.5 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
            <span>
              <span aria-hidden="true">‖ </span>
              <WaitingFor since={job.creation_date} />
            </span>
            <span>
              started by <StartedBy job={job} />
            </span>
            {taskName ? <span>task {plainText(taskName, 120)}</span> : job.task_id ? <span>task {job.task_id}</span> : null}
            {job.workflow_job_id && (
              <Link className="underline underline-offset-2" to={jobPath(job.workflow_job_id)}>
                workflow run …{job.workflow_job_id.slice(-6)}
              </Link>
            )}
          </p>
        </div>
      </div>

      {description && (
        <p className="mt-3 rounded-md bg-slate-50 p-2 text-sm break-words whitespace-pre-line text-slate-800 dark:bg-slate-800 dark:text-slate-100">
          <span className="font-medium">Message: </span>
          {plainText(description, 2000)}
        </p>
      )}

      <div className="mt-3">
        {detail.isPending && !full ? (
          <div role="status" aria-label={`Loading values of ${name}`} className="space-y-1.5">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        ) : detail.error && !full ? (
          <p className="text-sm text-amber-900 dark:text-amber-200">
            <span aria-hidden="true">⚠ </span>Could not load the values to approve: {errorMessage(detail.error)}{' '}
            <button type="button" className="font-medium underline" onClick={detail.refetch}>
              Retry loading values of {name}
            </button>
          </p>
        ) : rows.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No values to approve.</p>
        ) : (
          <dl aria-label={`Values to approve for ${name}`} className="grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-4 gap-y-1 text-sm">
            {rows.map((row) => (
              <div key={row.key} className="contents">
                <dt className="font-medium text-slate-700 dark:text-slate-300">{row.label}</dt>
                <dd className="min-w-0 break-words">
                  {row.masked ? (
                    <span className="text-slate-500 italic dark:text-slate-400">hidden (masked value)</span>
                  ) : row.missing ? (
                    <span className="text-slate-500 italic dark:text-slate-400">empty</span>
                  ) : (
                    <>
                      {row.value}
                      {row.detail && <span className="ml-2 font-mono text-xs text-slate-500 dark:text-slate-400">{row.detail}</span>}
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>

      {problems.length > 0 && (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-semibold">
            <span aria-hidden="true">⚠ </span>Unexpected data
          </p>
          <ul className="mt-1 list-disc pl-5">
            {problems.slice(0, 5).map((p, i) => (
              <li key={i} className="break-words">
                {plainText(p, 200)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {message && (
        <div role="alert" className="mt-3 flex items-start gap-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <span aria-hidden="true">⚠</span>
          <p className="flex-1 break-words">{message}</p>
          <button type="button" className="rounded px-1 hover:bg-black/10" aria-label={`Dismiss message about ${name}`} onClick={() => onDismissMessage(job)}>
            ×
          </button>
        </div>
      )}

      <div className="mt-3 flex flex-wrap items-center gap-2">
        {!labelsKnown ? (
          <Skeleton className="h-8 w-40" />
        ) : (
          <>
            {canDecide && labels.approve && (
              <Button variant="success" size="sm" pending={busy} onClick={() => onDecide(job, 'approve')}>
                {labels.approve}
              </Button>
            )}
            {canDecide && labels.reject && (
              <Button variant="danger" size="sm" disabled={busy} onClick={() => onDecide(job, 'reject')}>
                {labels.reject}
              </Button>
            )}
            {labels.cancel && (
              <Button variant="ghost" size="sm" disabled={busy} onClick={() => onCancelRequest(job, labels.cancel!)}>
                {labels.cancel}
              </Button>
            )}
            {canDecide && !labels.approve && !labels.reject && (
              <p className="text-sm text-slate-600 dark:text-slate-300">This task offers no decision buttons.</p>
            )}
          </>
        )}
        {!canDecide && (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Waiting on {job.approvers?.length ? `${job.approvers.length} other approver${job.approvers.length === 1 ? '' : 's'}` : 'no approver'}.
          </p>
        )}
      </div>
    </article>
  )
}
