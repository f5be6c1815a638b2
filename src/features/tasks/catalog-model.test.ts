import { describe, expect, it } from 'vitest'
import type { Job } from '@/api/schemas/job'
import type { Task } from '@/api/schemas/task'
import { facetValues, filterTasks, hostReporting, successRateText, taskStats } from './catalog-model'

const job = (id: string, task_id: string, lifecycle: string, state?: string): Job => ({ id, _type: 'ScriptJob', task_id, lifecycle, state, output: [], hasOutput: false, problems: [] }) as unknown as Job
const task = (id: string, name: string, extra: Partial<Task> = {}): Task => ({ id, name, task_arguments: [], problems: [], ...extra })

describe('hostReporting', () => {
  const liveness = [
    { hostId: 'h1', state: 'normal' },
    { hostId: 'h2', state: 'updates_stopped' },
    { hostId: 'h3' },
    { hostId: 'h4', state: 'failure' },
  ]
  it('reads the host resource state; no resource is unknown, never "down"', () => {
    expect(hostReporting('h1', liveness)).toBe('reporting')
    expect(hostReporting('h2', liveness)).toBe('not-reporting')
    expect(hostReporting('h3', liveness)).toBe('reporting')
    expect(hostReporting('h4', liveness)).toBe('not-reporting')
    expect(hostReporting('h9', liveness)).toBe('unknown')
    expect(hostReporting('h1', undefined)).toBe('unknown')
    expect(hostReporting(undefined, liveness)).toBe('no-bot')
  })
})

describe('taskStats', () => {
  const jobs = [
    job('0003', 't1', 'finished', 'failure'),
    job('0005', 't1', 'assigned', 'in_progress'),
    job('0001', 't1', 'finished', 'success'),
    job('0002', 't1', 'terminated', 'canceled'),
    job('0004', 't2', 'finished', 'success'),
  ]
  it('takes the newest job as the last run and the success over finished kept runs', () => {
    const s = taskStats(jobs, undefined)
    expect(s.get('t1')?.last?.id).toBe('0005')
    expect(s.get('t1')).toMatchObject({ finished: 3, succeeded: 1, running: 1 })
    expect(successRateText(s.get('t1'))).toBe('33% of 3')
    expect(successRateText(s.get('t2'))).toBe('100% of 1')
    expect(successRateText(undefined)).toBe('no finished runs')
  })
  it('counts running jobs from running_count when given (not from the page of jobs)', () => {
    const s = taskStats(jobs, [{ taskId: 't1', workflowId: null, count: 7 }, { taskId: 't3', workflowId: null, count: 2 }])
    expect(s.get('t1')?.running).toBe(7)
    expect(s.get('t3')?.running).toBe(2)
  })
})

describe('filterTasks', () => {
  const tasks = [
    task('1', 'Backup DB', { type: 'script', tags: ['db'] }),
    task('2', 'Approve refund', { type: 'approval', tags: ['finance'] }),
    task('3', 'backup files', { type: 'script', tags: ['files', 'db'] }),
  ]
  it('searches names case-insensitively and filters by type and tag, sorted by name', () => {
    expect(filterTasks(tasks, { q: 'BACKUP', type: '', tag: '' }).map((t) => t.id)).toEqual(['1', '3'])
    expect(filterTasks(tasks, { q: '', type: 'approval', tag: '' }).map((t) => t.id)).toEqual(['2'])
    expect(filterTasks(tasks, { q: 'backup', type: 'script', tag: 'files' }).map((t) => t.id)).toEqual(['3'])
  })
  it('offers the types and tags present', () => {
    expect(facetValues(tasks)).toEqual({ types: ['approval', 'script'], tags: ['db', 'files', 'finance'] })
  })
})
