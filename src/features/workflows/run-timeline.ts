import { isFinished, type Job } from '@/api/schemas/job'

/*
 * A run's timeline: one lane per step job, split into queued (`ready`), running (`assigned`) and
 * waiting on a person (`onhold`). The supervisor keeps no transition times per job, so segments are
 * derived from what it does keep: creation_date, last_update (a save on every transition), and the
 * agent's own measure of the execution (result.times) for finished jobs. Long stretches where nothing
 * is queued or running are compressed so a run that waited a day for an approval stays readable.
 */

export type SegmentKind = 'queued' | 'running' | 'waiting'

export interface Segment {
  kind: SegmentKind
  start: number
  end: number
  /** Still going (its end is "now"). */
  open: boolean
}

export interface Lane {
  job: Job
  segments: Segment[]
}

export interface Gap {
  start: number
  end: number
}

export interface Timeline {
  lanes: Lane[]
  start: number
  end: number
  /** Compressed idle stretches, in time order. */
  gaps: Gap[]
  /** Position (0..1) of a time on the compressed axis. */
  at: (t: number) => number
}

const AGENT_TYPES = new Set(['ScriptJob', 'NodejsJob', 'ScraperJob'])
const PERSON_TYPES = new Set(['ApprovalJob'])

function time(value: string | undefined): number | null {
  if (!value) return null
  const t = Date.parse(value)
  return Number.isFinite(t) ? t : null
}

/** Whether the time before a job ran was spent waiting on a person (approval, requested input). */
function waitsOnPerson(job: Job): boolean {
  return PERSON_TYPES.has(job._type) || job.user_inputs === true
}

/** The segments of one job, derived from its document (see the module note). */
export function jobSegments(job: Job, now: number): Segment[] {
  const start = time(job.creation_date)
  if (start === null) return []
  const lc = job.lifecycle
  const updated = time(job.last_update)
  if (isFinished(lc)) {
    const end = Math.max(start, updated ?? start)
    const seg = (kind: SegmentKind, a: number, b: number): Segment[] => (b > a || kind === 'running' ? [{ kind, start: a, end: Math.max(a, b), open: false }] : [])
    if (PERSON_TYPES.has(job._type)) return seg('waiting', start, end)
    if (AGENT_TYPES.has(job._type)) {
      const t = job.result?.times
      const runMs = t && Number.isFinite(t.seconds) ? t.seconds * 1000 + Math.round((t.nanoseconds ?? 0) / 1e6) : null
      const before: SegmentKind = waitsOnPerson(job) ? 'waiting' : 'queued'
      if (runMs !== null) {
        const runStart = Math.max(start, end - runMs)
        return [...seg(before, start, runStart), ...seg('running', runStart, end)]
      }
      // No measure: a job canceled from ready/onhold never ran; one terminated was running.
      if (lc === 'canceled') return seg(before, start, end)
      return seg('running', start, end)
    }
    if (job.user_inputs) return seg('waiting', start, end)
    return seg('running', start, end)
  }
  const end = Math.max(start, now)
  if (lc === 'onhold') return [{ kind: 'waiting', start, end, open: true }]
  if (lc === 'assigned' || lc === 'started') {
    const since = updated !== null && updated > start && updated <= end ? updated : start
    return [...(since > start ? [{ kind: 'queued' as const, start, end: since, open: false }] : []), { kind: 'running', start: since, end, open: true }]
  }
  return [{ kind: 'queued', start, end, open: true }]
}

export interface TimelineOptions {
  /** A gap shorter than this is never compressed (ms). */
  minGapMs?: number
  /** A gap is compressed when longer than this share of the whole span. */
  minGapShare?: number
  /** Share of the axis a compressed gap takes. */
  gapWidth?: number
}

/**
 * Lanes in creation order and a compressed time axis. `runStart` (the WorkflowJob's creation) opens
 * the axis so the wait before the first step shows.
 */
export function buildTimeline(jobs: readonly Job[], now: number, runStart?: string, opts: TimelineOptions = {}): Timeline {
  const minGapMs = opts.minGapMs ?? 60_000
  const minGapShare = opts.minGapShare ?? 0.15
  const gapWidth = opts.gapWidth ?? 0.05
  const lanes = [...jobs]
    .sort((a, b) => (a.creation_date ?? '').localeCompare(b.creation_date ?? '') || a.id.localeCompare(b.id))
    .map((job) => ({ job, segments: jobSegments(job, now) }))
  const all = lanes.flatMap((l) => l.segments)
  const rs = time(runStart)
  const starts = all.map((s) => s.start)
  if (rs !== null) starts.push(rs)
  if (starts.length === 0) return { lanes, start: now, end: now, gaps: [], at: () => 0 }
  const start = Math.min(...starts)
  const end = Math.max(start + 1, ...all.map((s) => s.end))
  const span = end - start

  // Idle = covered by no queued or running segment (waiting on a person counts as idle).
  const busy = all
    .filter((s) => s.kind !== 'waiting')
    .map((s) => [s.start, s.end] as const)
    .sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const [a, b] of busy) {
    const last = merged.at(-1)
    if (last && a <= last[1]) last[1] = Math.max(last[1], b)
    else merged.push([a, b])
  }
  const gaps: Gap[] = []
  let cursor = start
  for (const [a, b] of [...merged, [end, end] as [number, number]]) {
    if (a - cursor > minGapMs && a - cursor > span * minGapShare && merged.length > 0) gaps.push({ start: cursor, end: a })
    cursor = Math.max(cursor, b)
  }

  const gapTotal = gaps.reduce((s, g) => s + (g.end - g.start), 0)
  const linear = span - gapTotal
  const gapShare = gaps.length ? Math.min(gapWidth, 0.5 / gaps.length) : 0
  const linearShare = 1 - gapShare * gaps.length
  const at = (t: number): number => {
    const c = Math.min(end, Math.max(start, t))
    let x = 0
    let prev = start
    for (const g of gaps) {
      if (c <= g.start) break
      x += ((Math.min(c, g.start) - prev) / (linear || 1)) * linearShare
      if (c < g.end) return x + ((c - g.start) / (g.end - g.start)) * gapShare
      x += gapShare
      prev = g.end
    }
    x += ((c - prev) / (linear || 1)) * linearShare
    return Math.min(1, Math.max(0, x))
  }
  return { lanes, start, end, gaps, at }
}
