import type { HTMLAttributes, Ref } from 'react'
import { Link } from 'react-router'
import { StartedBy } from '@/components/started-by'
import { Button } from '@/components/ui/button'
import { LifecycleBadge } from '@/components/ui/status'
import { useHostName } from '@/lib/job-queries'
import { plainText } from '@/lib/text'
import { compactDuration, formatRatio, type RunawayFlag } from '../detect'
import { resultIcon, resultText, succeeded, type CancelItemResult } from './cancel-jobs-dialog'

export interface Row {
  flag: RunawayFlag
  name: string
  taskName?: string
  /** Its task does not allow cancelling and we are not an admin: the server would refuse (403). */
  blocked: boolean
  notCancellable: boolean
}

/** A row on screen: live, or kept in place after a cancel with its outcome (undefined while it runs). */
export interface ShownRow {
  row: Row
  kept: boolean
  outcome?: CancelItemResult
}

export function RunawayTable({
  rows,
  selected,
  onToggle,
  onCancel,
  containerProps,
  ref,
}: {
  rows: ShownRow[]
  selected: ReadonlySet<string>
  onToggle: (id: string, on: boolean) => void
  onCancel: (row: Row) => void
  containerProps?: HTMLAttributes<HTMLDivElement>
  ref?: Ref<HTMLDivElement>
}) {
  // `relative`: the sr-only header texts are absolutely positioned; without a positioned scroller
  // they escape it and widen the whole page on a phone.
  return (
    <div ref={ref} {...containerProps} className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
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
          {rows.map((shown) => (
            <RunawayRow
              key={shown.row.flag.job.id}
              shown={shown}
              checked={!shown.kept && selected.has(shown.row.flag.job.id) && !shown.row.blocked}
              onToggle={onToggle}
              onCancel={onCancel}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function RunawayRow({
  shown,
  checked,
  onToggle,
  onCancel,
}: {
  shown: ShownRow
  checked: boolean
  onToggle: (id: string, on: boolean) => void
  onCancel: (row: Row) => void
}) {
  const hostName = useHostName()
  const { row, kept, outcome } = shown
  const { flag, name } = row
  const job = flag.job
  const noteId = `runaway-note-${job.id}`
  return (
    <tr className={kept ? 'bg-slate-50 align-top dark:bg-slate-800/60' : 'align-top'} data-job-id={job.id}>
      <td className="px-3 py-2">
        <input
          type="checkbox"
          className="size-4"
          aria-label={`Select ${name}`}
          checked={checked}
          disabled={row.blocked || kept}
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
        {kept ? (
          // Kept in place after the user's cancel: its outcome where its button was, so a second
          // click lands on text, never on the next row's "Cancel job".
          <p role="status" className="max-w-48 text-sm">
            {outcome ? (
              <>
                <span aria-hidden="true">{resultIcon(outcome)} </span>
                <span className={succeeded(outcome) ? 'font-medium' : 'text-amber-900 dark:text-amber-200'}>{resultText(outcome)}</span>
                <span className="sr-only">: {name}</span>
              </>
            ) : (
              <>Cancelling…</>
            )}
          </p>
        ) : (
          <Button size="sm" variant="danger" disabled={row.blocked} aria-describedby={row.blocked ? noteId : undefined} onClick={() => onCancel(row)}>
            Cancel job
          </Button>
        )}
      </td>
    </tr>
  )
}
