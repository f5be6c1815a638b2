import { memo, type MouseEvent } from 'react'
import { Link } from 'react-router'
import type { Job } from '@/api/schemas/job'
import { isRunning, jobDisplayName } from '@/api/schemas/job'
import { Badge } from '@/components/ui/badge'
import { cn } from '@/components/ui/cn'
import { JobStatusBadge, LifecycleBadge } from '@/components/ui/status'
import { formatDuration, RelativeTime } from '@/components/ui/time'
import { jobDurationMs } from '@/lib/stats'
import { plainText } from '@/lib/text'
import type { ColumnDef } from '../columns'
import { hostLabel, ownerLabel, taskLabel, type DisplayNames } from '../job-list-model'
import { jobPath } from '@/lib/links'

export interface JobRowProps {
  job: Job
  rowIndex: number
  height: number
  columns: readonly ColumnDef[]
  compact: boolean
  now: number
  names: DisplayNames
  runaway: boolean
  selected: boolean
  onOpen: (id: string) => void
  /** The name link was followed (it navigates itself): remember the row for the way back. */
  onRemember: (id: string) => void
}

function Duration({ job, now }: { job: Job; now: number }) {
  const ms = jobDurationMs(job, now)
  return (
    <>
      {formatDuration(ms)}
      {isRunning(job.lifecycle) && ms !== null && <span className="sr-only"> so far</span>}
    </>
  )
}

/**
 * One job. A click anywhere on the row opens the job (the name is the real link, for the keyboard,
 * middle-click and screen readers); a click that selects text or lands on a control does not.
 * Memoized: while scrolling, rows that stay in view are not rendered again.
 */
export const JobRow = memo(function JobRow({ job, rowIndex, height, columns, compact, now, names, runaway, selected, onOpen, onRemember }: JobRowProps) {
  const name = plainText(jobDisplayName(job), 200)
  const task = plainText(taskLabel(job, names.tasks), 120)
  const onClick = (e: MouseEvent<HTMLTableRowElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    if ((e.target as HTMLElement).closest('a,button,input,select,label')) return
    if (window.getSelection()?.toString()) return
    onOpen(job.id)
  }
  const cell = (c: ColumnDef) => {
    switch (c.key) {
      case 'status':
        return (
          <td key={c.key} className="px-2">
            <JobStatusBadge job={job} />
          </td>
        )
      case 'name':
        return (
          <td key={c.key} className="min-w-0 px-2">
            <span className="flex min-w-0 items-center gap-1.5">
              <Link
                to={jobPath(job.id)}
                data-job-link={job.id}
                onClick={() => onRemember(job.id)}
                title={name}
                className="truncate font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 dark:text-indigo-300"
              >
                {name}
              </Link>
              {runaway && (
                <Badge tone="danger" icon="⚠" title="Running past its expected time" className="shrink-0">
                  Runaway
                </Badge>
              )}
              {job.problems.length > 0 && (
                <Badge tone="warning" icon="⚠" title={`Unexpected data: ${job.problems.join('; ')}`} className="shrink-0">
                  unexpected data
                </Badge>
              )}
            </span>
            {compact && (
              // Phones: the facts of the hidden columns on a second line.
              <span className="mt-0.5 block truncate text-xs text-slate-600 dark:text-slate-300">
                {task} · <RelativeTime date={job.creation_date} now={now} /> · <Duration job={job} now={now} />
              </span>
            )}
          </td>
        )
      case 'task':
        return (
          <td key={c.key} className="truncate px-2" title={job.task_id ? `${task} (${job.task_id})` : undefined}>
            {task}
          </td>
        )
      case 'created':
        return (
          <td key={c.key} className="truncate px-2">
            <RelativeTime date={job.creation_date} now={now} />
          </td>
        )
      case 'duration':
        return (
          <td key={c.key} className="truncate px-2 tabular-nums">
            <Duration job={job} now={now} />
          </td>
        )
      case 'owner':
        return (
          <td key={c.key} className="truncate px-2" title={job.user_id ? `user id ${job.user_id}` : undefined}>
            {ownerLabel(job.user_id, names)}
          </td>
        )
      case 'host':
        return (
          <td key={c.key} className="truncate px-2" title={job.host_id ? `host id ${job.host_id}` : undefined}>
            {hostLabel(job.host_id, names)}
          </td>
        )
      case 'lifecycle':
        return (
          <td key={c.key} className="px-2">
            <LifecycleBadge lifecycle={job.lifecycle} />
          </td>
        )
      case 'type':
        return (
          <td key={c.key} className="truncate px-2 text-slate-600 dark:text-slate-300">
            {plainText(job._type, 40)}
          </td>
        )
      case 'origin':
        return (
          <td key={c.key} className="truncate px-2 text-slate-600 dark:text-slate-300">
            {job.origin ? plainText(job.origin, 40) : '—'}
          </td>
        )
    }
  }
  return (
    <tr
      aria-rowindex={rowIndex}
      aria-selected={selected}
      onClick={onClick}
      style={{ height }}
      className={cn(
        'cursor-pointer border-b border-slate-100 text-slate-800 hover:bg-slate-50 dark:border-slate-800 dark:text-slate-100 dark:hover:bg-slate-800/60',
        selected && 'bg-indigo-50 outline-2 -outline-offset-2 outline-indigo-500 dark:bg-indigo-950/60',
      )}
    >
      {columns.map(cell)}
    </tr>
  )
})
