import { useId } from 'react'
import { Link } from 'react-router'
import { formatDuration } from '@/components/ui/time'
import { stateLabel } from '@/components/ui/status'
import { plainText } from '@/lib/text'
import type { TaskInsight } from '../job-list-model'

/** Colour AND a glyph per state: the chart never relies on colour alone. */
const STATE_STYLE: Record<string, { fill: string; glyph: string }> = {
  success: { fill: 'fill-emerald-500 dark:fill-emerald-400', glyph: '✓' },
  failure: { fill: 'fill-red-600 dark:fill-red-400', glyph: '✕' },
  error: { fill: 'fill-red-800 dark:fill-red-300', glyph: '!' },
  timeout: { fill: 'fill-amber-500 dark:fill-amber-400', glyph: 'T' },
  canceled: { fill: 'fill-slate-400 dark:fill-slate-500', glyph: '⊘' },
}
const OTHER = { fill: 'fill-sky-500 dark:fill-sky-400', glyph: '?' }
const styleOf = (state: string) => STATE_STYLE[state] ?? OTHER

/**
 * One task's figures over the loaded jobs, and the way to start it (its run form). `states`: the list's
 * state filter. With one, only jobs in those states are loaded, so a success rate over them says
 * nothing about the task (0% of failures, 100% of successes): it is not given then.
 */
export function TaskInsightPanel({ taskName, insight, loaded, runTo, states = [] }: { taskName: string; insight: TaskInsight; loaded: number; runTo: string; states?: string[] }) {
  const titleId = useId()
  const descId = useId()
  const rate = insight.successRate === null ? '—' : `${Math.round(insight.successRate * 100)}%`
  const bars = insight.recent
  const max = Math.max(1, ...bars.map((b) => b.durationMs))
  const barW = 14
  const gap = 4
  const chartH = 64
  const width = Math.max(1, bars.length) * (barW + gap)
  const byState = new Map<string, number>()
  for (const b of bars) byState.set(b.state, (byState.get(b.state) ?? 0) + 1)
  const summary = `Durations of the last ${bars.length} finished runs of ${plainText(taskName, 80)}, oldest first: ${bars
    .map((b) => `${stateLabel(b.state)} ${formatDuration(b.durationMs)}`)
    .join(', ')}.`

  return (
    <section aria-labelledby={titleId} className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={titleId} className="text-sm font-semibold">
          {plainText(taskName, 80)}: insight over the {loaded} loaded jobs
        </h2>
        <Link to={runTo} className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
          Run this task
        </Link>
      </div>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Success rate</dt>
          {states.length > 0 ? (
            <dd className="text-slate-600 dark:text-slate-300">
              — <span className="text-xs">(not with a state filter: only {states.map(stateLabel).join(', ')} jobs are loaded)</span>
            </dd>
          ) : (
            <dd className="font-semibold tabular-nums">
              {rate}
              {insight.finished > 0 && <span className="font-normal text-slate-600 dark:text-slate-300"> ({insight.succeeded} of {insight.finished} finished)</span>}
            </dd>
          )}
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Median duration</dt>
          <dd className="font-semibold tabular-nums">{formatDuration(insight.medianMs)}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">p95 duration</dt>
          <dd className="font-semibold tabular-nums">{formatDuration(insight.p95Ms)}</dd>
        </div>
      </dl>
      {bars.length > 0 ? (
        <figure className="mt-3">
          <svg
            role="img"
            aria-labelledby={`${titleId}-chart ${descId}`}
            viewBox={`0 0 ${width} ${chartH + 14}`}
            width={Math.min(width * 1.5, 720)}
            height={(chartH + 14) * 1.5}
            className="max-w-full text-slate-700 dark:text-slate-200"
            preserveAspectRatio="xMinYMax meet"
          >
            <title id={`${titleId}-chart`}>Duration of recent runs</title>
            <desc id={descId}>{summary}</desc>
            {bars.map((b, i) => {
              const h = Math.max(2, Math.round((b.durationMs / max) * chartH))
              const s = styleOf(b.state)
              const x = i * (barW + gap)
              return (
                <g key={b.id}>
                  <rect x={x} y={chartH - h} width={barW} height={h} rx={2} className={s.fill}>
                    <title>{`${stateLabel(b.state)}, ${formatDuration(b.durationMs)}${b.created ? `, ${new Date(b.created).toLocaleString()}` : ''}`}</title>
                  </rect>
                  <text x={x + barW / 2} y={chartH + 11} textAnchor="middle" fontSize={9} fill="currentColor" aria-hidden="true">
                    {s.glyph}
                  </text>
                </g>
              )
            })}
          </svg>
          <figcaption className="mt-1 flex flex-wrap gap-3 text-xs text-slate-600 dark:text-slate-300">
            {[...byState.entries()].map(([state, n]) => (
              <span key={state} className="inline-flex items-center gap-1">
                <svg width="10" height="10" aria-hidden="true">
                  <rect width="10" height="10" rx="2" className={styleOf(state).fill} />
                </svg>
                {styleOf(state).glyph} {stateLabel(state)} ({n})
              </span>
            ))}
            <span>Bar height: duration (longest {formatDuration(max)})</span>
          </figcaption>
        </figure>
      ) : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">No finished runs loaded yet.</p>
      )}
    </section>
  )
}
