import type { HTMLAttributes, Ref } from 'react'
import { Link } from 'react-router'
import { StartedBy } from '@/components/started-by'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { LifecycleBadge } from '@/components/ui/status'
import { useHostName } from '@/lib/job-queries'
import { plainText } from '@/lib/text'
import { compactDuration, formatRatio, type RunawayFlag } from '../detect'
import { resultIcon, resultText, succeeded, type CancelItemResult } from './cancel-jobs-dialog'
import { jobPath } from '@/lib/links'

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


/*
 * One table, two layouts. From `lg` (1024 px) up it is a plain table whose columns share the width
 * (no minimum width: at 1024 px every column, the "Cancel job" button included, fits without
 * scrolling). Below `lg` each row is a card: the row becomes a grid (checkbox, job and the button on
 * its first line, the facts under the name, each with a visible label since the column headers are
 * then only for screen readers). The cells stay the same cells in the same order, so the table reads
 * the same to assistive technology at every width; the explicit roles keep it a table where a browser
 * would drop the semantics of a table whose parts are no longer displayed as one.
 */

/** A cell's padding in the table; none in the card (the row's grid spaces them). */
const CELL = 'lg:px-3 lg:py-2'

/** A fact's label in the card layout (the column header says it in the table). Hidden from screen readers: they have the header. */
function CardLabel({ children }: { children: string }) {
  return (
    <span aria-hidden="true" className="block text-xs font-medium text-slate-600 uppercase lg:hidden dark:text-slate-300">
      {children}
    </span>
  )
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
  // they escape it and widen the whole page on a phone. `overflow-x-auto` stays as a last resort
  // (an unbreakable word); nothing is meant to scroll sideways at any width.
  return (
    <div ref={ref} {...containerProps} className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table role="table" className="w-full text-left text-sm max-lg:block">
        <caption className="sr-only">Runaway jobs, furthest over their limit first</caption>
        <thead role="rowgroup" className="bg-slate-50 text-xs text-slate-600 uppercase max-lg:sr-only dark:bg-slate-800 dark:text-slate-300">
          <tr role="row">
            <th role="columnheader" scope="col" className="w-10 px-3 py-2">
              <span className="sr-only">Select</span>
            </th>
            <th role="columnheader" scope="col" className="px-3 py-2">Job</th>
            <th role="columnheader" scope="col" className="px-3 py-2">Task</th>
            <th role="columnheader" scope="col" className="px-3 py-2">Elapsed</th>
            <th role="columnheader" scope="col" className="px-3 py-2">Expected</th>
            <th role="columnheader" scope="col" className="px-3 py-2">Over</th>
            <th role="columnheader" scope="col" className="px-3 py-2">Host</th>
            <th role="columnheader" scope="col" className="px-3 py-2">Started by</th>
            <th role="columnheader" scope="col" className="px-3 py-2">Why</th>
            <th role="columnheader" scope="col" className="px-3 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup" className="divide-y divide-slate-200 max-lg:block dark:divide-slate-700">
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
    <tr
      role="row"
      className={cn(
        'align-top',
        // The card: checkbox | job (two columns) | button (or, once cancelled, its outcome, beside the task too);
        // the facts below, in the middle columns, two to a line where they are short.
        'max-lg:grid max-lg:grid-cols-[auto_minmax(0,1fr)_minmax(0,1fr)_auto] max-lg:gap-x-3 max-lg:gap-y-2 max-lg:p-3',
        kept && 'bg-slate-50 dark:bg-slate-800/60',
      )}
      data-job-id={job.id}
    >
      <td role="cell" className={cn(CELL, 'max-lg:col-start-1 max-lg:row-start-1 max-lg:pt-0.5')}>
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
      <td role="cell" className={cn(CELL, 'min-w-0 break-words lg:max-w-64', 'max-lg:col-[2/4] max-lg:row-start-1')}>
        <Link to={jobPath(job.id)} className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
          {name}
        </Link>
        <div className="mt-1">
          <LifecycleBadge lifecycle={job.lifecycle} />
        </div>
      </td>
      <td role="cell" className={cn(CELL, 'min-w-0 break-words lg:max-w-48', 'max-lg:col-[2/4] max-lg:row-start-2')}>
        <CardLabel>Task</CardLabel>
        {row.taskName ? plainText(row.taskName, 120) : job.task_id ? <span title={job.task_id}>…{job.task_id.slice(-6)}</span> : '—'}
      </td>
      <td role="cell" className={cn(CELL, 'whitespace-nowrap tabular-nums', 'max-lg:col-start-2 max-lg:row-start-3')}>
        <CardLabel>Elapsed</CardLabel>
        {compactDuration(flag.elapsedMs)}
      </td>
      <td role="cell" className={cn(CELL, 'min-w-0 break-words', 'max-lg:col-[2/-1] max-lg:row-start-4')}>
        <CardLabel>Expected</CardLabel>
        <ul className="space-y-0.5">
          {flag.limits.map((l) => (
            <li key={l.basis} className={l === flag.limit ? 'font-medium' : 'text-slate-600 dark:text-slate-300'}>
              {l.detail}
              {l.exceeded ? '' : ' (within)'}
            </li>
          ))}
        </ul>
      </td>
      <td role="cell" className={cn(CELL, 'whitespace-nowrap tabular-nums', 'max-lg:col-[3/-1] max-lg:row-start-3')}>
        <CardLabel>Over</CardLabel>
        <span className="font-semibold">{formatRatio(flag.ratio)}</span>
      </td>
      <td role="cell" className={cn(CELL, 'min-w-0 break-words', 'max-lg:col-start-2 max-lg:row-start-5')}>
        <CardLabel>Host</CardLabel>
        {job.host_id ? <span title={job.host_id}>{hostName(job.host_id)}</span> : '—'}
      </td>
      <td role="cell" className={cn(CELL, 'min-w-0 break-words', 'max-lg:col-[3/-1] max-lg:row-start-5')}>
        <CardLabel>Started by</CardLabel>
        <StartedBy job={job} />
      </td>
      <td role="cell" className={cn(CELL, 'min-w-0 break-words lg:max-w-80', 'max-lg:col-[2/-1] max-lg:row-start-6')}>
        <CardLabel>Why</CardLabel>
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
      <td role="cell" className={cn(CELL, 'max-lg:col-start-4 max-lg:row-[1/3]')}>
        {kept ? (
          // Kept in place after the user's cancel: its outcome where its button was, so a second
          // click lands on text, never on the next row's "Cancel job".
          <p role="status" className="max-w-32 text-sm lg:max-w-48">
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
