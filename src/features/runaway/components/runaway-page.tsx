import { useQuery } from '@tanstack/react-query'
import { useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { jobDisplayName } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { LifecycleBadge } from '@/components/ui/status'
import { jobQueries, useHostName } from '@/lib/job-queries'
import { isAdminCredential, useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { useDocumentTitle } from '@/lib/use-document-title'
import {
  compactDuration,
  DEFAULT_SCRIPT_TIMEOUT_MS,
  formatRatio,
  HISTORY_MEDIAN_FACTOR,
  HISTORY_PERCENTILE,
  MIN_HISTORY_RUNS,
  ONHOLD_LIMIT_MS,
  QUEUE_LIMIT_MS,
  QUEUE_MEDIAN_FACTOR,
  type RunawayFlag,
} from '../detect'
import { RUNAWAY_LIST_LIMIT, useRunaway } from '../queries'
import { CancelJobsDialog, toTarget, type CancelTarget } from './cancel-jobs-dialog'
import { StartedBy } from '@/components/started-by'

function Rules() {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
      <li>
        Running longer than its timeout ({compactDuration(DEFAULT_SCRIPT_TIMEOUT_MS)} for script jobs whose task sets none), or longer than{' '}
        {HISTORY_MEDIAN_FACTOR} × the median and the p{HISTORY_PERCENTILE} of its task’s finished runs (when there are at least {MIN_HISTORY_RUNS}).
      </li>
      <li>
        Queued (ready) for more than {compactDuration(QUEUE_LIMIT_MS)}, or {QUEUE_MEDIAN_FACTOR} × its task’s usual queue time: no agent took it.
      </li>
      <li>On hold (waiting for an approval or input) for more than {compactDuration(ONHOLD_LIMIT_MS)}.</li>
    </ul>
  )
}

interface Row {
  flag: RunawayFlag
  name: string
  taskName?: string
  /** Its task does not allow cancelling and we are not an admin: the server would refuse (403). */
  blocked: boolean
  notCancellable: boolean
}

export function RunawayPage() {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const data = useRunaway(1000)
  const { flags, ready, error } = data
  const { profile } = useSession()
  // Task names and "cancellable" flags; loaded up front so a row is never offered a cancel its task forbids.
  const tasks = useQuery(jobQueries.tasks())
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const [dialog, setDialog] = useState<{ targets: CancelTarget[]; skipped: number } | null>(null)

  useDocumentTitle(ready && !error ? `Runaway (${flags.length})` : 'Runaway')

  const isAdmin = isAdminCredential(profile?.credential) === true
  const taskById = useMemo(() => new Map((tasks.data ?? []).map((t) => [t.id, t])), [tasks.data])
  const rows: Row[] = flags.map((flag) => {
    const task = flag.job.task_id ? taskById.get(flag.job.task_id) : undefined
    const notCancellable = task?.cancellable === false
    return { flag, name: plainText(jobDisplayName(flag.job), 200), taskName: task?.name, notCancellable, blocked: notCancellable && !isAdmin }
  })
  // The selection only ever holds jobs still listed and cancellable (a refresh may drop some).
  const selectedRows = rows.filter((r) => selected.has(r.flag.job.id) && !r.blocked)
  const cancellableRows = rows.filter((r) => !r.blocked)

  // The dialog gets a copy of the rows as they are now: refreshes do not change what it cancels.
  const openDialog = (chosen: Row[]) => {
    setDialog({ targets: chosen.map((r) => toTarget(r.flag.job, r.name)), skipped: 0 })
  }
  const openCancelAll = () => {
    setDialog({ targets: cancellableRows.map((r) => toTarget(r.flag.job, r.name)), skipped: rows.length - cancellableRows.length })
  }
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h1 ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
            Runaway jobs
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">Jobs past their expected time, furthest over first. Times are live.</p>
        </div>
        {rows.length > 0 && (
          <div className="flex flex-wrap gap-2">
            {selectedRows.length > 0 && (
              <Button variant="danger" onClick={() => openDialog(selectedRows)}>
                Cancel {selectedRows.length} {selectedRows.length === 1 ? 'job' : 'jobs'}
              </Button>
            )}
            <Button variant={selectedRows.length > 0 ? 'secondary' : 'danger'} disabled={cancellableRows.length === 0} onClick={openCancelAll}>
              Cancel all
            </Button>
          </div>
        )}
      </header>

      {rows.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">How jobs are flagged</summary>
          <div className="mt-2">
            <Rules />
          </div>
        </details>
      )}

      {!!data.historyError && !error && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <span aria-hidden="true">⚠ </span>
          The task history could not be loaded, so only timeouts, queue and on-hold limits were checked.{' '}
          <Button size="sm" className="ml-2" onClick={data.refetch}>
            Retry
          </Button>
        </div>
      )}
      {data.truncated && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Only the {RUNAWAY_LIST_LIMIT} most recent running, queued and on-hold jobs were checked.
        </p>
      )}
      {data.malformedCount > 0 && (
        <p className="text-sm text-amber-900 dark:text-amber-200">
          <span aria-hidden="true">⚠ </span>
          {data.malformedCount} {data.malformedCount === 1 ? 'item' : 'items'} from the server could not be read as jobs and were not checked.
        </p>
      )}

      {error ? (
        <ErrorPanel error={error} title="Could not load the running jobs" onRetry={data.refetch} />
      ) : !ready ? (
        <SkeletonRows rows={4} label="Loading runaway jobs" />
      ) : rows.length === 0 ? (
        <section aria-labelledby="runaway-empty" className="rounded-lg border border-slate-200 p-6 dark:border-slate-700">
          <h2 id="runaway-empty" className="text-lg font-semibold">
            <span aria-hidden="true">✓ </span>No runaway jobs
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-600 dark:text-slate-300">Every running, queued and on-hold job is within its limits. A job is flagged when it is:</p>
          <Rules />
        </section>
      ) : (
        <RunawayTable rows={rows} selected={selected} onToggle={toggle} onCancel={(r) => openDialog([r])} />
      )}

      {dialog && (
        <CancelJobsDialog
          targets={dialog.targets}
          skipped={dialog.skipped}
          // Cancelled rows (and their buttons) leave the list: then focus goes to the page heading.
          returnFocus={() => headingRef.current}
          onClose={({ cancelledIds }) => {
            setDialog(null)
            if (cancelledIds.length) setSelected((prev) => new Set([...prev].filter((id) => !cancelledIds.includes(id))))
          }}
        />
      )}
    </div>
  )
}

function RunawayTable({
  rows,
  selected,
  onToggle,
  onCancel,
}: {
  rows: Row[]
  selected: ReadonlySet<string>
  onToggle: (id: string, on: boolean) => void
  onCancel: (row: Row) => void
}) {
  // `relative`: the sr-only header texts are absolutely positioned; without a positioned scroller
  // they escape it and widen the whole page on a phone.
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full min-w-[64rem] text-left text-sm">
        <caption className="sr-only">Runaway jobs, furthest over their limit first</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th scope="col" className="w-10 px-3 py-2">
              <span className="sr-only">Select</span>
            </th>
            <th scope="col" className="px-3 py-2">Job</th>
            <th scope="col" className="px-3 py-2">Task</th>
            <th scope="col" className="px-3 py-2">Elapsed</th>
            <th scope="col" className="px-3 py-2">Expected</th>
            <th scope="col" className="px-3 py-2">Over</th>
            <th scope="col" className="px-3 py-2">Host</th>
            <th scope="col" className="px-3 py-2">Started by</th>
            <th scope="col" className="px-3 py-2">Why</th>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
          {rows.map((row) => (
            <RunawayRow key={row.flag.job.id} row={row} checked={selected.has(row.flag.job.id) && !row.blocked} onToggle={onToggle} onCancel={onCancel} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function RunawayRow({ row, checked, onToggle, onCancel }: { row: Row; checked: boolean; onToggle: (id: string, on: boolean) => void; onCancel: (row: Row) => void }) {
  const hostName = useHostName()
  const { flag, name } = row
  const job = flag.job
  const noteId = `runaway-note-${job.id}`
  return (
    <tr className="align-top">
      <td className="px-3 py-2">
        <input
          type="checkbox"
          className="size-4"
          aria-label={`Select ${name}`}
          checked={checked}
          disabled={row.blocked}
          aria-describedby={row.blocked ? noteId : undefined}
          onChange={(e) => onToggle(job.id, e.target.checked)}
        />
      </td>
      <td className="max-w-64 px-3 py-2">
        <Link to={`/jobs/${encodeURIComponent(job.id)}`} className="font-medium break-words text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
          {name}
        </Link>
        <div className="mt-1">
          <LifecycleBadge lifecycle={job.lifecycle} />
        </div>
      </td>
      <td className="max-w-48 px-3 py-2 break-words">{row.taskName ? plainText(row.taskName, 120) : job.task_id ? <span title={job.task_id}>…{job.task_id.slice(-6)}</span> : '—'}</td>
      <td className="px-3 py-2 whitespace-nowrap tabular-nums">{compactDuration(flag.elapsedMs)}</td>
      <td className="px-3 py-2">
        <ul className="space-y-0.5">
          {flag.limits.map((l) => (
            <li key={l.basis} className={l === flag.limit ? 'font-medium' : 'text-slate-600 dark:text-slate-300'}>
              {l.detail}
              {l.exceeded ? '' : ' (within)'}
            </li>
          ))}
        </ul>
      </td>
      <td className="px-3 py-2 font-semibold whitespace-nowrap tabular-nums">{formatRatio(flag.ratio)}</td>
      <td className="px-3 py-2">{job.host_id ? <span title={job.host_id}>{hostName(job.host_id)}</span> : '—'}</td>
      <td className="px-3 py-2">
        <StartedBy job={job} />
      </td>
      <td className="max-w-80 px-3 py-2">
        <p>{flag.reason}</p>
        {row.notCancellable && (
          <p id={noteId} className="mt-1 text-amber-900 dark:text-amber-200">
            <span aria-hidden="true">⚠ </span>
            {row.blocked ? 'Its task does not allow cancelling; ask an admin.' : 'Its task does not allow cancelling; as an admin you still can.'}
          </p>
        )}
        {job.problems.length > 0 && (
          <p className="mt-1 text-amber-900 dark:text-amber-200" title={job.problems.join('\n')}>
            <span aria-hidden="true">⚠ </span>Unexpected data: {plainText(job.problems.join('; '), 200)}
          </p>
        )}
      </td>
      <td className="px-3 py-2">
        <Button size="sm" variant="danger" disabled={row.blocked} aria-describedby={row.blocked ? noteId : undefined} onClick={() => onCancel(row)}>
          Cancel job
        </Button>
      </td>
    </tr>
  )
}
