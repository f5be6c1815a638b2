import { useHostName } from '@/lib/job-queries'
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import { type ReactNode, memo, useEffect, useLayoutEffect, useRef } from 'react'
import { Link } from 'react-router'
import type { Job } from '@/api/schemas/job'
import { isRunning, jobDisplayName } from '@/api/schemas/job'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { LifecycleBadge, StateBadge } from '@/components/ui/status'
import { formatDuration, RelativeTime, useNow } from '@/components/ui/time'
import { jobDurationMs } from '@/lib/stats'
import { plainText } from '@/lib/text'
import { shortId, taskLabel } from '../job-list-model'
import type { Sort, SortKey } from '../use-job-filters'

export const ROW_HEIGHT = 41
const NO_LAYOUT_RECT = { width: 1200, height: 800 }

const COLUMNS: Array<{ key: SortKey; label: string; width: string }> = [
  { key: 'name', label: 'Name', width: '18rem' },
  { key: 'task', label: 'Task', width: '11rem' },
  { key: 'type', label: 'Type', width: '8.5rem' },
  { key: 'state', label: 'State', width: '8rem' },
  { key: 'lifecycle', label: 'Lifecycle', width: '8rem' },
  { key: 'owner', label: 'Owner', width: '6rem' },
  { key: 'host', label: 'Host', width: '6rem' },
  { key: 'created', label: 'Created', width: '8rem' },
  { key: 'duration', label: 'Duration', width: '6.5rem' },
  { key: 'origin', label: 'Origin', width: '6.5rem' },
]

export interface JobsTableProps {
  jobs: Job[]
  isLoading: boolean
  error: unknown
  onRetry: () => void
  /** What to show when there are no rows (empty vs no match). */
  empty: ReactNode
  sort: Sort
  onSort: (sort: Sort) => void
  taskNames: Map<string, string>
  me?: string | null
  runawayIds?: Set<string>
  selectedId: string | null
  onSelect: (id: string) => void
  /** Bumped when the keyboard moved the selection: scroll it into view and focus its link. */
  focusToken: number
  /** Changes when filters/sort change: the list starts again at the top. */
  resetKey: string
  /** sessionStorage key for the scroll position (per history entry), restored on back. */
  scrollKey: string
}

/**
 * The jobs table: a real <table> whose body rows are virtualized (only the visible rows are in
 * the DOM, spacer rows keep the scroll height), with aria-rowcount / aria-rowindex so assistive
 * tech still knows the size. Rows have a fixed height, which keeps the scroll anchoring exact.
 */
export function JobsTable(props: JobsTableProps) {
  const { jobs, isLoading, error, sort, selectedId, focusToken, resetKey, scrollKey } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const anyRunning = jobs.some((j) => isRunning(j.lifecycle))
  const now = useNow(1000, anyRunning)

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: jobs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => jobs[i]?.id ?? i,
    // Without layout (jsdom, a hidden container) the height reads 0: render a screenful anyway.
    initialRect: NO_LAYOUT_RECT,
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : NO_LAYOUT_RECT)),
  })

  /* ---- scroll anchoring: new jobs on top must not move what the user looks at ---- */
  const anchor = useRef<{ id: string; index: number } | null>(null)
  const lastReset = useRef(resetKey)
  const restored = useRef(false)
  const indexOf = useRef(new Map<string, number>())

  useLayoutEffect(() => {
    const el = scrollRef.current
    indexOf.current = new Map(jobs.map((j, i) => [j.id, i]))
    if (!el) return
    if (!restored.current && jobs.length > 0) {
      // Back/forward to this entry: restore where the user was.
      restored.current = true
      const saved = Number(sessionStorage.getItem(scrollKey))
      if (saved > 0) el.scrollTop = saved
    } else if (lastReset.current !== resetKey) {
      el.scrollTop = 0
    } else if (anchor.current) {
      const now = indexOf.current.get(anchor.current.id)
      if (now !== undefined && now !== anchor.current.index) el.scrollTop += (now - anchor.current.index) * ROW_HEIGHT
    }
    lastReset.current = resetKey
    anchor.current = computeAnchor(el, jobs, selectedId)
  }, [jobs, resetKey, scrollKey, selectedId])

  useEffect(() => {
    const el = scrollRef.current
    if (!el) return
    let frame = 0
    const onScroll = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        anchor.current = computeAnchor(el, jobs, selectedId)
        sessionStorage.setItem(scrollKey, String(Math.round(el.scrollTop)))
      })
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      el.removeEventListener('scroll', onScroll)
    }
  }, [jobs, selectedId, scrollKey])

  // Keyboard moved the selection: bring it into view, then focus its link (visible focus ring).
  useEffect(() => {
    if (!focusToken || !selectedId) return
    const index = indexOf.current.get(selectedId)
    if (index === undefined) return
    virtualizer.scrollToIndex(index, { align: 'auto' })
    const id = requestAnimationFrame(() => {
      const link = [...(scrollRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-job-link]') ?? [])].find(
        (a) => a.dataset.jobLink === selectedId,
      )
      link?.focus({ preventScroll: true })
    })
    return () => cancelAnimationFrame(id)
    // Only when the keyboard asks (focusToken), not on every data change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusToken])

  const items = virtualizer.getVirtualItems()
  const total = virtualizer.getTotalSize()
  const padTop = items.length ? items[0]!.start : 0
  const padBottom = items.length ? total - items[items.length - 1]!.end : 0
  const showRows = !isLoading && !(error && jobs.length === 0) && jobs.length > 0

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label="Jobs table"
      tabIndex={-1}
      className="relative max-h-[70vh] min-h-48 overflow-auto rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <table className="w-full min-w-[1100px] table-fixed border-collapse text-sm" aria-rowcount={jobs.length + 1} aria-busy={isLoading || undefined}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs font-semibold text-slate-700 uppercase shadow-[0_1px_0_0] shadow-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:shadow-slate-700">
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <SortHeader key={c.key} column={c.key} label={c.label} sort={sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {isLoading && (
            <tr>
              <td colSpan={COLUMNS.length}>
                <SkeletonRows rows={10} label="Loading jobs…" />
              </td>
            </tr>
          )}
          {!isLoading && !!error && jobs.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="p-3">
                <ErrorPanel error={error} title="Could not load jobs" onRetry={props.onRetry} />
              </td>
            </tr>
          )}
          {!isLoading && !error && jobs.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="p-8 text-center">
                {props.empty}
              </td>
            </tr>
          )}
          {showRows && padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: padTop, padding: 0 }} />
            </tr>
          )}
          {showRows &&
            items.map((item) => {
              const job = jobs[item.index]
              if (!job) return null
              return (
                <JobRow
                  key={job.id}
                  job={job}
                  rowIndex={item.index + 2}
                  now={now}
                  taskNames={props.taskNames}
                  me={props.me}
                  runaway={props.runawayIds?.has(job.id) ?? false}
                  selected={job.id === selectedId}
                  onSelect={props.onSelect}
                />
              )
            })}
          {showRows && padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: padBottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

function computeAnchor(el: HTMLElement, jobs: Job[], selectedId: string | null): { id: string; index: number } | null {
  const header = ROW_HEIGHT
  const first = Math.floor(el.scrollTop / ROW_HEIGHT)
  const visible = Math.max(1, Math.floor((el.clientHeight - header) / ROW_HEIGHT))
  if (selectedId) {
    const index = jobs.findIndex((j) => j.id === selectedId)
    if (index >= first && index < first + visible) return { id: selectedId, index }
  }
  // At the very top with nothing selected: let new jobs appear in view (a live feed).
  if (el.scrollTop <= 0) return null
  const job = jobs[first]
  return job ? { id: job.id, index: first } : null
}

function SortHeader({ column, label, sort, onSort }: { column: SortKey; label: string; sort: Sort; onSort: (s: Sort) => void }) {
  const active = sort.key === column
  const next: Sort = active ? { key: column, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key: column, dir: column === 'created' || column === 'duration' ? 'desc' : 'asc' }
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className="px-2 py-2">
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex items-center gap-1 rounded uppercase hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-indigo-300"
      >
        {label}
        <span aria-hidden="true" className={cn('text-[10px]', !active && 'opacity-30')}>
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}

/** Memoized: while scrolling, rows that stay in view are not rendered again. */
const JobRow = memo(function JobRow({
  job,
  rowIndex,
  now,
  taskNames,
  me,
  runaway,
  selected,
  onSelect,
}: {
  job: Job
  rowIndex: number
  now: number
  taskNames: Map<string, string>
  me?: string | null
  runaway: boolean
  selected: boolean
  onSelect: (id: string) => void
}) {
  const name = plainText(jobDisplayName(job), 200)
  const task = plainText(taskLabel(job, taskNames), 120)
  const duration = jobDurationMs(job, now)
  const hostName = useHostName()
  return (
    <tr
      aria-rowindex={rowIndex}
      aria-selected={selected}
      onClick={() => onSelect(job.id)}
      style={{ height: ROW_HEIGHT }}
      className={cn(
        'border-b border-slate-100 text-slate-800 hover:bg-slate-50 dark:border-slate-800 dark:text-slate-100 dark:hover:bg-slate-800/60',
        selected && 'bg-indigo-50 outline-2 -outline-offset-2 outline-indigo-500 dark:bg-indigo-950/60',
      )}
    >
      <td className="truncate px-2">
        <span className="flex min-w-0 items-center gap-1.5">
          <Link
            to={`/jobs/${encodeURIComponent(job.id)}`}
            data-job-link={job.id}
            title={name}
            className="truncate font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 dark:text-indigo-300"
          >
            {name}
          </Link>
          {runaway && (
            <Badge tone="danger" icon="⚠" title="Running past its expected time">
              Runaway
            </Badge>
          )}
          {job.problems.length > 0 && (
            <Badge tone="warning" icon="⚠" title={`Unexpected data: ${job.problems.join('; ')}`} className="shrink-0">
              unexpected data
            </Badge>
          )}
        </span>
      </td>
      <td className="truncate px-2" title={job.task_id ? `${task} (${job.task_id})` : undefined}>
        {task}
      </td>
      <td className="truncate px-2 text-slate-600 dark:text-slate-300">{plainText(job._type, 40)}</td>
      <td className="px-2">
        <StateBadge state={job.state} />
      </td>
      <td className="px-2">
        <LifecycleBadge lifecycle={job.lifecycle} />
      </td>
      <td className="truncate px-2" title={job.user_id}>
        {job.user_id ? (me && job.user_id === me ? 'you' : shortId(plainText(job.user_id, 40))) : '—'}
      </td>
      <td className="truncate px-2 text-xs" title={job.host_id}>
        {hostName(job.host_id)}
      </td>
      <td className="truncate px-2">
        <RelativeTime date={job.creation_date} now={now} />
      </td>
      <td className="truncate px-2 tabular-nums">
        {formatDuration(duration)}
        {isRunning(job.lifecycle) && duration !== null && <span className="sr-only"> so far</span>}
      </td>
      <td className="truncate px-2 text-slate-600 dark:text-slate-300">{job.origin ? plainText(job.origin, 40) : '—'}</td>
    </tr>
  )
})

/** Empty-state text: says why the table is empty. */
export function EmptyState({
  filtered,
  onClear,
  why = [],
  onLoadAll,
  sharedOnlyAs,
}: {
  filtered: boolean
  /** The signed-in credential when it is not an admin one: the server lists only jobs shared with it (ACL). */
  sharedOnlyAs?: string
  onClear: () => void
  /** The active filters in words, and what was searched. */
  why?: string[]
  /** Offered when text search looked only at the loaded jobs and older ones exist. */
  onLoadAll?: () => void
}) {
  if (!filtered) {
    return (
      <div>
        <p className="font-semibold">No jobs yet</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Jobs appear here when tasks run.</p>
        {sharedOnlyAs && (
          <p className="mx-auto mt-1 max-w-xl text-sm text-slate-600 dark:text-slate-300">
            You are signed in as a {plainText(sharedOnlyAs, 30)}: the server lists only the jobs shared with you (a task’s access list names
            you or your role). Ask an administrator if you expect to see some.
          </p>
        )}
      </div>
    )
  }
  return (
    <div>
      <p className="font-semibold">No jobs match these filters</p>
      {why.length > 0 && (
        <ul aria-label="Active filters" className="mx-auto mt-2 max-w-xl space-y-0.5 text-sm break-words text-slate-600 dark:text-slate-300">
          {why.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap justify-center gap-2">
        <Button size="sm" onClick={onClear}>
          Clear filters
        </Button>
        {onLoadAll && (
          <Button size="sm" variant="ghost" onClick={onLoadAll}>
            Load all and search again
          </Button>
        )}
      </div>
    </div>
  )
}
