import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import { type ReactNode, useEffect, useState } from 'react'
import type { Job } from '@/api/schemas/job'
import { isFinished, isRunning } from '@/api/schemas/job'
import { cn } from '@/components/ui/cn'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { useNow } from '@/components/ui/time'
import type { ColumnDef } from '../columns'
import type { DisplayNames } from '../job-list-model'
import type { Sort, SortKey } from '../use-job-filters'
import { useScrollAnchor } from '../use-scroll-anchor'
import { JobRow } from './job-row'

export const ROW_HEIGHT = 40
/** Phones: two-line rows. */
export const COMPACT_ROW_HEIGHT = 58
const HEADER_HEIGHT = 36
const NO_LAYOUT_RECT = { width: 1200, height: 800 }
/** The table's height before it is measured: its max-height (100dvh - 13.5rem, at least 16rem). */
function initialRect() {
  const h = typeof window !== 'undefined' ? window.innerHeight : 0
  // Without layout (jsdom, a hidden container) the height reads 0: render a screenful anyway.
  return h > 0 ? { width: NO_LAYOUT_RECT.width, height: Math.max(256, h - 216) } : NO_LAYOUT_RECT
}
/** Runs `fn` once the browser has painted the current frame; returns a cancel function. */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}

export interface JobsTableProps {
  jobs: Job[]
  isLoading: boolean
  error: unknown
  onRetry: () => void
  /** What to show when there are no rows (empty vs no match). */
  empty: ReactNode
  sort: Sort
  onSort: (sort: Sort) => void
  /** The columns that fit (columns.ts fitColumns), and whether rows are two-line (phones). */
  columns: readonly ColumnDef[]
  compact: boolean
  names: DisplayNames
  runawayIds?: Set<string>
  selectedId: string | null
  /** Opens a job (a row click). */
  onOpen: (id: string) => void
  onRemember: (id: string) => void
  /** Bumped when the keyboard moved the selection: scroll it into view and focus its link. */
  focusToken: number
  /** Changes when filters/sort change: the list starts again at the top. */
  resetKey: string
  /** sessionStorage key for the scroll position (per history entry), restored on back. */
  scrollKey: string
  /** The scrolling container, measured by the page to fit the columns. */
  scrollRef: React.RefObject<HTMLDivElement | null>
}

/**
 * The jobs table: a real <table> whose body rows are virtualized (only the visible rows are in
 * the DOM, spacer rows keep the scroll height), with aria-rowcount / aria-rowindex so assistive
 * tech still knows the size. It is exactly as wide as its container (table-layout fixed, the Name
 * column takes what the fitted columns leave), so no column is ever out of view.
 */
export function JobsTable(props: JobsTableProps) {
  const { jobs, isLoading, error, sort, selectedId, focusToken, resetKey, scrollKey, columns, compact, scrollRef } = props
  const rowHeight = compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT
  const anyRunning = jobs.some((j) => isRunning(j.lifecycle))
  const now = useNow(1000, anyRunning)

  // The first render shows the rows that fit (the container's height as its CSS will make it); the
  // rows just out of view for smooth scrolling come in the render after the first paint.
  const [firstPaint, setFirstPaint] = useState(true)
  useEffect(() => afterNextPaint(() => setFirstPaint(false)), [])
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: jobs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: firstPaint ? 1 : 10,
    getItemKey: (i) => jobs[i]?.id ?? i,
    initialRect: initialRect(),
    observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : NO_LAYOUT_RECT)),
  })
  const measure = virtualizer.measure
  useEffect(() => measure(), [rowHeight, measure])

  const { indexOf } = useScrollAnchor({ scrollRef, rows: jobs, rowHeight, headerHeight: HEADER_HEIGHT, selectedId, resetKey, storageKey: scrollKey })

  // Keyboard moved the selection (or back restored it): bring it into view, then focus its link.
  // The view is moved by hand from the element's real scrollTop: the virtualizer's own
  // scrollToIndex reads its last seen offset, which is stale right after a restored scroll.
  useEffect(() => {
    const el = scrollRef.current
    if (!focusToken || !selectedId || !el) return
    const index = indexOf.current.get(selectedId)
    if (index === undefined) return
    const top = index * rowHeight
    const bottom = HEADER_HEIGHT + (index + 1) * rowHeight
    if (top < el.scrollTop) el.scrollTop = top
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight
    // The row renders once the virtualizer has seen the scroll: try for a few frames.
    let tries = 0
    let frame = 0
    const focus = () => {
      const link = [...el.querySelectorAll<HTMLAnchorElement>('a[data-job-link]')].find((a) => a.dataset.jobLink === selectedId)
      if (link) link.focus({ preventScroll: true })
      else if (++tries < 10) frame = requestAnimationFrame(focus)
    }
    frame = requestAnimationFrame(focus)
    return () => cancelAnimationFrame(frame)
    // Only when asked (focusToken), not on every data change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusToken])

  const items = virtualizer.getVirtualItems()
  const total = virtualizer.getTotalSize()
  const padTop = items.length ? items[0]!.start : 0
  const padBottom = items.length ? total - items[items.length - 1]!.end : 0
  const showRows = !isLoading && !(error && jobs.length === 0) && jobs.length > 0
  const span = columns.length

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label="Jobs table"
      tabIndex={-1}
      // The table fills the first screen: at 1280×900 more than 15 rows show without scrolling the page.
      className="relative max-h-[calc(100dvh-13.5rem)] min-h-64 overflow-auto rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
    >
      <table className="w-full table-fixed border-collapse text-sm" aria-rowcount={jobs.length + 1} aria-busy={isLoading || undefined}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: compact && c.key === 'status' ? 116 : c.width } : undefined} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs font-semibold text-slate-700 uppercase shadow-[0_1px_0_0] shadow-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:shadow-slate-700">
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            {columns.map((c) => (
              <SortHeader key={c.key} column={c.sort} label={compact && c.key === 'name' ? 'Job' : c.label} sort={sort} onSort={props.onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {isLoading && (
            <tr>
              <td colSpan={span}>
                <SkeletonRows rows={10} label="Loading jobs…" />
              </td>
            </tr>
          )}
          {!isLoading && !!error && jobs.length === 0 && (
            <tr>
              <td colSpan={span} className="p-3">
                <ErrorPanel error={error} title="Could not load jobs" onRetry={props.onRetry} />
              </td>
            </tr>
          )}
          {!isLoading && !error && jobs.length === 0 && (
            <tr>
              <td colSpan={span} className="p-8 text-center">
                {props.empty}
              </td>
            </tr>
          )}
          {showRows && padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: padTop, padding: 0 }} />
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
                  height={rowHeight}
                  columns={columns}
                  compact={compact}
                  now={now}
                  names={props.names}
                  runaway={(props.runawayIds?.has(job.id) ?? false) && !isFinished(job.lifecycle)}
                  selected={job.id === selectedId}
                  onOpen={props.onOpen}
                  onRemember={props.onRemember}
                />
              )
            })}
          {showRows && padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: padBottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

function SortHeader({ column, label, sort, onSort }: { column: SortKey; label: string; sort: Sort; onSort: (s: Sort) => void }) {
  const active = sort.key === column
  const next: Sort = active ? { key: column, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key: column, dir: column === 'created' || column === 'duration' ? 'desc' : 'asc' }
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} className="truncate px-2 py-1.5">
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex max-w-full items-center gap-1 rounded uppercase hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-indigo-300"
      >
        <span className="truncate">{label}</span>
        <span aria-hidden="true" className={cn('text-[10px]', !active && 'opacity-30')}>
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
}
