import { useQuery } from '@tanstack/react-query'
import { useMemo, useRef, useState } from 'react'
import { jobDisplayName } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { jobQueries } from '@/lib/job-queries'
import { QueryWait } from '@/lib/query-wait'
import { isAdminCredential, useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useKeptInPlace } from '@/lib/use-kept-in-place'
import { useSelection } from '@/lib/use-selection'
import {
  compactDuration,
  DEFAULT_SCRIPT_TIMEOUT_MS,
  HISTORY_MEDIAN_FACTOR,
  HISTORY_PERCENTILE,
  MIN_HISTORY_RUNS,
  ONHOLD_LIMIT_MS,
  QUEUE_LIMIT_MS,
  QUEUE_MEDIAN_FACTOR,
} from '../detect'
import { RUNAWAY_LIST_LIMIT, useRunaway } from '../queries'
import { CancelJobsDialog, toTarget, type CancelItemResult, type CancelTarget } from './cancel-jobs-dialog'
import { RunawayTable, type Row, type ShownRow } from './runaway-table'

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

const rowId = (row: Row) => row.flag.job.id

export function RunawayPage() {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const data = useRunaway(1000)
  const { flags, ready, error } = data
  const { profile } = useSession()
  // Task names and "cancellable" flags; loaded up front so a row is never offered a cancel its task forbids.
  const tasks = useQuery(jobQueries.tasks())
  const selection = useSelection()
  const { selected } = selection
  const [dialog, setDialog] = useState<{ targets: CancelTarget[]; skipped: number } | null>(null)
  // Rows the user cancelled stay where they were, with the outcome, until they move on.
  const kept = useKeptInPlace<Row, CancelItemResult>(rowId, { paused: !!dialog })
  const tableRef = useRef<HTMLDivElement>(null)

  useDocumentTitle(ready && !error ? `Runaway (${flags.length})` : 'Runaway')

  const isAdmin = isAdminCredential(profile?.credential) === true
  const taskById = useMemo(() => new Map((tasks.data ?? []).map((t) => [t.id, t])), [tasks.data])
  const rows: Row[] = flags.map((flag) => {
    const task = flag.job.task_id ? taskById.get(flag.job.task_id) : undefined
    const notCancellable = task?.cancellable === false
    return { flag, name: plainText(jobDisplayName(flag.job), 200), taskName: task?.name, notCancellable, blocked: notCancellable && !isAdmin }
  })
  const shown: ShownRow[] = kept.arrange(rows).map(({ item, kept: k }) => ({ row: item, kept: !!k, outcome: k?.outcome }))
  // The selection only ever holds jobs still listed, cancellable and not already cancelled here.
  const actionable = rows.filter((r) => !r.blocked && !kept.kept.has(rowId(r)))
  const selectedRows = actionable.filter((r) => selected.has(rowId(r)))
  const cancellableRows = actionable

  // The dialog gets a copy of the rows as they are now: refreshes do not change what it cancels.
  const openDialog = (chosen: Row[]) => {
    setDialog({ targets: chosen.map((r) => toTarget(r.flag.job, r.name)), skipped: 0 })
  }
  const openCancelAll = () => {
    setDialog({ targets: cancellableRows.map((r) => toTarget(r.flag.job, r.name)), skipped: rows.filter((r) => r.blocked).length })
  }
  /** The user confirmed: pin the targets at their places before the list can drop them. */
  const holdTargets = (targets: CancelTarget[]) => {
    const ids = shown.map((s) => rowId(s.row))
    for (const t of targets) {
      const row = rows.find((r) => rowId(r) === t.id)
      if (row) kept.hold(row, ids.indexOf(t.id))
    }
  }
  /** After the dialog: back on the first target's row (its link), else the heading. */
  const firstTargetLink = () => {
    const id = dialog?.targets[0]?.id
    const row = id ? tableRef.current?.querySelector(`tr[data-job-id="${CSS.escape(id)}"]`) : null
    return row?.querySelector<HTMLElement>('a') ?? headingRef.current
  }

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
        <Callout role="alert" className="p-3">
          The task history could not be loaded, so only timeouts, queue and on-hold limits were checked.{' '}
          <Button size="sm" className="ml-2" onClick={data.refetch}>
            Retry
          </Button>
        </Callout>
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
        <>
          <QueryWait query={data.activeQuery} what="the server to send the running jobs" />
          <SkeletonRows rows={4} label="Loading runaway jobs" />
        </>
      ) : shown.length === 0 ? (
        <section aria-labelledby="runaway-empty" className="rounded-lg border border-slate-200 p-6 dark:border-slate-700">
          <h2 id="runaway-empty" className="text-lg font-semibold">
            <span aria-hidden="true">✓ </span>No runaway jobs
          </h2>
          <p className="mt-1 mb-3 text-sm text-slate-600 dark:text-slate-300">Every running, queued and on-hold job is within its limits. A job is flagged when it is:</p>
          <Rules />
        </section>
      ) : (
        <RunawayTable
          ref={tableRef}
          rows={shown}
          selected={selected}
          onToggle={selection.set}
          onCancel={(r) => openDialog([r])}
          containerProps={kept.containerProps}
        />
      )}

      {dialog && (
        <CancelJobsDialog
          targets={dialog.targets}
          skipped={dialog.skipped}
          // A cancelled row keeps its place but its button gives way to the outcome: focus goes
          // to that row's link, else to the page heading.
          returnFocus={firstTargetLink}
          onStart={() => holdTargets(dialog.targets)}
          onResult={(t, result) => kept.settle(t.id, result)}
          onClose={({ cancelledIds }) => {
            // Whatever was not attempted (stopped, or never confirmed) is back to normal.
            for (const t of dialog.targets) if (!kept.kept.get(t.id)?.outcome) kept.release(t.id)
            setDialog(null)
            selection.remove(cancelledIds)
          }}
        />
      )}
    </div>
  )
}
