import { describe, expect, it } from 'vitest'
import type { InfiniteData } from '@tanstack/react-query'
import type { JobListQuery } from '@/api/jobs'
import { parseJob, type Job, type JobList } from '@/api/schemas/job'
import { jobKeys } from '@/lib/job-queries'
import { createQueryClient } from '@/lib/query-client'
import { applyJobEvent, documentEvent, isBackwards, matchesQuery, parseJobEvent } from './merge'
import { noteMovedBack, SETTLE_MS } from './moved-back'

const ORG = '5a7360736124f504534a15f9'
const id = (n: number) => `65f1c0de2a9b4c0012ab${String(n).padStart(4, '0')}`

/** A trimmed `job-crud` payload as the gateway sends it (theeye-api.md § 9.6). */
function payload(n: number, model: Record<string, unknown>, operation = 'update') {
  return {
    operation,
    organization: 'demo',
    organization_id: ORG,
    model_id: id(n),
    model_type: 'ScriptJob',
    model: {
      acl: ['jane@example.com'],
      _id: id(n),
      id: id(n),
      name: 'Backup DB',
      _type: 'ScriptJob',
      task_id: 'task-backup',
      creation_date: '2024-03-13T15:00:00.000Z',
      lifecycle: 'ready',
      state: 'in_progress',
      task: { id: 'task-backup', _id: 'task-backup', type: 'script', _type: 'ScriptTask', name: 'Backup DB' },
      ...model,
    },
  }
}

function event(n: number, model: Record<string, unknown> = {}, operation = 'update') {
  const e = parseJobEvent('job-crud', payload(n, model, operation))
  if (!e) throw new Error('not an event')
  return e
}

/** A full document as the list and detail routes return it (with output, result, last_update). */
function doc(n: number, fields: Record<string, unknown> = {}): Job {
  const parsed = parseJob({
    _id: id(n),
    id: id(n),
    name: 'Backup DB',
    _type: 'ScriptJob',
    task_id: 'task-backup',
    creation_date: '2024-03-13T15:00:00.000Z',
    last_update: '2024-03-13T15:00:05.000Z',
    lifecycle: 'assigned',
    state: 'in_progress',
    trigger_name: 'success',
    host_id: 'host-1',
    output: ['"a"'],
    result: { log: 'step 1' },
    ...fields,
  })
  if (!parsed.ok) throw new Error('bad doc')
  return parsed.job
}

const list = (jobs: Job[]): JobList => ({ jobs, malformed: [], received: jobs.length })
const ids = (l: JobList | undefined) => l?.jobs.map((j) => j.id)

describe('parseJobEvent', () => {
  it('reads a job-crud payload and keeps only the fields it carries', () => {
    const e = event(1, { lifecycle: 'finished', state: 'success' })
    expect(e.id).toBe(id(1))
    expect(e.organization).toBe('demo')
    expect(e.patch).toMatchObject({ lifecycle: 'finished', state: 'success', name: 'Backup DB' })
    // The trimmed model has no output, result, last_update: the patch must not blank them.
    expect(e.patch).not.toHaveProperty('output')
    expect(e.patch).not.toHaveProperty('result')
    expect(e.patch).not.toHaveProperty('last_update')
    expect(e.patch).not.toHaveProperty('task')
  })

  it('ignores other topics and payloads that are not jobs', () => {
    expect(parseJobEvent('notification-crud', payload(1, {}))).toBeNull()
    expect(parseJobEvent('job-crud', { operation: 'update' })).toBeNull()
    expect(parseJobEvent('job-crud', { model: { name: 'no id' } })).toBeNull()
  })
})

describe('matchesQuery and isBackwards', () => {
  it('evaluates the list filter like the server', () => {
    const j = doc(5, { lifecycle: 'finished', state: 'failure' })
    expect(matchesQuery(j, {})).toBe(true)
    expect(matchesQuery(j, { states: ['failure'], lifecycles: ['finished'] })).toBe(true)
    expect(matchesQuery(j, { states: ['success'] })).toBe(false)
    expect(matchesQuery(j, { taskIds: ['other'] })).toBe(false)
    expect(matchesQuery(j, { types: ['ApprovalJob'] })).toBe(false)
    expect(matchesQuery(j, { from: '2024-03-14T00:00:00.000Z' })).toBe(false)
    expect(matchesQuery(j, { before: id(5) })).toBe(false)
  })

  it('orders lifecycles: on hold, queued, running, completed', () => {
    expect(isBackwards({ lifecycle: 'finished' }, { lifecycle: 'assigned' })).toBe(true)
    expect(isBackwards({ lifecycle: 'assigned' }, { lifecycle: 'ready' })).toBe(true)
    expect(isBackwards({ lifecycle: 'ready' }, { lifecycle: 'assigned' })).toBe(false)
    expect(isBackwards({ lifecycle: 'onhold' }, { lifecycle: 'finished' })).toBe(false)
    expect(isBackwards({ lifecycle: 'zombie' }, { lifecycle: 'ready' })).toBe(false)
  })
})

describe('applyJobEvent', () => {
  it('create: a new job shows at the top of every list it matches, and its document is read for the rest', () => {
    const qc = createQueryClient({ test: true })
    const all: JobListQuery = { limit: 100 }
    const ready: JobListQuery = { lifecycles: ['ready'], limit: 100 }
    qc.setQueryData(jobKeys.list(all), list([doc(2), doc(1)]))
    qc.setQueryData(jobKeys.list(ready), list([]))
    const outcome = applyJobEvent(qc, event(3, { lifecycle: 'ready' }, 'create'))
    expect(ids(qc.getQueryData(jobKeys.list(all)))).toEqual([id(3), id(2), id(1)])
    expect(ids(qc.getQueryData(jobKeys.list(ready)))).toEqual([id(3)])
    expect(outcome.inserted).toBe(true)
    expect(outcome.refetchDocument).toBe(true)
  })

  it('filtered out: a new job that does not match a list is not shown there', () => {
    const qc = createQueryClient({ test: true })
    const failures: JobListQuery = { states: ['failure'], limit: 100 }
    const otherTask: JobListQuery = { taskIds: ['task-other'], limit: 100 }
    qc.setQueryData(jobKeys.list(failures), list([doc(1, { lifecycle: 'finished', state: 'failure' })]))
    qc.setQueryData(jobKeys.list(otherTask), list([]))
    const outcome = applyJobEvent(qc, event(3, {}, 'create'))
    expect(ids(qc.getQueryData(jobKeys.list(failures)))).toEqual([id(1)])
    expect(ids(qc.getQueryData(jobKeys.list(otherTask)))).toEqual([])
    expect(outcome).toMatchObject({ inserted: false, cached: false, refetchDocument: false })
  })

  it('filtered out: a job that stops matching leaves the list (an approval decided leaves the pending inbox)', () => {
    const qc = createQueryClient({ test: true })
    const pendingKey = ['approvals', 'pending']
    const pending: JobListQuery = { types: ['ApprovalJob'], lifecycles: ['onhold'], limit: 500 }
    qc.getQueryCache().build(qc, { queryKey: pendingKey, meta: { jobListQuery: pending } })
    qc.setQueryData(pendingKey, list([doc(1, { _type: 'ApprovalJob', lifecycle: 'onhold' })]))
    applyJobEvent(qc, event(1, { _type: 'ApprovalJob', lifecycle: 'finished', state: 'success' }))
    expect(ids(qc.getQueryData(pendingKey))).toEqual([])
  })

  it('update: merges the trimmed model by id into lists and the detail, keeping the richer cached fields', () => {
    const qc = createQueryClient({ test: true })
    const all: JobListQuery = { limit: 100 }
    qc.setQueryData(jobKeys.list(all), list([doc(1, { lifecycle: 'ready' })]))
    qc.setQueryData(jobKeys.detail(id(1)), doc(1, { lifecycle: 'ready' }))
    const outcome = applyJobEvent(qc, event(1, { lifecycle: 'assigned', name: 'Backup DB (renamed)' }))
    const row = qc.getQueryData<JobList>(jobKeys.list(all))!.jobs[0]!
    const detail = qc.getQueryData<Job>(jobKeys.detail(id(1)))!
    for (const j of [row, detail]) {
      expect(j).toMatchObject({ lifecycle: 'assigned', name: 'Backup DB (renamed)', host_id: 'host-1', trigger_name: 'success', last_update: '2024-03-13T15:00:05.000Z' })
      expect(j.output).toEqual(['a'])
      expect(j.result?.log).toBe('step 1')
    }
    expect(outcome.refetchDocument).toBe(false)
  })

  it('out of order: a late "assigned" never moves a finished job back; the document is re-read to confirm', () => {
    const qc = createQueryClient({ test: true })
    const all: JobListQuery = { limit: 100 }
    qc.setQueryData(jobKeys.list(all), list([doc(1, { lifecycle: 'ready' })]))
    qc.setQueryData(jobKeys.detail(id(1)), doc(1, { lifecycle: 'ready' }))
    applyJobEvent(qc, event(1, { lifecycle: 'finished', state: 'success' }))
    const late = applyJobEvent(qc, event(1, { lifecycle: 'assigned', state: 'in_progress' }))
    expect(qc.getQueryData<JobList>(jobKeys.list(all))!.jobs[0]).toMatchObject({ lifecycle: 'finished', state: 'success' })
    expect(qc.getQueryData<Job>(jobKeys.detail(id(1)))).toMatchObject({ lifecycle: 'finished', state: 'success' })
    expect(late.backwards).toBe(true)
    expect(late.refetchDocument).toBe(true)
  })

  it('a document read after the last event is the server\'s word: a restart moves the job back', () => {
    const qc = createQueryClient({ test: true })
    const all: JobListQuery = { limit: 100 }
    qc.setQueryData(jobKeys.list(all), list([doc(1, { lifecycle: 'finished', state: 'success' })]))
    applyJobEvent(qc, documentEvent(doc(1, { lifecycle: 'ready', state: 'in_progress' })), { document: true, authoritative: true })
    expect(qc.getQueryData<JobList>(jobKeys.list(all))!.jobs[0]).toMatchObject({ lifecycle: 'ready' })
    // Without authority (read before a later event) it may not.
    qc.setQueryData(jobKeys.list(all), list([doc(1, { lifecycle: 'finished', state: 'success' })]))
    applyJobEvent(qc, documentEvent(doc(1, { lifecycle: 'assigned' })), { document: true })
    expect(qc.getQueryData<JobList>(jobKeys.list(all))!.jobs[0]).toMatchObject({ lifecycle: 'finished' })
  })

  it('finished → refetch: an event showing a shown job finished asks for its document (output, result)', () => {
    const qc = createQueryClient({ test: true })
    qc.setQueryData(jobKeys.detail(id(1)), doc(1, { lifecycle: 'assigned' }))
    const outcome = applyJobEvent(qc, event(1, { lifecycle: 'finished', state: 'failure' }))
    expect(outcome.refetchDocument).toBe(true)
    expect(outcome.invalidate).toEqual([])
    // A job shown nowhere is not fetched.
    expect(applyJobEvent(qc, event(9, { lifecycle: 'finished' })).refetchDocument).toBe(false)
  })

  it('older pages are updated in place but never receive new jobs; a full head does not take an older job', () => {
    const qc = createQueryClient({ test: true })
    const q: JobListQuery = {}
    const pagesKey = [...jobKeys.all, 'pages', q]
    qc.setQueryData<InfiniteData<JobList>>(pagesKey, { pages: [list([doc(5), doc(4)]), list([doc(2)])], pageParams: [{}, {}] })
    const head: JobListQuery = { limit: 2 }
    qc.setQueryData(jobKeys.list(head), { ...list([doc(5), doc(4)]), received: 2 })
    applyJobEvent(qc, event(2, { lifecycle: 'finished', state: 'success' }))
    applyJobEvent(qc, event(3, {}, 'create'))
    const pages = qc.getQueryData<InfiniteData<JobList>>(pagesKey)!
    expect(pages.pages[1]!.jobs[0]).toMatchObject({ lifecycle: 'finished', state: 'success', host_id: 'host-1' })
    expect(pages.pages.flatMap((p) => p.jobs.map((j) => j.id))).toEqual([id(5), id(4), id(2)])
    expect(ids(qc.getQueryData(jobKeys.list(head)))).toEqual([id(5), id(4)])
  })

  it('lists with an unknown filter, the job\'s lifecycle and its workflow run are re-read', () => {
    const qc = createQueryClient({ test: true })
    qc.setQueryData(['someone', 'else'], list([doc(1)]))
    qc.setQueryData(jobKeys.lifecycle(id(1)), { current: 'assigned', transitions: [] })
    qc.setQueryData([...jobKeys.all, 'workflow-run', 'wf-run-1', null], [doc(1, { workflow_job_id: 'wf-run-1' })])
    const outcome = applyJobEvent(qc, event(1, { lifecycle: 'finished', workflow_job_id: 'wf-run-1' }))
    expect(outcome.invalidate).toContainEqual(['someone', 'else'])
    expect(outcome.invalidate).toContainEqual(jobKeys.lifecycle(id(1)))
    // The step itself is merged into the run in place.
    expect(qc.getQueryData<Job[]>([...jobKeys.all, 'workflow-run', 'wf-run-1', null])![0]).toMatchObject({ lifecycle: 'finished' })
    const wf = parseJobEvent('workflow-job-crud', { ...payload(7, { _type: 'WorkflowJob', lifecycle: 'started' }), model_id: 'wf-run-1' })!
    const run = applyJobEvent(qc, { ...wf, id: 'wf-run-1' })
    expect(run.invalidate).toContainEqual([...jobKeys.all, 'workflow-run', 'wf-run-1', null])
    // Another run's event leaves this one alone.
    const other = applyJobEvent(qc, { ...wf, id: 'wf-run-2' })
    expect(other.invalidate).not.toContainEqual([...jobKeys.all, 'workflow-run', 'wf-run-1', null])
  })
})

describe('late events of a previous run (restart)', () => {
  const all: JobListQuery = { limit: 100 }
  const finishedDoc = () => doc(1, { lifecycle: 'finished', state: 'success', last_update: '2024-03-13T15:00:05.000Z' })
  const restartedDoc = () =>
    doc(1, { lifecycle: 'ready', state: 'in_progress', trigger_name: null, output: {}, result: undefined, last_update: '2024-03-13T15:10:00.000Z' })
  const staleFinished = () => event(1, { lifecycle: 'finished', state: 'success' })

  it('after "Restart job" answered, a stale "finished" event does not show the job finished again; its document decides', () => {
    const qc = createQueryClient({ test: true })
    qc.setQueryData(jobKeys.list(all), list([finishedDoc()]))
    // The restart's answer (useRestartJob): the job queued again.
    noteMovedBack(qc, id(1))
    qc.setQueryData(jobKeys.detail(id(1)), restartedDoc())
    qc.setQueryData(jobKeys.list(all), list([restartedDoc()]))

    const outcome = applyJobEvent(qc, staleFinished())
    expect(qc.getQueryData<Job>(jobKeys.detail(id(1)))).toMatchObject({ lifecycle: 'ready', state: 'in_progress' })
    expect(qc.getQueryData<JobList>(jobKeys.list(all))!.jobs[0]).toMatchObject({ lifecycle: 'ready' })
    expect(outcome).toMatchObject({ unconfirmed: true, refetchDocument: true })
    // Applied again to what a fetch brought (the connection's replay): still not shown.
    applyJobEvent(qc, staleFinished(), { replay: true })
    expect(qc.getQueryData<Job>(jobKeys.detail(id(1)))).toMatchObject({ lifecycle: 'ready' })

    // A real finish of the new run is shown once its document says so.
    applyJobEvent(qc, documentEvent(doc(1, { lifecycle: 'finished', state: 'failure', last_update: '2024-03-13T15:11:00.000Z' })), {
      document: true,
      authoritative: true,
    })
    expect(qc.getQueryData<Job>(jobKeys.detail(id(1)))).toMatchObject({ lifecycle: 'finished', state: 'failure' })
    expect(qc.getQueryData<JobList>(jobKeys.list(all))!.jobs[0]).toMatchObject({ lifecycle: 'finished', state: 'failure' })
  })

  it('a restart seen by push (someone else restarted it): once the document moved it back, the stale "finished" is held', () => {
    const qc = createQueryClient({ test: true })
    qc.setQueryData(jobKeys.detail(id(1)), finishedDoc())
    // The restart's own event: behind the held copy, so its document is read...
    const back = applyJobEvent(qc, event(1, { lifecycle: 'ready', state: 'in_progress' }))
    expect(back).toMatchObject({ backwards: true, refetchDocument: true })
    applyJobEvent(qc, documentEvent(restartedDoc()), { document: true, authoritative: true })
    expect(qc.getQueryData<Job>(jobKeys.detail(id(1)))).toMatchObject({ lifecycle: 'ready' })
    // ...and the previous run's "finished", late, does not undo it.
    expect(applyJobEvent(qc, staleFinished())).toMatchObject({ unconfirmed: true, refetchDocument: true })
    expect(qc.getQueryData<Job>(jobKeys.detail(id(1)))).toMatchObject({ lifecycle: 'ready' })
  })

  it('a copy saved before the held one (older last_update) never replaces it, even read after the last event', () => {
    const qc = createQueryClient({ test: true })
    qc.setQueryData(jobKeys.detail(id(1)), restartedDoc())
    qc.setQueryData(jobKeys.list(all), list([restartedDoc()]))
    applyJobEvent(qc, documentEvent(finishedDoc()), { document: true, authoritative: true })
    expect(qc.getQueryData<Job>(jobKeys.detail(id(1)))).toMatchObject({ lifecycle: 'ready' })
    expect(qc.getQueryData<JobList>(jobKeys.list(all))!.jobs[0]).toMatchObject({ lifecycle: 'ready' })
    // An event that carries a last_update is judged the same way.
    const carrying = event(1, { lifecycle: 'finished', state: 'success', last_update: '2024-03-13T15:00:05.000Z' })
    applyJobEvent(qc, carrying)
    expect(qc.getQueryData<Job>(jobKeys.detail(id(1)))).toMatchObject({ lifecycle: 'ready' })
  })

  it('a job that did not move back, or moved back long ago, takes its events at once', () => {
    const qc = createQueryClient({ test: true })
    qc.setQueryData(jobKeys.detail(id(1)), restartedDoc())
    qc.setQueryData(jobKeys.detail(id(2)), doc(2, { lifecycle: 'ready' }))
    noteMovedBack(qc, id(1), performance.now() - SETTLE_MS - 1)
    applyJobEvent(qc, staleFinished())
    applyJobEvent(qc, event(2, { lifecycle: 'assigned' }))
    expect(qc.getQueryData<Job>(jobKeys.detail(id(1)))).toMatchObject({ lifecycle: 'finished' })
    expect(qc.getQueryData<Job>(jobKeys.detail(id(2)))).toMatchObject({ lifecycle: 'assigned' })
  })
})
