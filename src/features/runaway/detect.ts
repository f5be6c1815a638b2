import type { Job } from '@/api/schemas/job'
import { isFinished } from '@/api/schemas/lifecycle'
import {
  compactDuration,
  DEFAULT_SCRIPT_TIMEOUT_MS,
  elapsedSince,
  formatRatio,
  median,
  ONHOLD_LIMIT_MS,
  onholdLimitOf,
  parseTime,
  percentile,
  QUEUE_LIMIT_MS,
  queueLimitOf,
  stateSince,
  TIMED_JOB_TYPES,
  timeoutLimitOf,
  type FixedLimit,
} from '@/lib/stats'

// The limits that need only the job live in lib/stats (boot's painter draws the job page's Runaway line from them too).
export { compactDuration, DEFAULT_SCRIPT_TIMEOUT_MS, elapsedSince, formatRatio, ONHOLD_LIMIT_MS, QUEUE_LIMIT_MS, stateSince, TIMED_JOB_TYPES }

/**
 * Runaway detection: pure functions over jobs, a reference time and the loaded history.
 * No React, no clock of its own: callers pass `now` on the server's clock (the api layer's
 * serverNow(): its Date header, or the times in its data when the header is unreadable), so a
 * browser clock hours off neither flags healthy jobs nor hides late ones.
 */

/** Fewer finished runs than this say nothing about what is "usual" for a task. */
export const MIN_HISTORY_RUNS = 3
/** A running job past max(3 × median, p95) of its task's finished runs. */
export const HISTORY_MEDIAN_FACTOR = 3
export const HISTORY_PERCENTILE = 95
/**
 * Floor for history-based limits. Tasks whose runs take a few seconds (or "0 ms": instant dummy
 * jobs, rounding) would otherwise flag ordinary jobs 10 s after they start, and the flag would come
 * and go with every poll as such jobs finish (the count jumping 3 → 5 → 4 → 3). Nobody can act on
 * a job that is "late" by seconds: no job is flagged on its task's history before it has run a
 * minute. (A timeout the task declares itself, however short, is the task's own word and applies as set.)
 */
export const MIN_HISTORY_LIMIT_MS = 60_000
export const QUEUE_MEDIAN_FACTOR = 3
/** A history-based queue limit never goes below this (agents poll every few seconds). */
export const MIN_QUEUE_LIMIT_MS = 60_000

export type RunawayKind = 'running' | 'queued' | 'onhold'

/** The lifecycles this page watches; anything else (unknown values included) is never flagged. */
export const WATCHED_LIFECYCLES = ['assigned', 'ready', 'onhold'] as const

export type LimitBasis = 'timeout' | 'default-timeout' | 'history' | 'queue' | 'queue-history' | 'onhold'

export interface RunawayLimit {
  basis: LimitBasis
  limitMs: number
  /** elapsed / limit */
  ratio: number
  /** Whether the job is past this limit. */
  exceeded: boolean
  /** How the limit reads in a sentence: "its 10m timeout", "3 × its median run of 30s". */
  label: string
  /** The figures behind it, for the "Expected" column: "timeout 10m", "3 × median 30s, p95 40s (5 runs)". */
  detail: string
}

export interface RunawayFlag {
  job: Job
  kind: RunawayKind
  elapsedMs: number
  /** The exceeded limit with the larger ratio: it names the reason. */
  limit: RunawayLimit
  /** Every limit that applies to the job (exceeded or not), so both figures can be shown. */
  limits: RunawayLimit[]
  ratio: number
  /** Why, in words and numbers: "Running 45m, 4.5× its 10m timeout". */
  reason: string
}

export interface TaskStats {
  /** Durations (ms) of the task's finished runs in the loaded history. */
  runs: number[]
  /** Queue times (ms) seen for the task: assigned jobs' wait before an agent took them. */
  queues: number[]
}

export type HistoryIndex = Map<string, TaskStats>

/* ---------------- history ---------------- */

/**
 * Lifecycles whose duration says how long a normal run takes. Cancelled and terminated runs were
 * cut short (or killed at their timeout): counting them would pull the "usual" toward noise.
 */
const COMPLETED_RUN_LIFECYCLES: readonly string[] = ['finished', 'completed']

/** How long a finished run took: the agent's own measure when present, else creation → last update. */
export function runDurationMs(job: Job): number | null {
  if (!job.lifecycle || !COMPLETED_RUN_LIFECYCLES.includes(job.lifecycle)) return null
  const t = job.result?.times
  if (t && Number.isFinite(t.seconds) && t.seconds >= 0) return t.seconds * 1000 + Math.round((t.nanoseconds ?? 0) / 1e6)
  const from = parseTime(job.creation_date)
  const to = parseTime(job.last_update)
  if (from === null || to === null) return null
  // A last update before the creation is corrupt (or skewed between servers): not a sample.
  return to >= from ? to - from : null
}

/**
 * Per task: durations of finished runs, and queue times of jobs that an agent has taken (an
 * `assigned` job's last update is the moment it was taken; list items carry nothing better).
 */
export function buildHistory(finished: readonly Job[], active: readonly Job[] = []): HistoryIndex {
  const index: HistoryIndex = new Map()
  const entry = (taskId: string) => {
    let e = index.get(taskId)
    if (!e) {
      e = { runs: [], queues: [] }
      index.set(taskId, e)
    }
    return e
  }
  for (const job of finished) {
    if (!job.task_id || !isFinished(job.lifecycle)) continue
    const d = runDurationMs(job)
    if (d !== null) entry(job.task_id).runs.push(d)
  }
  for (const job of active) {
    if (!job.task_id || job.lifecycle !== 'assigned') continue
    const from = parseTime(job.creation_date)
    const to = parseTime(job.last_update)
    if (from === null || to === null || to < from) continue
    entry(job.task_id).queues.push(to - from)
  }
  return index
}

/* ---------------- limits ---------------- */

function limit(basis: LimitBasis, limitMs: number, elapsedMs: number, label: string, detail: string): RunawayLimit {
  const ratio = limitMs > 0 ? elapsedMs / limitMs : Number.POSITIVE_INFINITY
  return { basis, limitMs, ratio, exceeded: elapsedMs > limitMs, label, detail }
}

const fromFixed = (f: FixedLimit, elapsedMs: number): RunawayLimit => limit(f.basis, f.limitMs, elapsedMs, f.label, f.detail)

/** The timeout limit of a running job: its own `timeout`, the 10-minute default for script jobs, or none. */
function timeoutLimit(job: Job, elapsedMs: number): RunawayLimit | null {
  const fixed = timeoutLimitOf(job)
  return fixed && fromFixed(fixed, elapsedMs)
}

/** max(3 × median, p95) of the task's finished runs, when there are enough of them. */
function historyLimit(stats: TaskStats | undefined, elapsedMs: number): RunawayLimit | null {
  const runs = stats?.runs ?? []
  if (runs.length < MIN_HISTORY_RUNS) return null
  const med = median(runs)
  const p95 = percentile(runs, HISTORY_PERCENTILE)
  if (med === null || p95 === null) return null
  const byMedian = HISTORY_MEDIAN_FACTOR * med
  const limitMs = Math.max(byMedian, p95, MIN_HISTORY_LIMIT_MS)
  const m = compactDuration(med)
  const basis = byMedian >= p95 ? `${HISTORY_MEDIAN_FACTOR} × its median run of ${m}` : `p${HISTORY_PERCENTILE} of its runs`
  const label = `its usual ${compactDuration(limitMs)} (${basis})`
  const detail = `usual ${compactDuration(limitMs)}: ${HISTORY_MEDIAN_FACTOR} × median ${m}, p${HISTORY_PERCENTILE} ${compactDuration(p95)} (${runs.length} runs)`
  return limit('history', limitMs, elapsedMs, label, detail)
}

function queueLimits(stats: TaskStats | undefined, elapsedMs: number): RunawayLimit[] {
  const limits = [fromFixed(queueLimitOf(), elapsedMs)]
  const queues = stats?.queues ?? []
  if (queues.length >= MIN_HISTORY_RUNS) {
    const med = median(queues)
    if (med !== null) {
      const limitMs = Math.max(QUEUE_MEDIAN_FACTOR * med, MIN_QUEUE_LIMIT_MS)
      const m = compactDuration(med)
      limits.push(
        limit(
          'queue-history',
          limitMs,
          elapsedMs,
          `its usual ${compactDuration(limitMs)} queue (${QUEUE_MEDIAN_FACTOR} × its median wait of ${m})`,
          `usual queue ${compactDuration(limitMs)}: ${QUEUE_MEDIAN_FACTOR} × median ${m} (${queues.length} jobs)`,
        ),
      )
    }
  }
  return limits
}

function onholdLimit(elapsedMs: number): RunawayLimit {
  return fromFixed(onholdLimitOf(), elapsedMs)
}

const VERB: Record<RunawayKind, string> = { running: 'Running', queued: 'Queued', onhold: 'On hold' }

function reasonText(kind: RunawayKind, elapsedMs: number, l: RunawayLimit, job: Job): string {
  const base = `${VERB[kind]} ${compactDuration(elapsedMs)}, ${formatRatio(l.ratio)} ${l.label}`
  if (kind === 'queued') return `${base}. No agent has taken it: agent down?`
  if (kind === 'onhold') return `${base}. ${job._type === 'ApprovalJob' ? 'Waiting for an approval.' : 'Waiting for input.'}`
  return base
}

/* ---------------- detection ---------------- */

/**
 * Flags one job, or returns null when it is within its limits, not in a watched lifecycle
 * (finished, unknown values), or its dates are missing/unreadable (we cannot tell, so we do not
 * accuse it). Elapsed time is counted from stateSince() and never negative.
 */
export function detectRunaway(job: Job, history: HistoryIndex, now: number): RunawayFlag | null {
  const kind: RunawayKind | null =
    job.lifecycle === 'assigned' ? 'running' : job.lifecycle === 'ready' ? 'queued' : job.lifecycle === 'onhold' ? 'onhold' : null
  if (!kind) return null
  const elapsedMs = elapsedSince(stateSince(job), now)
  if (elapsedMs === null) return null
  const stats = job.task_id ? history.get(job.task_id) : undefined

  let limits: RunawayLimit[]
  if (kind === 'running') {
    limits = [timeoutLimit(job, elapsedMs), historyLimit(stats, elapsedMs)].filter((l): l is RunawayLimit => l !== null)
  } else if (kind === 'queued') {
    limits = queueLimits(stats, elapsedMs)
  } else {
    limits = [onholdLimit(elapsedMs)]
  }
  const exceeded = limits.filter((l) => l.exceeded)
  if (exceeded.length === 0) return null
  const worst = exceeded.reduce((a, b) => (b.ratio > a.ratio ? b : a))
  return { job, kind, elapsedMs, limit: worst, limits, ratio: worst.ratio, reason: reasonText(kind, elapsedMs, worst, job) }
}

/** Every flagged job, furthest over its limit first (ties: longest elapsed first, then id). */
export function detectRunaways(active: readonly Job[], history: HistoryIndex, now: number): RunawayFlag[] {
  const flags: RunawayFlag[] = []
  for (const job of active) {
    const flag = detectRunaway(job, history, now)
    if (flag) flags.push(flag)
  }
  return flags.sort((a, b) => b.ratio - a.ratio || b.elapsedMs - a.elapsedMs || (a.job.id < b.job.id ? -1 : 1))
}
