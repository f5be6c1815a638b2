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
