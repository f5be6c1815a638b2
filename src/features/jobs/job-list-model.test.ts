import { describe, expect, it } from 'vitest'
import type { Job, JobList } from '@/api/schemas/job'
import { mergeLoaded, searchJobs, sortJobs, taskInsight } from './job-list-model'
import { DEFAULT_SORT, parseJobFilters, serverQuery, writeJobFilters } from './use-job-filters'

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
  const names = new Map([[hex(99), 'Backup DB']])
  const jobs = [job(1, { name: 'Rotate logs', host_id: 'web-01' }), job(2, { name: 'x', task_id: hex(99) }), job(3, { name: '\u001b[31mRed\u001b[0m alert' })]
  it('matches name, task name, host and id, all terms', () => {
    expect(searchJobs(jobs, 'rotate', names).map((j) => j.name)).toEqual(['Rotate logs'])
    expect(searchJobs(jobs, 'backup', names)).toHaveLength(1)
    expect(searchJobs(jobs, 'web-01 logs', names)).toHaveLength(1)
    expect(searchJobs(jobs, 'red alert', names)).toHaveLength(1)
    expect(searchJobs(jobs, '  ', names)).toHaveLength(3)
  })
  it('sorts by name both ways, missing values last', () => {
    const ctx = { names, now: Date.now() }
    expect(sortJobs(jobs, { key: 'name', dir: 'asc' }, ctx).map((j) => j.id)).toEqual([hex(3), hex(1), hex(2)])
    expect(sortJobs(jobs, { key: 'name', dir: 'desc' }, ctx).map((j) => j.id)).toEqual([hex(2), hex(1), hex(3)])
    const withMissing = [...jobs, job(4, { host_id: undefined })]
    expect(sortJobs(withMissing, { key: 'host', dir: 'desc' }, ctx).at(-1)?.host_id).toBeUndefined()
    expect(sortJobs(withMissing, { key: 'host', dir: 'asc' }, ctx)[0]?.host_id).toBe('web-01')
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
})
