import type { Job } from '@/api/schemas/job'
import { isFinished } from '@/api/schemas/lifecycle'

/** Milliseconds between two ISO dates, or null. */
export function spanMs(from: string | undefined, to: string | number | undefined): number | null {
  if (!from || to === undefined) return null
  const a = Date.parse(from)
  const b = typeof to === 'number' ? to : Date.parse(to)
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null
  return Math.max(0, b - a)
}

/**
 * How long a job ran (finished: creation to last update, or the agent's own measure when the
 * full document has it) or has been running so far (`now` for jobs still in progress).
 */
export function jobDurationMs(job: Pick<Job, 'creation_date' | 'last_update' | 'lifecycle' | 'result'>, now: number): number | null {
  if (isFinished(job.lifecycle)) {
    const t = job.result?.times
    if (t && Number.isFinite(t.seconds)) return t.seconds * 1000 + Math.round((t.nanoseconds ?? 0) / 1e6)
    return spanMs(job.creation_date, job.last_update)
  }
  return spanMs(job.creation_date, now)
}

export function median(values: number[]): number | null {
  return percentile(values, 50)
}

/** Nearest-rank percentile (p in 0..100) of the values; null when empty. */
export function percentile(values: number[], p: number): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  if (p <= 0) return sorted[0]
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/* ---------------- runaway limits that need only the job ----------------
 *
 * The runaway rules (features/runaway/detect.ts) judge a job in progress against fixed limits (its
 * timeout, the queue limit, the limit for waiting on a person) and against its task's history. The
 * fixed ones need nothing but the job: the job page's verdict draws its "Runaway" line from them on
 * its first render, before the history is in, and so does boot's painted first view (app/first-view.ts),
 * before the app is. Here, in lib, because both use them (and this module is in the painter's chunk).
 */

/** Agents and the supervisor's watchdog use 10 minutes when a script job has no timeout. */
export const DEFAULT_SCRIPT_TIMEOUT_MS = 10 * 60_000
/** Job types whose agent enforces a timeout (10 min when the task sets none). */
export const TIMED_JOB_TYPES: readonly string[] = ['ScriptJob', 'NodejsJob']
/** Queued (`ready`) this long means no agent picked it up: agent down? */
export const QUEUE_LIMIT_MS = 15 * 60_000
/**
 * Waiting for a person (approval, input) longer than this. Two days rather than one: a request
 * made one afternoon and answered the next is normal work, not a stuck job (and the default mock
 * world's 26-hour-old approval is meant to be an ordinary old approval, not a runaway).
 */
export const ONHOLD_LIMIT_MS = 48 * 60 * 60_000

/** A readable date as epoch ms, or null. */
export function parseTime(value: string | undefined): number | null {
  if (!value) return null
  const t = Date.parse(value)
  return Number.isFinite(t) ? t : null
}

/**
 * Time since the job was created, never negative: a creation date ahead of `now` is clock skew
 * between the server and us (or a bad date), so the job counts as just started. Null when the
 * date is missing or unreadable: we cannot tell, so we do not accuse the job.
 */
export function elapsedSince(creationDate: string | undefined, now: number): number | null {
  const created = parseTime(creationDate)
  if (created === null || !Number.isFinite(now)) return null
  return Math.max(0, now - created)
}

/**
 * When the job entered its current lifecycle. Every save bumps `last_update`, and for the watched
 * lifecycles the last save is the transition itself: an agent taking the job (assigned), an input
 * or restart putting it back in the queue (ready), a hold. The supervisor's own timeout watchdog
 * also counts from the moment the agent took the job, not from the creation: counting the queue
 * wait as running time would flag a job whose agent was merely busy. Falls back to the creation
 * date when `last_update` is missing, unreadable or (corrupt) earlier than the creation.
 */
export function stateSince(job: Pick<Job, 'creation_date' | 'last_update'>): string | undefined {
  const created = parseTime(job.creation_date)
  const updated = parseTime(job.last_update)
  if (updated !== null && (created === null || updated >= created)) return job.last_update
  return created !== null ? job.creation_date : undefined
}

/** Compact duration for sentences: "45m", "1h 5m", "30s", "2d 3h", "800 ms". */
export function compactDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  const s = Math.floor(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return s % 60 ? `${m}m ${s % 60}s` : `${m}m`
  const h = Math.floor(m / 60)
  if (h < 24) return m % 60 ? `${h}h ${m % 60}m` : `${h}h`
  const d = Math.floor(h / 24)
  return h % 24 ? `${d}d ${h % 24}h` : `${d}d`
}

/** "4.5×", "12×", "1.02×": just enough decimals that a job over its limit never reads as "1×". */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '—'
  if (ratio >= 10) return `${Math.round(ratio)}×`
  if (ratio < 1.1) return `${(Math.ceil(ratio * 100) / 100).toFixed(2)}×`
  return `${ratio.toFixed(1).replace(/\.0$/, '')}×`
}

export interface FixedLimit {
  basis: 'timeout' | 'default-timeout' | 'queue' | 'onhold'
  limitMs: number
  /** How the limit reads in a sentence: "its 10m timeout". */
  label: string
  /** The figures behind it: "timeout 10m". */
  detail: string
}

/** The timeout limit of a running job: its own `timeout`, the 10-minute default for script jobs, or none. */
export function timeoutLimitOf(job: Pick<Job, 'timeout' | '_type'>): FixedLimit | null {
  if (typeof job.timeout === 'number' && Number.isFinite(job.timeout) && job.timeout > 0) {
    const t = compactDuration(job.timeout)
    return { basis: 'timeout', limitMs: job.timeout, label: `its ${t} timeout`, detail: `timeout ${t}` }
  }
  if (TIMED_JOB_TYPES.includes(job._type)) {
    const t = compactDuration(DEFAULT_SCRIPT_TIMEOUT_MS)
    return { basis: 'default-timeout', limitMs: DEFAULT_SCRIPT_TIMEOUT_MS, label: `the ${t} default timeout`, detail: `default timeout ${t} (the task sets none)` }
  }
  return null
}

export function queueLimitOf(): FixedLimit {
  const q = compactDuration(QUEUE_LIMIT_MS)
  return { basis: 'queue', limitMs: QUEUE_LIMIT_MS, label: `the ${q} queue limit`, detail: `queue limit ${q}` }
}

export function onholdLimitOf(): FixedLimit {
  const h = compactDuration(ONHOLD_LIMIT_MS)
  return { basis: 'onhold', limitMs: ONHOLD_LIMIT_MS, label: `the ${h} limit for waiting on a person`, detail: `waiting limit ${h}` }
}

/**
 * The runaway judgement with only the job in hand: the fixed limit of its lifecycle, when the job is
 * past it (what detectRunaway says before the task's history is in); null otherwise.
 */
export function fixedRunaway(
  job: Pick<Job, 'lifecycle' | 'creation_date' | 'last_update' | 'timeout' | '_type'>,
  now: number,
): { ratio: number; limit: FixedLimit } | null {
  const limit =
    job.lifecycle === 'assigned' ? timeoutLimitOf(job) : job.lifecycle === 'ready' ? queueLimitOf() : job.lifecycle === 'onhold' ? onholdLimitOf() : null
  const elapsedMs = limit && elapsedSince(stateSince(job), now)
  if (!limit || elapsedMs === null || !(elapsedMs > limit.limitMs)) return null
  return { ratio: elapsedMs / limit.limitMs, limit }
}
