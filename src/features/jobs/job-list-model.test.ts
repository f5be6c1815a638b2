import { describe, expect, it } from 'vitest'
import type { Job, JobList } from '@/api/schemas/job'
import { jobStatus } from '@/components/ui/status-meta'
import { hostLabel, mergeLoaded, ownerLabel, searchJobs, sortJobs, taskInsight, type DisplayNames } from './job-list-model'
import { DEFAULT_SORT, parseJobFilters, serverQuery, sinceMs, writeJobFilters } from './use-job-filters'

const hex = (n: number) => n.toString(16).padStart(24, '0')
function job(n: number, extra: Partial<Job> = {}): Job {
  return {
    id: hex(n),
    _type: 'ScriptJob',
    name: `job ${n}`,
    state: 'success',
    lifecycle: 'finished',
    creation_date: new Date(1_700_000_000_000 + n * 1000).toISOString(),
    last_update: new Date(1_700_000_000_000 + n * 1000 + 5000).toISOString(),
    output: [],
    hasOutput: false,
    problems: [],
    ...extra,
  }
}
const page = (ns: number[], received = ns.length): JobList => ({ jobs: ns.map((n) => job(n)), malformed: [], received })

describe('mergeLoaded', () => {
  it('puts a refreshed head over older pages without losing or duplicating jobs', () => {
    const pages = [page([10, 9, 8]), page([7, 6, 5])]
    // Two new jobs arrived; 9 was deleted.
    const head = page([12, 11, 10, 8])
    expect(mergeLoaded(head, pages, 4).jobs.map((j) => Number.parseInt(j.id, 16))).toEqual([12, 11, 10, 8, 7, 6, 5])
  })

  it('a short head holds every matching job: older loaded jobs are gone', () => {
    const pages = [page([10, 9, 8]), page([7, 6, 5])]
    expect(mergeLoaded(page([10, 6], 2), pages, 4).jobs.map((j) => Number.parseInt(j.id, 16))).toEqual([10, 6])
  })

  it('without a head, concatenates pages', () => {
    expect(mergeLoaded(undefined, [page([3, 2]), page([1])], 2).jobs).toHaveLength(3)
  })
})

describe('search and sort', () => {
  const names: DisplayNames = {
    tasks: new Map([[hex(99), 'Backup DB']]),
    hosts: new Map([
      ['h1', 'web-01'],
      ['h2', 'db-02'],
    ]),
    owners: new Map([['u-bob', 'bob']]),
    me: 'u-jane',
  }
  const jobs = [
    job(1, { name: 'Rotate logs', host_id: 'h1', user_id: 'u-bob' }),
    job(2, { name: 'x', task_id: hex(99), host_id: 'h2', user_id: 'u-jane' }),
    job(3, { name: '\u001b[31mRed\u001b[0m alert' }),
  ]
  it('matches what the row shows (name, task name, host name, owner name) and ids, all terms', () => {
    expect(searchJobs(jobs, 'rotate', names).map((j) => j.name)).toEqual(['Rotate logs'])
    expect(searchJobs(jobs, 'backup', names)).toHaveLength(1)
    // The host is shown by name: its name finds it (and so does its id).
    expect(searchJobs(jobs, 'web-01 logs', names)).toHaveLength(1)
    expect(searchJobs(jobs, 'db-02', names).map((j) => j.name)).toEqual(['x'])
    expect(searchJobs(jobs, 'h2', names)).toHaveLength(1)
    // Owners by name, and "you" for the signed-in user.
    expect(searchJobs(jobs, 'bob', names).map((j) => j.name)).toEqual(['Rotate logs'])
    expect(searchJobs(jobs, 'you', names).map((j) => j.name)).toEqual(['x'])
    expect(searchJobs(jobs, 'red alert', names)).toHaveLength(1)
    expect(searchJobs(jobs, '  ', names)).toHaveLength(3)
  })
  it('sorts by name both ways, missing values last; host and owner by the names shown', () => {
    const ctx = { names, now: Date.now() }
    expect(sortJobs(jobs, { key: 'name', dir: 'asc' }, ctx).map((j) => j.id)).toEqual([hex(3), hex(1), hex(2)])
    expect(sortJobs(jobs, { key: 'name', dir: 'desc' }, ctx).map((j) => j.id)).toEqual([hex(2), hex(1), hex(3)])
    // db-02 (h2) before web-01 (h1), although "h1" < "h2"; the job without a host last.
    expect(sortJobs(jobs, { key: 'host', dir: 'asc' }, ctx).map((j) => j.host_id)).toEqual(['h2', 'h1', undefined])
    expect(sortJobs(jobs, { key: 'host', dir: 'desc' }, ctx).at(-1)?.host_id).toBeUndefined()
    // "you" first, then owners by name.
    expect(sortJobs(jobs, { key: 'owner', dir: 'asc' }, ctx).map((j) => j.user_id)).toEqual(['u-jane', 'u-bob', undefined])
  })
  it('sorts the Status column by the status the badge shows, so the same words come together', () => {
    const ctx = { names, now: Date.now() }
    const rows = [
      job(1, { lifecycle: 'ready', state: 'in_progress' }),
      job(2, { lifecycle: 'finished', state: 'failure' }),
      job(3, { lifecycle: 'assigned', state: 'in_progress' }),
      job(4, { lifecycle: 'ready', state: 'in_progress' }),
      job(5, { lifecycle: 'onhold', state: 'in_progress' }),
      job(6, { lifecycle: 'assigned', state: 'in_progress' }),
    ]
    const shown = (dir: 'asc' | 'desc') => sortJobs(rows, { key: 'state', dir }, ctx).map((j) => jobStatus(j).label)
    for (const dir of ['asc', 'desc'] as const) {
      const labels = shown(dir)
      // Each label in one run: no label comes back after another has started.
      const runs = labels.filter((l, i) => i === 0 || labels[i - 1] !== l)
      expect(new Set(runs).size).toBe(runs.length)
    }
    expect(shown('asc')).toEqual([...shown('asc')].sort())
  })
  it('labels unknown hosts and owners by a short id, the signed-in user as "you"', () => {
    expect(hostLabel('65f1c0de2a9b4c0012ab3403', names)).toBe('host …ab3403')
    expect(ownerLabel('u-jane', names)).toBe('you')
    expect(ownerLabel('u-bob', names)).toBe('bob')
    expect(ownerLabel(undefined, names)).toBe('—')
  })
})

describe('taskInsight', () => {
  it('success rate over finished jobs, median and p95, recent oldest first', () => {
    const jobs = [job(1), job(2, { state: 'failure' }), job(3), job(4, { lifecycle: 'assigned', state: 'in_progress' })]
    const i = taskInsight(jobs, Date.now())
    expect(i.finished).toBe(3)
    expect(i.successRate).toBeCloseTo(2 / 3)
    expect(i.medianMs).toBe(5000)
    expect(i.recent.map((r) => r.id)).toEqual([hex(1), hex(2), hex(3)])
  })
})

describe('URL filters', () => {
  it('round-trips, keeps unrelated params, and ignores junk', () => {
    const params = new URLSearchParams('scenario=big&task=a&task=b&task=a&state=failure&from=nonsense&sort=-name&q=x')
    const f = parseJobFilters(params)
    expect(f.task).toEqual(['a', 'b'])
    expect(f.from).toBeUndefined()
    expect(f.sort).toEqual({ key: 'name', dir: 'desc' })
    expect(serverQuery(f)).toEqual({ taskIds: ['a', 'b'], states: ['failure'] })
    const out = writeJobFilters(params, f)
    expect(out.get('scenario')).toBe('big')
    expect(out.getAll('task')).toEqual(['a', 'b'])
    expect(parseJobFilters(new URLSearchParams('sort=bogus')).sort).toEqual(DEFAULT_SORT)
    expect(writeJobFilters(new URLSearchParams(), parseJobFilters(new URLSearchParams())).toString()).toBe('')
  })
  it('several states and lifecycles at once: repeated in the URL, $in on the server', () => {
    const f = parseJobFilters(new URLSearchParams('state=failure&state=timeout&lifecycle=onhold&lifecycle=ready&state=failure'))
    expect(f.state).toEqual(['failure', 'timeout'])
    expect(serverQuery(f)).toEqual({ states: ['failure', 'timeout'], lifecycles: ['onhold', 'ready'] })
    const out = writeJobFilters(new URLSearchParams(), f)
    expect(out.getAll('state')).toEqual(['failure', 'timeout'])
    expect(out.getAll('lifecycle')).toEqual(['onhold', 'ready'])
  })

  it('a rolling window stays rolling: since=1h in the URL, a window in the query, never a fixed date', () => {
    const f = parseJobFilters(new URLSearchParams('since=24h&from=2026-01-01T00:00:00.000Z'))
    expect(f.since).toBe('24h')
    // A rolling window and a fixed range do not combine: the window wins.
    expect(f.from).toBeUndefined()
    expect(serverQuery(f)).toEqual({ sinceMs: 86_400_000 })
    expect(writeJobFilters(new URLSearchParams(), f).toString()).toBe('since=24h')
    expect(sinceMs('1h')).toBe(3_600_000)
    expect(sinceMs('7d')).toBe(7 * 86_400_000)
    expect(parseJobFilters(new URLSearchParams('since=yesterday')).since).toBeUndefined()
  })
})
