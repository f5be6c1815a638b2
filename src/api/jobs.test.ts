import { delay, http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { APPROVAL_JOB_IDS, DEMO_USER_ID, RUNAWAY_JOB_IDS, SPECIAL_JOB_IDS, TASK_IDS, TOKENS } from '@/mocks/ids'
import { TASK_SECRETS } from '@/mocks/scenarios'
import { MOCK_GATEWAY_URL, MOCK_SUPERVISOR_URL, mockServer, useMockWorld } from '@/mocks/node'
import { configureApi } from './client'
import { ApiError } from './errors'
import {
  approveJob,
  cancelJob,
  createJob,
  createJobBySecret,
  deleteAllFinishedJobs,
  finishJob,
  getJob,
  getJobLifecycle,
  getRunningCounts,
  jobListQueryParams,
  listJobs,
  listRunningJobs,
  listTasks,
  rejectJob,
} from './jobs'
import { FINISHED_LIFECYCLES } from './schemas/job'
import { getProfile, login } from './session'

function signInAs(token: string, customer = 'demo') {
  configureApi({ supervisorUrl: MOCK_SUPERVISOR_URL, gatewayUrl: MOCK_GATEWAY_URL, customer, token, timeoutMs: 2000, onUnauthorized: undefined })
}

/** Records every request the API module sends. */
function recordRequests() {
  const seen: Request[] = []
  mockServer.events.on('request:start', ({ request }) => {
    seen.push(request.clone())
  })
  return seen
}

beforeEach(() => {
  useMockWorld('default')
  mockServer.events.removeAllListeners()
  signInAs(TOKENS.demo)
})

describe('the token', () => {
  it('travels once per request, in the Authorization header, never in the URL', async () => {
    const seen = recordRequests()
    await listJobs({ limit: 5 })
    await getProfile()
    expect(seen.length).toBe(2)
    for (const r of seen) {
      expect(r.headers.get('authorization')).toMatch(/^Bearer [^,\s]+$/)
      expect(r.url).not.toMatch(/access_token/)
    }
  })

  it('turns a 401 into an ApiError and tells the session', async () => {
    let told = 0
    configureApi({ token: 'not-a-real-token', onUnauthorized: () => told++ })
    await expect(listJobs({})).rejects.toMatchObject({ code: 'unauthorized' })
    expect(told).toBe(1)
  })

  it('explains a token of another organization (409 session conflict)', async () => {
    signInAs(TOKENS.otherOrg, 'demo')
    await expect(listJobs({})).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/another organization/) })
  })
})

describe('listJobs', () => {
  it('filters on the server with where[...] and never sends include', async () => {
    const seen = recordRequests()
    const page = await listJobs({ taskIds: [TASK_IDS.backupDb], states: ['success'], limit: 50 })
    const url = new URL(seen[0].url)
    expect(url.pathname).toBe('/mock/supervisor/demo/job')
    expect(url.searchParams.get('where[task_id]')).toBe(TASK_IDS.backupDb)
    expect(url.searchParams.get('where[state]')).toBe('success')
    expect(url.searchParams.get('limit')).toBe('50')
    expect([...url.searchParams.keys()].some((k) => k.startsWith('include'))).toBe(false)
    expect(page.jobs.length).toBeGreaterThan(0)
    expect(page.jobs.every((j) => j.task_id === TASK_IDS.backupDb && j.state === 'success')).toBe(true)
    // list items carry no heavy fields
    expect(page.jobs.every((j) => j.result === undefined && !j.hasOutput && j.env === undefined)).toBe(true)
  })

  it('pages by cursor on _id: the second page holds only older jobs, none repeated', async () => {
    const first = await listJobs({ limit: 40 })
    const second = await listJobs({ limit: 40, before: first.jobs.at(-1)!.id })
    expect(first.jobs).toHaveLength(40)
    const ids = new Set(first.jobs.map((j) => j.id))
    expect(second.jobs.some((j) => ids.has(j.id))).toBe(false)
    expect(second.jobs.every((j) => j.id < first.jobs.at(-1)!.id)).toBe(true)
  })

  it('sends several tasks as $in and a creation-date range', async () => {
    const seen = recordRequests()
    await listJobs({ taskIds: ['a'.repeat(24), 'b'.repeat(24)], from: '2024-01-01T00:00:00.000Z' })
    const url = new URL(seen[0].url)
    expect(url.searchParams.getAll('where[task_id][$in][]')).toEqual(['a'.repeat(24), 'b'.repeat(24)])
    expect(url.searchParams.get('where[creation_date][$gte]')).toBe('2024-01-01T00:00:00.000Z')
  })

  it('keeps a list whose items are partly malformed', async () => {
    mockServer.use(
      http.get('*/mock/supervisor/demo/job', () =>
        HttpResponse.json([{ id: 'a'.repeat(24), name: 'fine', lifecycle: 'ready' }, 42, { name: 'no id' }, { id: 'b'.repeat(24), lifecycle: 'zombie' }]),
      ),
    )
    const page = await listJobs({})
    expect(page.jobs.map((j) => j.id)).toEqual(['a'.repeat(24), 'b'.repeat(24)])
    expect(page.malformed).toHaveLength(2)
    expect(page.jobs[1].problems.length).toBeGreaterThan(0)
  })
})

describe('per-job endpoints use the /:customer/job/:id forms', () => {
  it('gets the full document and the lifecycle as a bare string', async () => {
    const seen = recordRequests()
    const job = await getJob(RUNAWAY_JOB_IDS[0])
    const lifecycle = await getJobLifecycle(RUNAWAY_JOB_IDS[0])
    expect(job.id).toBe(RUNAWAY_JOB_IDS[0])
    expect(lifecycle.current).toBe(job.lifecycle)
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual([
      `/mock/supervisor/demo/job/${RUNAWAY_JOB_IDS[0]}`,
      `/mock/supervisor/demo/job/${RUNAWAY_JOB_IDS[0]}/lifecycle`,
    ])
  })

  it('says "job not found" for an unknown id', async () => {
    await expect(getJob('f'.repeat(24))).rejects.toMatchObject({ status: 404, code: 'not_found' })
  })

  it('cancel answers 204 and the job really changes; on a finished job it answers 204 and nothing changes', async () => {
    await expect(cancelJob(RUNAWAY_JOB_IDS[0])).resolves.toBeUndefined()
    expect((await getJob(RUNAWAY_JOB_IDS[0])).lifecycle).toBe('terminated')
    const finished = (await listJobs({ taskIds: [TASK_IDS.backupDb], lifecycles: ['finished'], limit: 1 })).jobs[0]
    await expect(cancelJob(finished.id)).resolves.toBeUndefined()
    expect((await getJob(finished.id)).lifecycle).toBe('finished')
  })

  it('approve moves an approval to finished/success; a second decision is a 409', async () => {
    const id = Object.values(APPROVAL_JOB_IDS)[0] as string
    await approveJob(id)
    const after = await getJob(id)
    expect(after.lifecycle).toBe('finished')
    expect(after.state).toBe('success')
    expect(after.result?.user?.id).toBe(DEMO_USER_ID)
    await expect(rejectJob(id)).rejects.toMatchObject({ status: 409, message: 'approval request no longer available' })
  })

  it('counts running jobs and lists them', async () => {
    const counts = await getRunningCounts()
    const running = await listRunningJobs()
    expect(counts.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(0)
    expect(running.jobs.every((j) => ['started', 'ready', 'assigned', 'onhold', 'syncing', 'locked'].includes(j.lifecycle ?? ''))).toBe(true)
  })

  it('creates a job with POST /job {task, task_arguments}', async () => {
    const tasks = await listTasks()
    const task = tasks.find((t) => t.id === TASK_IDS.backupDb)!
    const args = task.task_arguments.filter((a) => a.type !== 'fixed').map((a) => (a.options[0]?.id ?? 'customers'))
    const job = await createJob({ task: task.id, task_arguments: args })
    expect(job.lifecycle).toBe('ready')
    expect((await getJob(job.id)).task_id).toBe(task.id)
  })
})

describe('jobs created or finished without a user token', () => {
  it('creates a job with the task secret, sending no token at all', async () => {
    const seen = recordRequests()
    const job = await createJobBySecret(TASK_SECRETS[TASK_IDS.backupDb]!, { customer: 'demo', task: TASK_IDS.backupDb, task_arguments: ['customers', 'full', null] })
    expect(seen[0].headers.get('authorization')).toBeNull()
    expect(new URL(seen[0].url).pathname).toBe(`/mock/supervisor/job/secret/${TASK_SECRETS[TASK_IDS.backupDb]}`)
    expect((await getJob(job.id)).origin).toBe('secret')
    await expect(createJobBySecret('0'.repeat(64), { customer: 'demo', task: TASK_IDS.backupDb, task_arguments: [] })).rejects.toMatchObject({ status: 403 })
  })

  it('lets an agent finish an assigned job (PUT /:customer/job/:id), and ignores it once finished', async () => {
    signInAs(TOKENS.agent)
    const done = await finishJob(SPECIAL_JOB_IDS.assignedBackup, { state: 'success', data: { code: 0, log: 'ok\n', lastline: 'ok', times: { seconds: 3 } } })
    expect(done?.lifecycle).toBe('finished')
    expect(done?.result?.log).toBe('ok\n')
    // a second report is ignored: 200 with an empty body
    await expect(finishJob(SPECIAL_JOB_IDS.assignedBackup, { state: 'failure', data: {} })).resolves.toBeUndefined()
    signInAs(TOKENS.demo)
    expect((await getJob(SPECIAL_JOB_IDS.assignedBackup)).state).toBe('success')
  })
})

describe('deleteAllFinishedJobs', () => {
  it('falls back to the per-task endpoint when DELETE /job/finished answers 404', async () => {
    signInAs(TOKENS.admin)
    const seen = recordRequests()
    const before = (await listJobs({ lifecycles: [...FINISHED_LIFECYCLES], limit: 1000 })).jobs.length
    const result = await deleteAllFinishedJobs([TASK_IDS.backupDb])
    expect(result.via).toBe('per-task')
    expect(result.deletedCount).toBeGreaterThan(0)
    expect(seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toContain(`DELETE /mock/supervisor/demo/task/${TASK_IDS.backupDb}/job`)
    const after = (await listJobs({ lifecycles: [...FINISHED_LIFECYCLES], limit: 1000 })).jobs.length
    expect(after).toBe(before - result.deletedCount)
  })
})

describe('failures become ApiErrors with a message', () => {
  it('times out a request that never answers', async () => {
    mockServer.use(http.get('*/mock/supervisor/demo/job', async () => {
      await delay('infinite')
      return HttpResponse.json([])
    }))
    configureApi({ timeoutMs: 300 })
    const error = await listJobs({}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ code: 'timeout', message: expect.stringMatching(/did not answer within/) })
  })

  it('honours the caller’s AbortSignal', async () => {
    mockServer.use(http.get('*/mock/supervisor/demo/job', async () => {
      await delay(1000)
      return HttpResponse.json([])
    }))
    const controller = new AbortController()
    const pending = listJobs({}, { signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
  })

  it('reports a network drop', async () => {
    mockServer.use(http.get('*/mock/supervisor/demo/job', () => HttpResponse.error()))
    await expect(listJobs({})).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/could not reach/i) })
  })

  it('reports an HTML body from a proxy without showing the HTML', async () => {
    mockServer.use(http.get('*/mock/supervisor/demo/job', () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })))
    const error = (await listJobs({}).catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('server')
    expect(error.message).not.toMatch(/<html>/)
  })

  it('reports a 200 that is not JSON', async () => {
    mockServer.use(http.get('*/mock/supervisor/demo/job', () => new HttpResponse('not json', { status: 200 })))
    await expect(listJobs({})).rejects.toMatchObject({ code: 'invalid_response' })
  })

  it('reports the real server’s 500 on include (never sent by us)', async () => {
    const res = await fetch(`${MOCK_SUPERVISOR_URL}/demo/job?include[state]=1`, { headers: { Authorization: 'Bearer demo-token' } })
    expect(res.status).toBe(500)
  })
})

describe('gateway sign-in', () => {
  it('logs in with Basic auth and reads who I am', async () => {
    configureApi({ token: null })
    const token = await login('jane', 'jane-password')
    configureApi({ token })
    const me = await getProfile()
    expect(me.id).toBe(DEMO_USER_ID)
  })

  it('rejects a wrong password', async () => {
    await expect(login('jane', 'wrong')).rejects.toMatchObject({ code: 'unauthorized' })
  })
})

describe('jobListQueryParams: a rolling window', () => {
  it('turns sinceMs into a creation_date lower bound counted from the time of the request', () => {
    const before = Date.now()
    const params = jobListQueryParams({ sinceMs: 3_600_000, from: '2020-01-01T00:00:00.000Z' })
    const where = params.where as { creation_date: { $gte: string } }
    const from = Date.parse(where.creation_date.$gte)
    expect(from).toBeGreaterThanOrEqual(before - 3_600_000 - 1000)
    expect(from).toBeLessThanOrEqual(Date.now() - 3_600_000 + 1000)
  })
})
