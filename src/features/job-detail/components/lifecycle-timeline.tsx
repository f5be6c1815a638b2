import type { UseQueryResult } from '@tanstack/react-query'
import { Link } from 'react-router'
import { isFinished, jobDisplayName, type Job, type LifecycleTransition } from '@/api/schemas/job'
import { cn } from '@/components/ui/cn'
import { errorMessage } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import type { Tone } from '@/components/ui/badge'
import { jobStatus, LifecycleBadge, lifecycleLabel, StateBadge } from '@/components/ui/status'
import { formatExact, RelativeTime, useNow } from '@/components/ui/time'
import { plainText } from '@/lib/text'
import { buildLifecycleSteps, type LifecycleStep, type ObservedTransition } from '../lifecycle-steps'

const MARK: Record<LifecycleStep['status'], { icon: string; sr: string }> = {
  done: { icon: '✓', sr: 'Done:' },
  current: { icon: '●', sr: 'Current step:' },
  upcoming: { icon: '○', sr: 'Not yet:' },
}

/** The final step of an ended job wears its outcome: a failure is red with ✕, not a success's green. */
const OUTCOME_DOT: Record<Tone, string> = {
  success: 'border-emerald-700 bg-emerald-700 text-white',
  danger: 'border-red-700 bg-red-700 text-white',
  warning: 'border-amber-600 bg-amber-500 text-slate-950',
  info: 'border-sky-700 bg-sky-700 text-white',
  neutral: 'border-slate-600 bg-slate-600 text-white',
  muted: 'border-slate-500 bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
}
const OUTCOME_PILL: Record<Tone, string> = {
  success: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  danger: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  info: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  neutral: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100',
  muted: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100',
}

function StepItem({ step, state, now }: { step: LifecycleStep; state: string | undefined; now: number }) {
  const mark = MARK[step.status]
  // The step a job ended on: its outcome (word, icon and colour) instead of "now".
  const outcome = step.status === 'current' && !step.unknown && isFinished(step.key) ? jobStatus({ state, lifecycle: step.key }) : null
  return (
    <li aria-current={step.status === 'current' ? 'step' : undefined} className="relative flex gap-3 pb-4 last:pb-0">
      <span
        aria-hidden="true"
        className={cn(
          'flex size-6 shrink-0 items-center justify-center rounded-full border text-xs',
          step.status === 'done' && 'border-emerald-600 bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
          step.status === 'current' && !outcome && 'border-indigo-600 bg-indigo-600 text-white',
          outcome && OUTCOME_DOT[outcome.tone],
          step.status === 'upcoming' && 'border-dashed border-slate-400 text-slate-500 dark:text-slate-400',
          step.unknown && 'border-amber-600 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
        )}
      >
        {step.unknown ? '?' : outcome ? outcome.icon : mark.icon}
      </span>
      <div className={cn('min-w-0 text-sm', step.status === 'upcoming' && 'text-slate-600 dark:text-slate-400')}>
        <p>
          <span className="sr-only">{outcome ? 'Ended:' : mark.sr} </span>
          <span className="font-semibold">{step.label}</span>
          {step.status === 'current' && ' '}
          {step.status === 'current' &&
            (outcome ? (
              // "canceled" and "expired" say it already in the step's name.
              outcome.label !== step.label && <span className={cn('ml-1 rounded px-1.5 py-0.5 text-xs font-medium', OUTCOME_PILL[outcome.tone])}>{outcome.label}</span>
            ) : (
              <span className="ml-1 rounded bg-indigo-100 px-1.5 py-0.5 text-xs font-medium text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100">now</span>
            ))}
          <span> — {step.description}</span>
        </p>
        {(step.at || step.note) && (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {step.at && (
              <>
                {formatExact(step.at)} (<RelativeTime date={step.at} now={now} />)
              </>
            )}
            {step.at && step.note && ' · '}
            {step.note}
          </p>
        )}
      </div>
    </li>
  )
}

function WorkflowSteps({ query }: { query: UseQueryResult<Job[]> }) {
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">Steps of this workflow run</h3>
      {query.isPending ? (
        <SkeletonRows rows={3} label="Loading the workflow's steps" />
      ) : query.isError ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">
          The workflow's steps could not be loaded: {errorMessage(query.error)}
        </p>
      ) : query.data.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No task job of this run has started yet.</p>
      ) : (
        <ol aria-label="Workflow steps" className="space-y-1.5">
          {query.data.map((child, i) => (
            <li key={child.id} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="w-6 text-right text-slate-500 tabular-nums dark:text-slate-400">{i + 1}.</span>
              <Link to={`/jobs/${child.id}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
                {plainText(jobDisplayName(child), 120)}
              </Link>
              <LifecycleBadge lifecycle={child.lifecycle} />
              <StateBadge state={child.state} />
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

/**
 * The lifecycle timeline: the path through the lifecycle machine with the current step marked
 * (in words, and aria-current), every change this page saw while open, and for a workflow run its
 * task jobs in order.
 */
export function LifecycleTimeline({
  job,
  current,
  history,
  observed,
  host,
  refreshMs,
  workflowRun,
}: {
  job: Job
  current: string | undefined
  history: LifecycleTransition[]
  observed: ObservedTransition[]
  host?: string
  refreshMs: number
  workflowRun?: UseQueryResult<Job[]>
}) {
  const steps = buildLifecycleSteps(job, current, { history, observed, host })
  // Relative times on the server's clock, not the browser's.
  const now = useNow(1000)
  return (
    <section aria-label="Lifecycle" className="space-y-4">
      <h2 className="text-lg font-semibold">Lifecycle</h2>
      <ol aria-label="Lifecycle stages">
        {steps.map((step, i) => (
          <StepItem key={`${step.key}-${i}`} step={step} state={job.state} now={now} />
        ))}
      </ol>
      <div className="space-y-1">
        <h3 className="text-sm font-semibold">Changes seen while this page was open</h3>
        {observed.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            None yet.{' '}
            {current && ['finished', 'terminated', 'canceled', 'expired', 'completed'].includes(current)
              ? 'The job has ended.'
              : `This page checks the job every ${Math.round(refreshMs / 1000)} s while it is in progress.`}
          </p>
        ) : (
          <ol aria-label="Observed transitions" className="space-y-0.5 text-sm">
            {observed.map((t, i) => (
              <li key={i}>
                {lifecycleLabel(t.from)} → <span className="font-medium">{lifecycleLabel(t.to)}</span>, seen at{' '}
                <time dateTime={new Date(t.observedAt).toISOString()}>{formatExact(t.observedAt)}</time>
                {t.serverAt && <span className="text-slate-600 dark:text-slate-400"> (server's last update {formatExact(t.serverAt)})</span>}
              </li>
            ))}
          </ol>
        )}
      </div>
      {workflowRun && <WorkflowSteps query={workflowRun} />}
    </section>
  )
}
