import { Link } from 'react-router'
import { jobDisplayName, type Job } from '@/api/schemas/job'
import { cn } from '@/components/ui/cn'
import { formatDuration, formatExact } from '@/components/ui/time'
import { plainText } from '@/lib/text'
import { jobWord } from '../run-graph'
import { buildTimeline, type Segment, type SegmentKind } from '../run-timeline'

const KIND: Record<SegmentKind, { label: string; className: string }> = {
  queued: { label: 'queued', className: 'bg-sky-200 bg-[repeating-linear-gradient(135deg,transparent_0_4px,rgb(2_132_199/0.45)_4px_6px)] dark:bg-sky-900' },
  running: { label: 'running', className: 'bg-indigo-600 dark:bg-indigo-400' },
  waiting: { label: 'waiting on a person', className: 'bg-amber-300 bg-[radial-gradient(rgb(146_64_14/0.55)_1px,transparent_1.5px)] bg-[length:6px_6px] dark:bg-amber-700' },
}

function total(segments: Segment[], kind: SegmentKind): number {
  return segments.filter((s) => s.kind === kind).reduce((sum, s) => sum + (s.end - s.start), 0)
}

/** What a lane says in words: "queued 2s, running 31s, success". */
function laneSummary(job: Job, segments: Segment[]): string {
  const parts = (['queued', 'running', 'waiting'] as const)
    .filter((k) => segments.some((s) => s.kind === k))
    .map((k) => `${KIND[k].label} ${formatDuration(total(segments, k))}${segments.some((s) => s.kind === k && s.open) ? ' so far' : ''}`)
  return [...parts, jobWord(job).word].join(', ')
}

/**
 * One lane per step job, in creation order: queued (ready), running (assigned) and waiting on a person
 * (onhold), each a pattern as well as a colour and named in words. Long idle stretches (nothing queued
 * or running) are compressed and marked. Each lane opens its job.
 */
export function RunTimeline({ jobs, now, runStart }: { jobs: Job[]; now: number; runStart?: string }) {
  const tl = buildTimeline(jobs, now, runStart)
  const pct = (t: number) => `${(tl.at(t) * 100).toFixed(3)}%`
  return (
    <section aria-label="Timeline" className="space-y-2">
      <h3 className="text-base font-semibold">Timeline</h3>
      <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
        {(Object.keys(KIND) as SegmentKind[]).map((k) => (
          <li key={k} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={cn('inline-block h-3 w-6 rounded-sm', KIND[k].className)} />
            {KIND[k].label}
          </li>
        ))}
        {tl.gaps.length > 0 && (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3 w-3 border-x-2 border-dotted border-slate-400" />
            idle time, compressed
          </li>
        )}
      </ul>
      {tl.lanes.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No step has started yet, so there is nothing to place in time.</p>
      ) : (
        <>
          <ol aria-label="Timeline lanes" className="space-y-1">
            {tl.lanes.map(({ job, segments }) => {
              const name = plainText(jobDisplayName(job), 80)
              const summary = laneSummary(job, segments)
              return (
                <li key={job.id}>
                  <Link
                    to={`/jobs/${job.id}`}
                    aria-label={`${name}: ${summary}`}
                    className="group grid grid-cols-[minmax(6rem,11rem)_1fr] items-center gap-2 rounded px-1 py-0.5 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
                  >
                    <span className="truncate text-sm font-medium text-indigo-700 group-hover:underline dark:text-indigo-300" title={name}>
                      {name}
                    </span>
                    <span className="relative h-5 rounded bg-slate-100 dark:bg-slate-800" title={summary}>
                      {tl.gaps.map((g, i) => (
                        <span
                          key={i}
                          aria-hidden="true"
                          className="absolute inset-y-0 border-x-2 border-dotted border-slate-400"
                          style={{ left: pct(g.start), width: `calc(${pct(g.end)} - ${pct(g.start)})` }}
                        />
                      ))}
                      {segments.map((s, i) => (
                        <span
                          key={i}
                          aria-hidden="true"
                          className={cn('absolute inset-y-0.5 min-w-[3px] rounded-sm', KIND[s.kind].className, s.open && 'animate-pulse')}
                          style={{ left: pct(s.start), width: `calc(${pct(s.end)} - ${pct(s.start)})` }}
                        />
                      ))}
                    </span>
                  </Link>
                </li>
              )
            })}
          </ol>
          <div className="grid grid-cols-[minmax(6rem,11rem)_1fr] gap-2 text-xs text-slate-600 dark:text-slate-400">
            <span />
            <span className="relative h-4">
              <span className="absolute left-0">{formatExact(tl.start)}</span>
              <span className="absolute right-0">{formatExact(tl.end)}</span>
            </span>
          </div>
          {tl.gaps.length > 0 && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Compressed: {tl.gaps.map((g) => `${formatDuration(g.end - g.start)} idle`).join(', ')}.
            </p>
          )}
        </>
      )}
    </section>
  )
}
