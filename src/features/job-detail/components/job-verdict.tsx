import type { ComponentType } from 'react'
import { isFinished, isRunning, type Job } from '@/api/schemas/job'
import { cn } from '@/components/ui/cn'
import { jobStatus } from '@/components/ui/status'
import { formatDuration, formatExact, formatRelative, useNow } from '@/components/ui/time'
import { jobDurationMs } from '@/lib/stats'

/**
 * What a page can add to the verdict of a job still in progress, composed by the route (the
 * runaway rules live in another feature): "— 3× longer than usual", "usually 2m".
 */
export type JobExpectation = ComponentType<{ job: Job; now: number }>

const TONE: Record<string, string> = {
  success: 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50',
  danger: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50',
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50',
  neutral: 'border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-50',
  muted: 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
}

/** The verdict in words: "Failed after 3m 0s", "Running for 45m 2s", "On hold for 3m — waiting for input". */
export function verdictText(job: Job, lifecycle: string | undefined, now: number): string {
  const j = { ...job, lifecycle: lifecycle ?? job.lifecycle }
  const d = formatDuration(jobDurationMs(j, now))
  const approval = job._type === 'ApprovalJob'
  switch (j.lifecycle) {
    case 'ready':
      return `Queued for ${d}`
    case 'assigned':
    case 'started':
      return `Running for ${d}`
    case 'onhold':
      return `On hold for ${d} — ${approval ? 'waiting for an approval' : 'waiting for a person'}`
    case 'syncing':
      return `Syncing for ${d}`
    case 'locked':
      return `Locked for ${d}`
    case 'canceled':
      return 'Canceled before it ran'
    case 'expired':
      return 'Expired without running'
  }
  if (isFinished(j.lifecycle)) {
    if (approval && j.state === 'success') return `Approved after ${d}`
    if (approval && j.state === 'failure') return `Rejected after ${d}`
    switch (j.state) {
      case 'success':
        return `Succeeded in ${d}`
      case 'failure':
        return `Failed after ${d}`
      case 'error':
        return `Could not run (error) after ${d}`
      case 'timeout':
        return `Timed out after ${d}`
      case 'canceled':
        return `Canceled while running, after ${d}`
      default:
        return `Ended (${j.state ?? 'no state'}) after ${d}`
    }
  }
  return `Status not known to this dashboard: ${j.lifecycle ?? 'no lifecycle'}`
}

/**
 * The first line of the job page: the status as a large word with an icon (never colour alone) and
 * how long it took or has been going, when it ended, and (for a job in progress) what the route's
 * expectation says about it.
 */
export function JobVerdict({ job, lifecycle, Expectation }: { job: Job; lifecycle: string | undefined; Expectation?: JobExpectation }) {
  const current = lifecycle ?? job.lifecycle
  const live = isRunning(current)
  // The server's clock: a laptop hours off does not make a 7-hour-old job "now".
  const now = useNow(1000)
  const status = jobStatus({ state: job.state, lifecycle: current })
  const endedAt = isFinished(current) ? job.last_update : undefined
  return (
    <section aria-label="Verdict" className={cn('flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border px-4 py-3', TONE[status.tone])}>
      <p className="flex items-center gap-3 text-2xl font-semibold">
        <span aria-hidden="true" className="grid size-9 shrink-0 place-items-center rounded-full bg-white/70 text-xl ring-1 ring-current/30 dark:bg-black/30">
          {status.icon}
        </span>
        <span>
          <span className="sr-only">Status: {status.label}. </span>
          {verdictText(job, current, now)}
        </span>
      </p>
      {live && Expectation && <Expectation job={{ ...job, lifecycle: current }} now={now} />}
      {endedAt && Number.isFinite(Date.parse(endedAt)) && (
        <p className="text-sm">
          finished{' '}
          <time dateTime={new Date(endedAt).toISOString()} title={formatExact(endedAt)}>
            {formatRelative(endedAt, now)}
          </time>
        </p>
      )}
    </section>
  )
}
