import { describe, expect, it } from 'vitest'
import type { Job } from '@/api/schemas/job'
import { buildTimeline, jobSegments } from './run-timeline'

const T0 = Date.UTC(2024, 2, 13, 16, 0, 0)
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString()

function job(over: Partial<Job>): Job {
  return { id: `j${Math.random()}`, _type: 'ScriptJob', output: [], hasOutput: false, problems: [], ...over }
}

describe('jobSegments', () => {
  it('a finished script: queued until the agent’s measured run, then running', () => {
    const segs = jobSegments(job({ lifecycle: 'finished', creation_date: at(0), last_update: at(100), result: { times: { seconds: 30 }, extra: {} } }), T0)
    expect(segs.map((s) => [s.kind, (s.start - T0) / 1000, (s.end - T0) / 1000])).toEqual([
      ['queued', 0, 70],
      ['running', 70, 100],
    ])
  })

  it('an approval waits on a person for its whole life; open while on hold', () => {
    expect(jobSegments(job({ _type: 'ApprovalJob', lifecycle: 'finished', creation_date: at(0), last_update: at(600) }), T0)[0]).toMatchObject({ kind: 'waiting', open: false })
    const open = jobSegments(job({ _type: 'ApprovalJob', lifecycle: 'onhold', creation_date: at(0), last_update: at(0) }), T0 + 900_000)
    expect(open).toEqual([{ kind: 'waiting', start: T0, end: T0 + 900_000, open: true }])
  })

  it('a running job: queued until its last update (the dispatch), running since', () => {
    const segs = jobSegments(job({ lifecycle: 'assigned', creation_date: at(0), last_update: at(20) }), T0 + 60_000)
    expect(segs.map((s) => [s.kind, (s.start - T0) / 1000, (s.end - T0) / 1000, s.open])).toEqual([
      ['queued', 0, 20, false],
      ['running', 20, 60, true],
    ])
  })

  it('a queued job is queued until now; a job canceled from the queue never ran', () => {
    expect(jobSegments(job({ lifecycle: 'ready', creation_date: at(0) }), T0 + 5000)).toEqual([{ kind: 'queued', start: T0, end: T0 + 5000, open: true }])
    expect(jobSegments(job({ lifecycle: 'canceled', creation_date: at(0), last_update: at(50) }), T0).map((s) => s.kind)).toEqual(['queued'])
  })

  it('a job without a usable date has no segment (never a crash)', () => {
    expect(jobSegments(job({ lifecycle: 'finished', creation_date: 'not a date' }), T0)).toEqual([])
  })

  it('a browser clock behind the server does not make negative segments', () => {
    const segs = jobSegments(job({ lifecycle: 'ready', creation_date: at(100) }), T0)
    expect(segs[0]!.end).toBeGreaterThanOrEqual(segs[0]!.start)
  })
})

describe('buildTimeline', () => {
  it('compresses a long idle stretch: a day-long approval does not squash the work', () => {
    const jobs = [
      job({ lifecycle: 'finished', creation_date: at(0), last_update: at(60), result: { times: { seconds: 60 }, extra: {} } }),
      job({ _type: 'ApprovalJob', lifecycle: 'finished', creation_date: at(61), last_update: at(86_400) }),
      job({ lifecycle: 'finished', creation_date: at(86_401), last_update: at(86_461), result: { times: { seconds: 60 }, extra: {} } }),
    ]
    const tl = buildTimeline(jobs, T0 + 90_000_000)
    expect(tl.gaps).toHaveLength(1)
    expect((tl.gaps[0]!.end - tl.gaps[0]!.start) / 1000).toBeGreaterThan(86_000)
    // The first minute of work takes a visible share of the axis (not 60/86461 of it).
    expect(tl.at(T0 + 60_000)).toBeGreaterThan(0.3)
    expect(tl.at(tl.start)).toBe(0)
    expect(tl.at(tl.end)).toBe(1)
    // Monotonic across the gap.
    const xs = [0, 30, 60, 1000, 50_000, 86_401, 86_461].map((s) => tl.at(T0 + s * 1000))
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
  })

  it('short pauses stay to scale', () => {
    const jobs = [
      job({ lifecycle: 'finished', creation_date: at(0), last_update: at(10), result: { times: { seconds: 10 }, extra: {} } }),
      job({ lifecycle: 'finished', creation_date: at(12), last_update: at(20), result: { times: { seconds: 8 }, extra: {} } }),
    ]
    const tl = buildTimeline(jobs, T0)
    expect(tl.gaps).toEqual([])
    expect(tl.at(T0 + 10_000)).toBeCloseTo(0.5)
  })

  it('opens at the run’s creation so the wait before the first step shows', () => {
    const tl = buildTimeline([job({ lifecycle: 'ready', creation_date: at(30) })], T0 + 60_000, at(0))
    expect(tl.start).toBe(T0)
    expect(tl.lanes).toHaveLength(1)
  })

  it('no jobs: an empty axis, not a crash', () => {
    const tl = buildTimeline([], T0)
    expect(tl.lanes).toEqual([])
    expect(tl.at(T0)).toBe(0)
  })
})
