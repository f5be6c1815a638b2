import type { Job } from '@/api/schemas/job'
import { isFinished } from '@/api/schemas/lifecycle'
import { formatDuration } from '@/components/ui/time-format'
import { elapsedSince, jobDurationMs, stateSince } from '@/lib/stats'

/* The job page's verdict line in words and its look. No React here (the boot module's first paint draws it too). */

export const VERDICT_CLASS = 'flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border px-4 py-3'
/** The verdict's big first line, in figures of one width (a size smaller on a phone: "Running for 45m 59s" on one line). */
export const VERDICT_LINE_CLASS = 'flex items-center gap-3 text-xl font-semibold tabular-nums sm:text-2xl'
/**
 * ... of a job in progress, whose duration ticks every second: a row of its own (what follows it, e.g.
 * the Runaway line, always starts below it). Sharing a row, the line below would jump up or down
 * whenever the words crossed the row's width (on a phone, "44m 59s" to "45m 0s" moved the page by a line).
 */
export const VERDICT_TICKING_LINE_CLASS = `${VERDICT_LINE_CLASS} w-full`
/**
 * The ticking duration's slot, last on its line: as wide as its widest form in a unit ("45m 59s",
 * "23h 59m"), so that "45m 59s" becoming "46m 0s" does not change where the line wraps.
 */
export const VERDICT_TICKING_CLASS = 'inline-block min-w-[7ch]'
/** Why a job in progress waits ("waiting for an approval"): a line of its own under the ticking one. */
export const VERDICT_REASON_CLASS = 'block text-base font-medium'
export const VERDICT_ICON_CLASS = 'grid size-9 shrink-0 place-items-center rounded-full bg-white/70 text-xl ring-1 ring-current/30 dark:bg-black/30'

export const VERDICT_TONE: Record<string, string> = {
  success: 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50',
  danger: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-50',
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50',
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-50',
  neutral: 'border-slate-300 bg-white text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-50',
  muted: 'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
}

type VerdictJob = Pick<Job, '_type' | 'state' | 'lifecycle' | 'creation_date' | 'last_update' | 'result'>

/** The verdict's words; for a job in progress, its duration (which ticks) apart, and why it waits. */
export interface VerdictWords {
  before: string
  ticking?: string
  reason?: string
}

/** The verdict in words: "Failed after 3m 0s", "Running for 45m 2s", "On hold for 3m — waiting for input" (a job in progress: in its current lifecycle). */
export function verdictText(job: VerdictJob, lifecycle: string | undefined, now: number): string {
  const w = verdictWords(job, lifecycle, now)
  return w.before + (w.ticking ?? '') + (w.reason ? ` — ${w.reason}` : '')
}

/** verdictText's words, the ticking duration of a job in progress apart (drawn in VERDICT_TICKING_CLASS's slot). */
export function verdictWords(job: VerdictJob, lifecycle: string | undefined, now: number): VerdictWords {
  const j = { ...job, lifecycle: lifecycle ?? job.lifecycle }
  // A finished job: from its creation to its end. One in progress: for how long it has been in its
  // current lifecycle (its last save, as the runaway limits count): a restarted job is queued since
  // the restart, not since it was first created hours ago; a running one runs since an agent took it.
  const d = formatDuration(isFinished(j.lifecycle) ? jobDurationMs(j, now) : elapsedSince(stateSince(j), now))
  const approval = job._type === 'ApprovalJob'
  switch (j.lifecycle) {
    case 'ready':
      return { before: 'Queued for ', ticking: d }
    case 'assigned':
    case 'started':
      return { before: 'Running for ', ticking: d }
    case 'onhold':
      return { before: 'On hold for ', ticking: d, reason: approval ? 'waiting for an approval' : 'waiting for a person' }
    case 'syncing':
      return { before: 'Syncing for ', ticking: d }
    case 'locked':
      return { before: 'Locked for ', ticking: d }
    case 'canceled':
      return { before: 'Canceled before it ran' }
    case 'expired':
      return { before: 'Expired without running' }
  }
  return { before: endedWords(j, approval, d) }
}

function endedWords(j: Pick<Job, 'state' | 'lifecycle'>, approval: boolean, d: string): string {
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

