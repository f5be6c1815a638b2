import { useId, useState, type Ref } from 'react'
import { Link } from 'react-router'
import { StartedBy } from '@/components/started-by'
import { jobDisplayName, type Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { cn } from '@/components/ui/cn'
import { errorMessage } from '@/components/ui/error-panel'
import { Skeleton } from '@/components/ui/skeleton'
import { formatDuration, formatExact, useNow } from '@/components/ui/time'
import { plainText } from '@/lib/text'
import { argumentRows, type ArgumentRow } from '@/lib/argument-rows'
import { decisionLabels } from '../approval-logic'
import { jobPath } from '@/lib/links'

export type Decision = 'approve' | 'reject'

/** What became of a request the user acted on here. */
export interface Outcome {
  kind: 'approved' | 'rejected' | 'canceled' | 'gone'
  /** The words of the button the user pressed (the task's own label). */
  label: string
}

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
  /** Kept in place after the user acted on it: its outcome (undefined while the request runs). */
  kept: boolean
  outcome?: Outcome
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

const GONE_TEXT = 'no longer available (already decided or canceled)'

export function outcomeText(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'approved':
      return outcome.label === 'Approve' ? 'Approved' : `Approved (${outcome.label})`
    case 'rejected':
      return outcome.label === 'Reject' ? 'Rejected' : `Rejected (${outcome.label})`
    case 'canceled':
      return 'Canceled'
    case 'gone':
      return `Not decided: ${GONE_TEXT}`
  }
}

/** How long a request has waited, by the server's clock; the exact time on hover. */
export function WaitingFor({ since }: { since: string | undefined }) {
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

function Value({ row }: { row: ArgumentRow }) {
  if (row.masked) return <span className="text-slate-500 italic dark:text-slate-400">hidden (masked value)</span>
  if (row.missing) return <span className="text-slate-500 italic dark:text-slate-400">empty</span>
  return (
    <>
      {row.value}
      {row.detail && <span className="ml-2 font-mono text-xs text-slate-500 dark:text-slate-400">{row.detail}</span>}
    </>
  )
}

const COMPACT_VALUES = 4

/**
 * One approval request as a compact row: name, wait, the values to approve (the first few) and
 * the decision buttons; "Details" unfolds the rest. After the user decides, the row stays where it
 * is and shows the outcome where the buttons were.
 */
export function ApprovalItem(props: ApprovalItemProps) {
  const { ref, job, detail, canDecide, selectable, selected, onSelect, onDecide, onCancelRequest, kept, outcome, message, onDismissMessage, active, onFocusItem } = props
  const headingId = useId()
  const detailsId = useId()
  const [open, setOpen] = useState(false)
  const full = detail.job
  const name = itemName(job)
  const labels = decisionLabels(full ?? job)
  const taskName = full?.task?.name ?? job.task?.name
  const rows = full ? argumentRows(full) : []
  const problems = full?.problems.length ? full.problems : job.problems
  const description = full?.task?.description?.trim()
  // Buttons wait for the full document: only it says whether the task turned a decision off.
  const labelsKnown = !!full || !!detail.error
  const shownValues = open ? rows : rows.slice(0, COMPACT_VALUES)

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      onFocus={() => onFocusItem(job)}
      className={cn(
        'rounded-lg border px-3 py-2 outline-none',
        'focus-visible:ring-2 focus-visible:ring-indigo-500',
        kept ? 'bg-slate-50 dark:bg-slate-800/60' : 'bg-white dark:bg-slate-900',
        active ? 'border-indigo-400 dark:border-indigo-500' : 'border-slate-200 dark:border-slate-700',
      )}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {selectable && (
          <input
            type="checkbox"
            className="size-4 shrink-0 accent-indigo-600"
            aria-label={`Select ${name}`}
            checked={selected && !kept}
            disabled={kept}
            onChange={(e) => onSelect(job, e.target.checked)}
          />
        )}
        <h3 id={headingId} className="min-w-0 text-sm font-semibold break-words">
          <Link to={jobPath(job.id)} className="underline-offset-2 hover:underline">
            {name}
          </Link>
        </h3>
        <span className="text-xs text-slate-600 dark:text-slate-300">
          <span aria-hidden="true">‖ </span>
          <WaitingFor since={job.creation_date} />
        </span>
        <div className="ml-auto flex min-h-8 flex-wrap items-center gap-2">
          {kept ? (
            // The outcome takes the buttons' place: a second click or key press lands on text.
            <p role="status" className="text-sm font-medium">
              {outcome ? (
                <>
                  <span aria-hidden="true">{outcome.kind === 'gone' ? '⚠ ' : '✓ '}</span>
                  {outcomeText(outcome)}: {name}
                </>
              ) : (
                <>Sending your decision: {name}</>
              )}
            </p>
          ) : !labelsKnown ? (
            <Skeleton className="h-8 w-40" />
          ) : (
            <>
              {canDecide && labels.approve && (
                <Button variant="success" size="sm" onClick={() => onDecide(job, 'approve')}>
                  {labels.approve}
                </Button>
              )}
              {canDecide && labels.reject && (
                <Button variant="danger" size="sm" onClick={() => onDecide(job, 'reject')}>
                  {labels.reject}
                </Button>
              )}
              {labels.cancel && (
                <Button variant="ghost" size="sm" onClick={() => onCancelRequest(job, labels.cancel!)}>
                  {labels.cancel}
                </Button>
              )}
              {canDecide && !labels.approve && !labels.reject && <p className="text-sm text-slate-600 dark:text-slate-300">This task offers no decision buttons.</p>}
              {!canDecide && (
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  Waiting on {job.approvers?.length ? `${job.approvers.length} other approver${job.approvers.length === 1 ? '' : 's'}` : 'no approver'}.
                </p>
              )}
            </>
          )}
          <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={detailsId} aria-label={`Details of ${name}`} onClick={() => setOpen((o) => !o)}>
            <span aria-hidden="true">{open ? '▾' : '▸'}</span> Details
          </Button>
        </div>
      </div>

      <div className="mt-1">
        {detail.isPending && !full ? (
          <div role="status" aria-label={`Loading values of ${name}`} className="space-y-1">
            <Skeleton className="h-4 w-2/3" />
          </div>
        ) : detail.error && !full ? (
          <p className="text-sm text-amber-900 dark:text-amber-200">
            <span aria-hidden="true">⚠ </span>Could not load the values to approve: {errorMessage(detail.error)}{' '}
            <button type="button" className="font-medium underline" onClick={detail.refetch}>
              Retry loading values of {name}
            </button>
          </p>
        ) : rows.length === 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-300">No values to approve.</p>
        ) : (
          <dl
            aria-label={`Values to approve for ${name}`}
            className={open ? 'grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-4 gap-y-1 text-sm' : 'flex flex-wrap gap-x-4 gap-y-0.5 text-sm'}
          >
            {shownValues.map((row) => (
              <div key={row.key} className={open ? 'contents' : 'flex min-w-0 gap-1.5'}>
                <dt className="font-medium text-slate-700 dark:text-slate-300">{row.label}</dt>
                <dd className="min-w-0 break-words">
                  <Value row={row} />
                </dd>
              </div>
            ))}
            {!open && rows.length > COMPACT_VALUES && <div className="text-xs text-slate-600 dark:text-slate-300">+{rows.length - COMPACT_VALUES} more in details</div>}
          </dl>
        )}
      </div>

      {description && !open && (
        <p className="mt-1 truncate text-xs text-slate-700 dark:text-slate-300" title={plainText(description, 2000)}>
          <span className="font-medium">Message: </span>
          {plainText(description, 300)}
        </p>
      )}

      <div id={detailsId} hidden={!open} className="mt-2 space-y-2 border-t border-slate-200 pt-2 text-sm dark:border-slate-700">
        {open && (
          <>
            <p className="flex flex-wrap gap-x-3 gap-y-1 text-slate-600 dark:text-slate-300">
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
            {description && (
              <p className="rounded-md bg-slate-50 p-2 break-words whitespace-pre-line text-slate-800 dark:bg-slate-800 dark:text-slate-100">
                <span className="font-medium">Message: </span>
                {plainText(description, 2000)}
              </p>
            )}
          </>
        )}
      </div>

      {problems.length > 0 && (
        <Callout size="sm" className="mt-2" title="Unexpected data">
          <ul className="mt-1 list-disc pl-5">
            {problems.slice(0, 5).map((p, i) => (
              <li key={i} className="break-words">
                {plainText(p, 200)}
              </li>
            ))}
          </ul>
        </Callout>
      )}

      {message && (
        <Callout
          tone="danger"
          role="alert"
          className="mt-2 p-2"
          action={
            <button type="button" className="rounded px-1 hover:bg-black/10" aria-label={`Dismiss message about ${name}`} onClick={() => onDismissMessage(job)}>
              ×
            </button>
          }
        >
          <p>{message}</p>
        </Callout>
      )}
    </article>
  )
}
