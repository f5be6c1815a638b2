import { describe, expect, it } from 'vitest'
import type { Job } from '@/api/schemas/job'
import { fixedRunaway } from '@/lib/stats'
import {
  buildHistory,
  compactDuration,
  DEFAULT_SCRIPT_TIMEOUT_MS,
  detectRunaway,
  detectRunaways,
  elapsedSince,
  formatRatio,
  runDurationMs,
  stateSince,
  type HistoryIndex,
} from './detect'

const NOW = Date.parse('2024-03-13T12:00:00.000Z')
const MIN = 60_000
const ago = (ms: number) => new Date(NOW - ms).toISOString()

let serial = 0
/** A job; its last update defaults to its creation (taken by an agent / queued / held at once). */
function job(over: Partial<Job> = {}): Job {
  serial += 1
  const creation_date = 'creation_date' in over ? over.creation_date : ago(5 * MIN)
  return {
    id: `job${String(serial).padStart(20, '0')}`,
    _type: 'ScriptJob',
    name: `Job ${serial}`,
    lifecycle: 'assigned',
    state: 'in_progress',
    task_id: 'task-a',
    last_update: creation_date,
    output: [],
    hasOutput: false,
    problems: [],
    ...over,
    creation_date,
  }
}

/** Finished runs of a task with the given durations. */
function runs(taskId: string, durationsMs: number[], lifecycle = 'finished'): Job[] {
  return durationsMs.map((d, i) => {
    const start = NOW - (i + 2) * 24 * 60 * MIN
    return job({ task_id: taskId, lifecycle, state: 'success', creation_date: new Date(start).toISOString(), last_update: new Date(start + d).toISOString() })
  })
}

const noHistory: HistoryIndex = new Map()

describe('elapsedSince', () => {
  it('measures from the creation date', () => {
    expect(elapsedSince(ago(45 * MIN), NOW)).toBe(45 * MIN)
  })
  it('clamps a creation date in the future (clock skew) to zero', () => {
    expect(elapsedSince(new Date(NOW + 5 * MIN).toISOString(), NOW)).toBe(0)
  })
  it('gives null for missing or malformed dates', () => {
    expect(elapsedSince(undefined, NOW)).toBeNull()
    expect(elapsedSince('not a date', NOW)).toBeNull()
    expect(elapsedSince('', NOW)).toBeNull()
    expect(elapsedSince(ago(MIN), Number.NaN)).toBeNull()
  })
})

describe('stateSince: when the job entered its lifecycle', () => {
  it('is the last update (an agent taking the job, a restart, a hold)', () => {
    expect(stateSince({ creation_date: ago(30 * MIN), last_update: ago(2 * MIN) })).toBe(ago(2 * MIN))
  })
  it('falls back to the creation date when the last update is missing, unreadable or before the creation', () => {
    expect(stateSince({ creation_date: ago(30 * MIN) })).toBe(ago(30 * MIN))
    expect(stateSince({ creation_date: ago(30 * MIN), last_update: 'soon' })).toBe(ago(30 * MIN))
    expect(stateSince({ creation_date: ago(30 * MIN), last_update: ago(40 * MIN) })).toBe(ago(30 * MIN))
  })
  it('uses the last update alone when the creation date is unreadable, and gives up when both are', () => {
    expect(stateSince({ creation_date: 'x', last_update: ago(MIN) })).toBe(ago(MIN))
    expect(stateSince({ creation_date: undefined, last_update: undefined })).toBeUndefined()
  })
})

describe('formatting', () => {
  it('writes compact durations', () => {
    expect(compactDuration(45 * MIN)).toBe('45m')
    expect(compactDuration(10 * MIN)).toBe('10m')
    expect(compactDuration(30_000)).toBe('30s')
    expect(compactDuration(65 * MIN)).toBe('1h 5m')
    expect(compactDuration(2 * 60 * MIN)).toBe('2h')
    expect(compactDuration(51 * 60 * MIN)).toBe('2d 3h')
    expect(compactDuration(800)).toBe('800 ms')
    expect(compactDuration(-1)).toBe('—')
  })
  it('writes ratios that never read as "1×" when over', () => {
    expect(formatRatio(4.5)).toBe('4.5×')
    expect(formatRatio(2)).toBe('2×')
    expect(formatRatio(13.33)).toBe('13×')
    expect(formatRatio(1.004)).toBe('1.01×')
    expect(formatRatio(1.02)).toBe('1.02×')
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe('—')
  })
})

describe('running jobs against their timeout', () => {
  it('flags a script job past its own timeout, saying why in words and numbers', () => {
    const j = job({ timeout: 10 * MIN, creation_date: ago(45 * MIN) })
    const flag = detectRunaway(j, noHistory, NOW)
    expect(flag).not.toBeNull()
    expect(flag!.kind).toBe('running')
    expect(flag!.limit.basis).toBe('timeout')
    expect(flag!.ratio).toBeCloseTo(4.5)
    expect(flag!.reason).toBe('Running 45m, 4.5× its 10m timeout')
  })

  it('does not flag a job within its timeout', () => {
    expect(detectRunaway(job({ timeout: 10 * MIN, creation_date: ago(9 * MIN) }), noHistory, NOW)).toBeNull()
  })

  it('counts running time from when the agent took the job, not the time it waited in the queue', () => {
    // queued 40 min (agent busy), running for 5 min: within its 10 min timeout
    const j = job({ timeout: 10 * MIN, creation_date: ago(45 * MIN), last_update: ago(5 * MIN) })
    expect(detectRunaway(j, noHistory, NOW)).toBeNull()
    const late = detectRunaway(job({ timeout: 10 * MIN, creation_date: ago(45 * MIN), last_update: ago(30 * MIN) }), noHistory, NOW)
    expect(late?.reason).toBe('Running 30m, 3× its 10m timeout')
  })

  it('does not flag a job exactly at its timeout (it must exceed it)', () => {
    expect(detectRunaway(job({ timeout: 10 * MIN, creation_date: ago(10 * MIN) }), noHistory, NOW)).toBeNull()
  })

  it('uses the 10-minute default for script and nodejs jobs without a timeout', () => {
    for (const _type of ['ScriptJob', 'NodejsJob']) {
      const flag = detectRunaway(job({ _type, timeout: undefined, creation_date: ago(20 * MIN) }), noHistory, NOW)
      expect(flag?.limit.basis).toBe('default-timeout')
      expect(flag?.limit.limitMs).toBe(DEFAULT_SCRIPT_TIMEOUT_MS)
      expect(flag?.reason).toBe('Running 20m, 2× the 10m default timeout')
    }
  })

  it('does not invent a timeout for other job types without one', () => {
    for (const _type of ['ApprovalJob', 'DummyJob', 'NotificationJob', 'Job', 'SomethingNew']) {
      expect(detectRunaway(job({ _type, timeout: undefined, creation_date: ago(20 * 60 * MIN) }), noHistory, NOW)).toBeNull()
    }
  })

  it('uses a scraper job’s own timeout', () => {
    const flag = detectRunaway(job({ _type: 'ScraperJob', timeout: 15_000, creation_date: ago(MIN) }), noHistory, NOW)
    expect(flag?.reason).toBe('Running 1m, 4× its 15s timeout')
  })

  it('ignores a nonsense timeout (zero, negative) and falls back to the default for scripts', () => {
    const flag = detectRunaway(job({ timeout: 0, creation_date: ago(15 * MIN) }), noHistory, NOW)
    expect(flag?.limit.basis).toBe('default-timeout')
    expect(detectRunaway(job({ _type: 'ScraperJob', timeout: -5, creation_date: ago(15 * MIN) }), noHistory, NOW)).toBeNull()
  })
})

describe('running jobs against their task history', () => {
  it('flags a job past 3 × the median of its task’s finished runs, even within its timeout', () => {
    const history = buildHistory(runs('sync', [30_000, 28_000, 32_000, 31_000, 29_000]))
    const flag = detectRunaway(job({ task_id: 'sync', timeout: 60 * MIN, creation_date: ago(20 * MIN) }), history, NOW)
    expect(flag?.limit.basis).toBe('history')
    // median 30s -> 90s; p95 32s; 20m / 90s
    expect(flag?.limit.limitMs).toBe(90_000)
    expect(flag?.ratio).toBeCloseTo(1200 / 90)
    expect(flag?.reason).toBe('Running 20m, 13× its usual 1m 30s (3 × its median run of 30s)')
    // both figures are there: the timeout it did not exceed, and the history limit
    expect(flag?.limits.map((l) => [l.basis, l.exceeded])).toEqual([
      ['timeout', false],
      ['history', true],
    ])
    expect(flag?.limit.detail).toBe('usual 1m 30s: 3 × median 30s, p95 32s (5 runs)')
  })

  it('uses p95 when it is above 3 × median (a task with a long tail)', () => {
    const history = buildHistory(runs('t', [10_000, 10_000, 10_000, 10_000, 10 * MIN]))
    const flag = detectRunaway(job({ task_id: 't', timeout: 60 * MIN, creation_date: ago(20 * MIN) }), history, NOW)
    expect(flag?.limit.limitMs).toBe(10 * MIN)
    expect(flag?.reason).toBe('Running 20m, 2× its usual 10m (p95 of its runs)')
  })

  it('needs at least 3 finished runs', () => {
    const history = buildHistory(runs('t', [1000, 1000]))
    expect(detectRunaway(job({ task_id: 't', timeout: 60 * MIN, creation_date: ago(5 * MIN) }), history, NOW)).toBeNull()
    const enough = buildHistory(runs('t', [1000, 1000, 1000]))
    expect(detectRunaway(job({ task_id: 't', timeout: 60 * MIN, creation_date: ago(5 * MIN) }), enough, NOW)).not.toBeNull()
  })

  it('counts only runs that completed: cancelled and terminated runs are not "usual"', () => {
    const history = buildHistory([...runs('t', [1000, 1000], 'finished'), ...runs('t', [1000, 1000, 1000], 'terminated'), ...runs('t', [1000], 'canceled')])
    expect(history.get('t')?.runs).toHaveLength(2)
  })

  it('prefers the agent’s own measure (result.times) when present', () => {
    const [finished] = runs('t', [60_000])
    expect(runDurationMs({ ...finished, result: { times: { seconds: 4, nanoseconds: 500_000_000 }, extra: {} } })).toBe(4500)
    expect(runDurationMs(finished)).toBe(60_000)
  })

  it('drops history samples with malformed dates or an update before the creation', () => {
    const bad = [
      job({ task_id: 't', lifecycle: 'finished', creation_date: undefined, last_update: ago(0) }),
      job({ task_id: 't', lifecycle: 'finished', creation_date: ago(MIN), last_update: 'garbage' }),
      job({ task_id: 't', lifecycle: 'finished', creation_date: ago(MIN), last_update: ago(2 * MIN) }),
    ]
    expect(buildHistory(bad).get('t')).toBeUndefined()
  })

  it('never flags a job of a task of quick runs before it has run a minute (12–14 s old jobs were flagged)', () => {
    const instant = buildHistory(runs('t', [0, 0, 0, 0]))
    const quick = buildHistory(runs('t', [3000, 4000, 3000, 4000]))
    for (const history of [instant, quick]) {
      for (const age of [500, 5000, 12_000, 14_000, 59_000]) {
        expect(detectRunaway(job({ _type: 'DummyJob', task_id: 't', creation_date: ago(age) }), history, NOW)).toBeNull()
      }
      expect(detectRunaway(job({ _type: 'DummyJob', task_id: 't', creation_date: ago(61_000) }), history, NOW)).not.toBeNull()
    }
  })

  it('names the limit exceeded by the larger ratio when both are exceeded', () => {
    const history = buildHistory(runs('t', [60_000, 60_000, 60_000]))
    // timeout 10m: 45m = 4.5×; history 3m: 45m = 15×
    const flag = detectRunaway(job({ task_id: 't', timeout: 10 * MIN, creation_date: ago(45 * MIN) }), history, NOW)
    expect(flag?.limit.basis).toBe('history')
    expect(flag?.limits.every((l) => l.exceeded)).toBe(true)
    // the other way round: timeout 1m is 45×, history 3m is 15×
    const flag2 = detectRunaway(job({ task_id: 't', timeout: MIN, creation_date: ago(45 * MIN) }), history, NOW)
    expect(flag2?.limit.basis).toBe('timeout')
    expect(flag2?.reason).toBe('Running 45m, 45× its 1m timeout')
  })

  it('does not use another task’s history, nor history for a job without a task', () => {
    const history = buildHistory(runs('other', [1000, 1000, 1000]))
    expect(detectRunaway(job({ task_id: 'mine', timeout: 60 * MIN, creation_date: ago(5 * MIN) }), history, NOW)).toBeNull()
    expect(detectRunaway(job({ task_id: undefined, timeout: 60 * MIN, creation_date: ago(5 * MIN) }), history, NOW)).toBeNull()
  })
})

describe('queued and on-hold jobs', () => {
  it('flags a job queued (ready) for more than 15 minutes: agent down?', () => {
    const flag = detectRunaway(job({ lifecycle: 'ready', creation_date: ago(2 * 60 * MIN) }), noHistory, NOW)
    expect(flag?.kind).toBe('queued')
    expect(flag?.reason).toBe('Queued 2h, 8× the 15m queue limit. No agent has taken it: agent down?')
  })

  it('does not flag a short queue', () => {
    expect(detectRunaway(job({ lifecycle: 'ready', creation_date: ago(14 * MIN) }), noHistory, NOW)).toBeNull()
  })

  it('flags a queue far longer than the task’s usual one (3 × median, at least a minute)', () => {
    const assigned = [1, 2, 3].map(() => job({ task_id: 'q', lifecycle: 'assigned', creation_date: ago(10 * MIN), last_update: ago(10 * MIN - 60_000) }))
    const history = buildHistory([], assigned)
    expect(history.get('q')?.queues).toEqual([60_000, 60_000, 60_000])
    const flag = detectRunaway(job({ task_id: 'q', lifecycle: 'ready', creation_date: ago(6 * MIN) }), history, NOW)
    expect(flag?.limit.basis).toBe('queue-history')
    expect(flag?.reason).toBe('Queued 6m, 2× its usual 3m queue (3 × its median wait of 1m). No agent has taken it: agent down?')
    // sub-second usual queues do not make every new job "late"
    const fast = buildHistory([], [1, 2, 3].map(() => job({ task_id: 'f', lifecycle: 'assigned', creation_date: ago(MIN), last_update: ago(MIN - 100) })))
    expect(detectRunaway(job({ task_id: 'f', lifecycle: 'ready', creation_date: ago(30_000) }), fast, NOW)).toBeNull()
  })

  it('flags a job on hold for more than 48 hours, saying what it waits for', () => {
    const approval = detectRunaway(job({ _type: 'ApprovalJob', lifecycle: 'onhold', creation_date: ago(72 * 60 * MIN) }), noHistory, NOW)
    expect(approval?.kind).toBe('onhold')
    expect(approval?.reason).toBe('On hold 3d, 1.5× the 2d limit for waiting on a person. Waiting for an approval.')
    const input = detectRunaway(job({ _type: 'DummyJob', lifecycle: 'onhold', creation_date: ago(49 * 60 * MIN) }), noHistory, NOW)
    expect(input?.reason).toMatch(/^On hold 2d 1h, .*Waiting for input\.$/)
    // an approval asked yesterday afternoon is ordinary work
    expect(detectRunaway(job({ _type: 'ApprovalJob', lifecycle: 'onhold', creation_date: ago(26 * 60 * MIN) }), noHistory, NOW)).toBeNull()
  })
})

describe('what is never flagged', () => {
  it('finished and unknown lifecycles, and jobs without a lifecycle', () => {
    for (const lifecycle of ['finished', 'terminated', 'canceled', 'completed', 'expired', 'started', 'syncing', 'locked', 'paused', 'on_hold', undefined]) {
      expect(detectRunaway(job({ lifecycle, timeout: MIN, creation_date: ago(100 * 60 * MIN) }), noHistory, NOW)).toBeNull()
    }
  })

  it('jobs whose dates are missing or malformed', () => {
    expect(detectRunaway(job({ timeout: MIN, creation_date: undefined }), noHistory, NOW)).toBeNull()
    expect(detectRunaway(job({ timeout: MIN, creation_date: 'yesterday' }), noHistory, NOW)).toBeNull()
    expect(detectRunaway(job({ timeout: MIN, creation_date: 'yesterday', last_update: 'today' }), noHistory, NOW)).toBeNull()
  })

  it('jobs created "in the future" (server clock ahead of ours): elapsed is clamped to zero, never negative', () => {
    const future = job({ timeout: MIN, creation_date: new Date(NOW + 60 * MIN).toISOString() })
    expect(detectRunaway(future, noHistory, NOW)).toBeNull()
    // only the last update ahead of us: same
    expect(detectRunaway(job({ timeout: MIN, creation_date: ago(MIN), last_update: new Date(NOW + 60 * MIN).toISOString() }), noHistory, NOW)).toBeNull()
    // with the server-corrected now, the same job is measured correctly
    const serverNow = NOW + 2 * 60 * MIN
    expect(detectRunaway(future, noHistory, serverNow)?.elapsedMs).toBe(60 * MIN)
  })
})

describe('detectRunaways', () => {
  it('returns flagged jobs only, furthest over first', () => {
    const a = job({ name: 'a', timeout: 10 * MIN, creation_date: ago(20 * MIN) }) // 2×
    const b = job({ name: 'b', timeout: 10 * MIN, creation_date: ago(45 * MIN) }) // 4.5×
    const c = job({ name: 'c', timeout: 10 * MIN, creation_date: ago(5 * MIN) }) // fine
    const d = job({ name: 'd', lifecycle: 'ready', creation_date: ago(60 * MIN) }) // 4×
    expect(detectRunaways([a, b, c, d], noHistory, NOW).map((f) => f.job.name)).toEqual(['b', 'd', 'a'])
  })

  it('returns nothing for an empty world', () => {
    expect(detectRunaways([], buildHistory([]), NOW)).toEqual([])
  })
})

describe('fixedRunaway (lib/stats): the judgement with only the job in hand', () => {
  it('is what detectRunaway says before the task history is in (the job page first render, boot\'s painted view)', () => {
    const cases: Array<Partial<Job>> = []
    for (const lifecycle of ['assigned', 'ready', 'onhold', 'finished', 'locked', undefined])
      for (const _type of ['ScriptJob', 'NodejsJob', 'ApprovalJob', 'DummyJob'])
        for (const timeout of [undefined, 0, -5, 30 * MIN, 2 * 60 * MIN])
          for (const age of [0, 9 * MIN, 11 * MIN, 16 * MIN, 45 * MIN, 3 * 60 * MIN, 49 * 60 * MIN])
            cases.push({ lifecycle, _type, timeout, creation_date: ago(age + 60_000), last_update: ago(age) })
    cases.push({ creation_date: undefined, last_update: undefined }, { creation_date: 'not a date', last_update: 'nope' })
    let flagged = 0
    for (const over of cases) {
      const j = job(over)
      const full = detectRunaway(j, buildHistory([], [j]), NOW)
      const fixed = fixedRunaway(j, NOW)
      expect(fixed && { ratio: fixed.ratio, label: fixed.limit.label }, JSON.stringify(over)).toEqual(full && { ratio: full.ratio, label: full.limit.label })
      if (fixed) flagged++
    }
    // Both answers occur: the comparison is not vacuous.
    expect(flagged).toBeGreaterThan(50)
    expect(flagged).toBeLessThan(cases.length - 50)
  })
})
