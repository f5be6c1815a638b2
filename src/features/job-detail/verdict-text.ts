import type { Job } from '@/api/schemas/job'
import { isFinished } from '@/api/schemas/lifecycle'
import { formatDuration } from '@/components/ui/time-format'
import { elapsedSince, jobDurationMs, stateSince } from '@/lib/stats'

/* The job page's verdict line in words and its look. No React here (the boot module's first paint draws it too). */

export const VERDICT_CLASS = 'flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border px-4 py-3'
export const VERDICT_ICON_CLASS = 'grid size-9 shrink-0 place-items-center rounded-full bg-white/70 text-xl ring-1 ring-current/30 dark:bg-black/30'

export const VERDICT_TONE: Record<string, string> = {
  success: 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50',
  danger: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50',
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50',
  neutral: 'border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-50',
  muted: 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
}

/** The verdict in words: "Failed after 3m 0s", "Running for 45m 2s", "On hold for 3m — waiting for input" (a job in progress: in its current lifecycle). */
export function verdictText(job: Pick<Job, '_type' | 'state' | 'lifecycle' | 'creation_date' | 'last_update' | 'result'>, lifecycle: string | undefined, now: number): string {
  const j = { ...job, lifecycle: lifecycle ?? job.lifecycle }
  // A finished job: from its creation to its end. One in progress: for how long it has been in its
  // current lifecycle (its last save, as the runaway limits count): a restarted job is queued since
  // the restart, not since it was first created hours ago; a running one runs since an agent took it.
  const d = formatDuration(isFinished(j.lifecycle) ? jobDurationMs(j, now) : elapsedSince(stateSince(j), now))
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

