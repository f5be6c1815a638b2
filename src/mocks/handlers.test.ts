/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at raw JSON answered by the mock server */
import { beforeEach, describe, expect, it } from 'vitest'
import {
  APPROVAL_JOB_IDS,
  DEMO_CUSTOMER,
  FOREIGN_APPROVAL_JOB_ID,
  RUNAWAY_JOB_IDS,
  SPECIAL_JOB_IDS,
  TASK_IDS,
  USER_IDS,
  type MockDb,
} from './db'
import { freshWorld, SUPERVISOR_URL as S, supervisorApi as api, WORLD_NOW as NOW } from '@/testing/supervisor-api'
import { TASK_SECRETS } from './scenarios'

let db: MockDb
beforeEach(() => {
  db = freshWorld()
})

describe('auth', () => {
  it('rejects no token and token sent twice with 401 "Unauthorized"', async () => {
    expect(await api('/demo/job', { token: null })).toMatchObject({ status: 401, json: 'Unauthorized' })
    const twice = await api('/demo/job?access_token=demo-token')
    expect(twice.status).toBe(401)
    expect(twice.json).toBe('Unauthorized')
  })

  it('accepts the token as a query parameter only', async () => {
    expect((await api('/demo/job?access_token=demo-token', { token: null })).status).toBe(200)
  })

  it('answers an unknown token with the gateway-style object', async () => {
    const r = await api('/demo/job', { token: 'nope' })
    expect(r.status).toBe(401)
    expect(r.json).toMatchObject({ message: 'authentication failed', statusCode: 401 })
    expect(typeof r.json.stack).toBe('string')
  })

  it('answers 409 when the path org is not the token org', async () => {
    const r = await api('/demo/job', { token: 'other-org-token' })
    expect(r.status).toBe(409)
    expect(r.json).toMatchObject({ message: 'Incorrect Organizations. Session conflict', statusCode: 409 })
    expect((await api('/acme/job', { token: 'other-org-token' })).status).toBe(200)
  })

  it('sends a Date header', async () => {
    const r = await api('/demo/job?limit=1')
    expect(new Date(r.headers.get('date')!).getTime()).toBe(Math.floor((NOW + 1000) / 1000) * 1000)
  })
})

describe('GET /:customer/job', () => {
  it('answers 500 "Internal Server Error" for any include', async () => {
    const r = await api('/demo/job?include[state]=1')
    expect(r).toMatchObject({ status: 500, json: 'Internal Server Error' })
  })

  it('strips the heavy fields from list items', async () => {
    const r = await api('/demo/job')
    expect(r.status).toBe(200)
    expect(Array.isArray(r.json)).toBe(true)
    for (const item of r.json) {
      for (const k of ['task_arguments_values', 'script_arguments', 'output', 'result', 'task', 'script', 'env']) {
        expect(item).not.toHaveProperty(k)
      }
      expect(item.id).toMatch(/^[a-f0-9]{24}$/)
    }
    const wf = r.json.find((j: any) => j._type === 'WorkflowJob')
    expect(wf._id).toBe(wf.id)
    expect(wf.enable).toBe(true)
    expect(r.json.find((j: any) => j._type === 'ScriptJob')).not.toHaveProperty('_id')
  })

  it('pages with sort[_id]=-1, limit and where[_id][$lt]', async () => {
    const all = (await api('/demo/job?sort[_id]=-1')).json as any[]
    const seen: string[] = []
    let cursor = ''
    for (let i = 0; i < 100; i++) {
      const r = await api(`/demo/job?sort[_id]=-1&limit=40${cursor ? `&where[_id][$lt]=${cursor}` : ''}`)
      if (r.json.length === 0) break
      seen.push(...r.json.map((j: any) => j.id))
      cursor = r.json[r.json.length - 1].id
    }
    expect(seen).toEqual(all.map((j) => j.id))
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('filters with $in in both array notations, $regex and creation_date ranges; ignores skip', async () => {
    const a = (await api('/demo/job?where[lifecycle][$in][]=onhold&where[lifecycle][$in][]=assigned')).json as any[]
    const b = (await api('/demo/job?where[lifecycle][$in][0]=onhold&where[lifecycle][$in][1]=assigned')).json as any[]
    expect(a.length).toBeGreaterThan(5)
    expect(b.map((j) => j.id)).toEqual(a.map((j) => j.id))
    expect(a.every((j) => j.lifecycle === 'onhold' || j.lifecycle === 'assigned')).toBe(true)
    const re = (await api('/demo/job?where[name][$regex]=^backup&where[name][$options]=i')).json as any[]
    expect(re.length).toBeGreaterThan(0)
    expect(re.every((j) => j.name === 'Backup DB')).toBe(true)
    const since = new Date(NOW - 3600_000).toISOString()
    const recent = (await api(`/demo/job?where[creation_date][$gte]=${since}`)).json as any[]
    expect(recent.every((j) => Date.parse(j.creation_date) >= NOW - 3600_000)).toBe(true)
    const skip = (await api('/demo/job?limit=5&skip=5')).json as any[]
    const first = (await api('/demo/job?limit=5')).json as any[]
    expect(skip).toEqual(first)
  })

  it('hides jobs the viewer ACL does not cover but shows all to admins', async () => {
    const jane = (await api('/demo/job')).json as any[]
    const admin = (await api('/demo/job', { token: 'admin-token' })).json as any[]
    expect(admin.length).toBeGreaterThan(jane.length) // AgentUpdateJobs have an empty acl
    expect(admin.some((j) => j._type === 'AgentUpdateJob')).toBe(true)
  })
})

describe('job detail', () => {
  it('returns the full document with env, secret, task and script', async () => {
    const r = await api(`/demo/job/${SPECIAL_JOB_IDS.finishedBackup}`)
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ _type: 'ScriptJob', lifecycle: 'finished', state: 'success', name: 'Backup DB' })
    expect(r.json.env.THEEYE_ORGANIZATION_NAME).toBe('"demo"')
    expect(r.json.secret).toMatch(/^[a-f0-9]{64}$/)
    expect(r.json.script.filename).toBe('backup.sh')
    expect(r.json.output.every((o: unknown) => typeof o === 'string')).toBe(true)
    expect(r.json.result.log).toContain('\x1b[')
    expect(JSON.parse(r.json.result.lastline).state).toBe('success')
  })

  it('answers invalid and unknown ids with JSON strings', async () => {
    expect(await api('/demo/job/running')).toMatchObject({ status: 400, json: 'job id is invalid' })
    expect(await api('/demo/job/aaaaaaaaaaaaaaaaaaaaaaaa')).toMatchObject({ status: 404, json: 'job not found' })
  })

  it('returns the lifecycle as a bare JSON string; viewers get 403', async () => {
    expect(await api(`/demo/job/${APPROVAL_JOB_IDS.refundShipIt}/lifecycle`)).toMatchObject({ status: 200, json: 'onhold' })
    expect(await api(`/demo/job/${APPROVAL_JOB_IDS.refundShipIt}/lifecycle`, { token: 'viewer-token' })).toMatchObject({
      status: 403,
      json: 'forbidden',
    })
  })
})

describe('cancel', () => {
  it('answers 204 and cancels ready/onhold, terminates assigned', async () => {
    const [pastTimeout, , queued] = RUNAWAY_JOB_IDS
    expect((await api(`/demo/job/${queued}/cancel`, { method: 'PUT' })).status).toBe(204)
    expect(db.getJob(queued!)).toMatchObject({ lifecycle: 'canceled', state: 'canceled', trigger_name: 'canceled' })
    expect((await api(`/demo/job/${pastTimeout}/cancel`, { method: 'PUT' })).status).toBe(204)
    const job = db.getJob(pastTimeout!)!
    expect(job).toMatchObject({ lifecycle: 'terminated', state: 'canceled' })
    expect(job.result).toEqual({ user: { email: 'jane@example.com', id: USER_IDS.jane, username: 'jane' }, output: [expect.any(Object)] })
    expect(job.output).toEqual([JSON.stringify({ email: 'jane@example.com', id: USER_IDS.jane, username: 'jane' })])
    expect(job.last_update).toBe(new Date(NOW + 1000).toISOString())
  })

  it('still answers 204 for a finished job and changes nothing', async () => {
    const before = JSON.stringify(db.getJob(SPECIAL_JOB_IDS.finishedBackup))
    expect((await api(`/demo/job/${SPECIAL_JOB_IDS.finishedBackup}/cancel`, { method: 'PUT' })).status).toBe(204)
    expect(JSON.stringify(db.getJob(SPECIAL_JOB_IDS.finishedBackup))).toBe(before)
  })

  it('refuses non-admins on a cancellable:false task with 403 object', async () => {
    db.getJob(SPECIAL_JOB_IDS.finishedDeploy)!.lifecycle = 'ready'
    const r = await api(`/demo/job/${SPECIAL_JOB_IDS.finishedDeploy}/cancel`, { method: 'PUT' })
    expect(r).toMatchObject({ status: 403, json: { statusCode: 403, message: 'Job is not cancellable' } })
    expect((await api(`/demo/job/${SPECIAL_JOB_IDS.finishedDeploy}/cancel`, { method: 'PUT', token: 'admin-token' })).status).toBe(204)
    expect(db.getJob(SPECIAL_JOB_IDS.finishedDeploy)!.lifecycle).toBe('canceled')
  })
})

describe('approve / reject', () => {
  it('approves with 204 and records the user', async () => {
    const id = APPROVAL_JOB_IDS.refundShipIt
    const r = await api(`/demo/job/${id}/approve`, { method: 'PUT', body: { anything: true } })
    expect(r.status).toBe(204)
    expect(r.text).toBe('')
    const job = db.getJob(id)!
    expect(job).toMatchObject({ lifecycle: 'finished', state: 'success', trigger_name: 'success' })
    expect((job.output as string[]).at(-1)).toBe(JSON.stringify({ email: 'jane@example.com', id: USER_IDS.jane, username: 'jane' }))
    // second decision: 409
    expect(await api(`/demo/job/${id}/reject`, { method: 'PUT' })).toMatchObject({
      status: 409,
      json: 'approval request no longer available',
    })
  })

  it('403 for a non-approver, 400 for a non-approval job', async () => {
    expect(await api(`/demo/job/${FOREIGN_APPROVAL_JOB_ID}/approve`, { method: 'PUT' })).toMatchObject({
      status: 403,
      json: 'unauthorized approver',
    })
    expect(await api(`/demo/job/${SPECIAL_JOB_IDS.finishedBackup}/reject`, { method: 'PUT' })).toMatchObject({
      status: 400,
      json: 'unexpected job type. only Approvals',
    })
    const reject = await api(`/demo/job/${FOREIGN_APPROVAL_JOB_ID}/reject`, { method: 'PUT', token: 'bob-token' })
    expect(reject.status).toBe(204)
    expect(db.getJob(FOREIGN_APPROVAL_JOB_ID)).toMatchObject({ state: 'failure', trigger_name: 'failure' })
  })

  it('moves the workflow run along its graph when a step is approved, and finishes it after its last step', async () => {
    // Release pipeline: Approve deploy --success--> Announce release (workflow-engine.ts follows edges by trigger_name).
    expect((await api(`/demo/job/${APPROVAL_JOB_IDS.workflowStep}/approve`, { method: 'PUT' })).status).toBe(204)
    expect(db.getJob(SPECIAL_JOB_IDS.workflowJob)).toMatchObject({ lifecycle: 'started' })
    const next = db.jobs().filter((j) => j.workflow_job_id === SPECIAL_JOB_IDS.workflowJob && j.name === 'Announce release')
    expect(next).toHaveLength(1)
    expect(next[0]).toMatchObject({ lifecycle: 'ready', origin: 'workflow', _type: 'ScriptJob' })
    // its input is the approval's output
    expect(next[0]!.task_arguments_values).toEqual(db.getJob(APPROVAL_JOB_IDS.workflowStep)!.output)
    db.updateJob(next[0]!, (j) => void (j.lifecycle = 'assigned'))
    const data = { code: 0, log: 'ok\n', lastline: '{"state":"success"}', signal: null, killed: false, times: { seconds: 1, nanoseconds: 0 }, output: {} }
    await api(`/demo/job/${next[0]!.id}`, { method: 'PUT', token: 'agent-token', body: { result: { state: 'success', data } } })
    expect(db.getJob(SPECIAL_JOB_IDS.workflowJob)).toMatchObject({ lifecycle: 'finished', state: 'success', active_paths_counter: 0 })
  })

  it('a rejected step takes the failure edge', async () => {
    expect((await api(`/demo/job/${APPROVAL_JOB_IDS.workflowStep}/reject`, { method: 'PUT' })).status).toBe(204)
    const next = db.jobs().filter((j) => j.workflow_job_id === SPECIAL_JOB_IDS.workflowJob && j.id !== APPROVAL_JOB_IDS.workflowStep && j.lifecycle === 'ready')
    expect(next.map((j) => j.name)).toEqual(['Roll back web'])
  })
})

describe('input', () => {
  it('validates required, charsmin/charsmax, pattern and select options', async () => {
    const r = await api(`/demo/job/${SPECIAL_JOB_IDS.inputDummy}/input`, { method: 'PUT', body: { args: ['INC', 'urgent'] } })
    expect(r.status).toBe(400)
    expect(r.json.message).toBe('InvalidTaskArguments')
    expect(r.json.errors).toEqual([
      expect.objectContaining({ field: 'ticket', code: 'EVALID' }),
      expect.objectContaining({ field: 'priority', code: 'EVALID' }),
    ])
    const missing = await api(`/demo/job/${SPECIAL_JOB_IDS.inputDummy}/input`, { method: 'PUT', body: { args: [] } })
    expect(missing.json.errors.map((e: any) => e.code)).toEqual(['EREQ', 'EREQ'])
    const bad = await api(`/demo/job/${SPECIAL_JOB_IDS.inputDummy}/input`, { method: 'PUT', body: { args: ['TICKET-1', 'low'] } })
    expect(bad.json.errors[0]).toMatchObject({ field: 'ticket', code: 'EVALID' })
  })

  it('finishes a DummyJob with the input as output', async () => {
    const r = await api(`/demo/job/${SPECIAL_JOB_IDS.inputDummy}/input`, { method: 'PUT', body: { args: ['INC-4521', 'high'] } })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ lifecycle: 'finished', state: 'success', result: { output: ['INC-4521', 'high'] }, output: ['INC-4521', 'high'] })
  })

  it('sends an onhold ScriptJob back to ready; rejects a non-onhold one and other types', async () => {
    const r = await api(`/demo/job/${SPECIAL_JOB_IDS.inputScript}/input`, { method: 'PUT', body: { args: ['/var/tmp'] } })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ lifecycle: 'ready', state: 'in_progress', task_arguments_values: ['/var/tmp'] })
    expect(JSON.parse(r.json.env.THEEYE_JOB_USER).username).toBe('jane')
    expect(await api(`/demo/job/${SPECIAL_JOB_IDS.inputScript}/input`, { method: 'PUT', body: { args: ['/x'] } })).toMatchObject({
      status: 400,
      json: 'only on hold jobs allowed',
    })
    expect(await api(`/demo/job/${APPROVAL_JOB_IDS.refundOld}/input`, { method: 'PUT', body: { args: [] } })).toMatchObject({
      status: 400,
      json: 'job type not allowed. script and dummy',
    })
  })
})

describe('restart', () => {
  it('restarts a completed script job', async () => {
    const id = SPECIAL_JOB_IDS.finishedBackup
    const r = await api(`/demo/job/${id}/restart`, { method: 'PUT', body: { task_arguments: ['orders', 'full', ''] } })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ lifecycle: 'ready', state: 'in_progress', trigger_name: null, output: {} })
    expect(r.json).not.toHaveProperty('result')
    expect(r.json.task_arguments_values).toEqual(['orders', 'full', '', 'gzip'])
  })

  it('emits one job-crud update, the job queued again, like the supervisor (no stale "finished" first)', async () => {
    // core/service/job/index.js restart(): the reset and the rebuild are one save, then one submit.
    const id = SPECIAL_JOB_IDS.finishedBackup
    const events: Array<{ id: string; operation: string; lifecycle: unknown; state: unknown }> = []
    const stop = db.onJobChange((job, operation) => events.push({ id: job.id, operation, lifecycle: job.lifecycle, state: job.state }))
    const r = await api(`/demo/job/${id}/restart`, { method: 'PUT', body: { task_arguments: ['orders', 'full', ''] } })
    stop()
    expect(r.status).toBe(200)
    expect(events.filter((e) => e.id === id)).toEqual([{ id, operation: 'update', lifecycle: 'ready', state: 'in_progress' }])
  })

  it('rejects running jobs, non-script jobs and too few arguments', async () => {
    expect(await api(`/demo/job/${RUNAWAY_JOB_IDS[0]}/restart`, { method: 'PUT', body: { task_arguments: [] } })).toMatchObject({
      status: 400,
      json: 'Only completed jobs allowed',
    })
    expect(await api(`/demo/job/${SPECIAL_JOB_IDS.decidedApproval}/restart`, { method: 'PUT', body: { task_arguments: [] } })).toMatchObject({
      status: 400,
      json: 'Only script tasks allowed',
    })
    expect(await api(`/demo/job/${SPECIAL_JOB_IDS.finishedBackup}/restart`, { method: 'PUT', body: { task_arguments: ['x'] } })).toMatchObject({
      status: 500,
      json: 'Internal Server Error',
    })
  })
})

describe('create', () => {
  it('creates a job with POST /job and answers publish() + user', async () => {
    const r = await api('/job', { method: 'POST', body: { task: TASK_IDS.syncInventory, task_arguments: ['erp'] } })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ lifecycle: 'ready', state: 'in_progress', origin: 'user', user: { id: USER_IDS.jane } })
    expect(r.json).not.toHaveProperty('script')
    expect(r.json).not.toHaveProperty('customer')
    expect(Object.keys(r.json.task).sort()).toEqual(['_type', 'id', 'output_parameters', 'task_arguments', 'type'])
    expect(db.getJob(r.json.id)).toBeTruthy()
  })

  it('validates the argument count and the task', async () => {
    const few = await api('/demo/job', { method: 'POST', body: { task: TASK_IDS.backupDb, task_arguments: ['x'] } })
    expect(few).toMatchObject({
      status: 400,
      json: { statusCode: 400, message: 'Invalid Task Arguments. An array of length 3 is required. Optionals must be null' },
    })
    expect(await api('/job', { method: 'POST', body: {} })).toMatchObject({ status: 400, json: 'task is required' })
    expect(await api('/job', { method: 'POST', body: { task: 'bad' } })).toMatchObject({ status: 400, json: 'task id is invalid' })
    expect(await api('/job', { method: 'POST', body: { task: 'aaaaaaaaaaaaaaaaaaaaaaaa' } })).toMatchObject({ status: 404, json: 'task not found' })
  })

  it('creates an onhold ApprovalJob with the task approvers', async () => {
    const r = await api('/job', { method: 'POST', body: { task: TASK_IDS.approveRefund, task_arguments: ['10.00', 'USD', null] } })
    expect(r.json).toMatchObject({ _type: 'ApprovalJob', lifecycle: 'onhold', approvers: [USER_IDS.jane], success_label: 'Ship it' })
  })

  it('creates through a task secret without a token', async () => {
    const ok = await api(`/job/secret/${TASK_SECRETS[TASK_IDS.collectTicket]}`, {
      token: null,
      method: 'POST',
      body: { customer: 'demo', task: TASK_IDS.collectTicket, task_arguments: ['INC-1', 'low', ''] },
    })
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({ origin: 'secret', lifecycle: 'onhold', user: {} })
    const bad = await api(`/job/secret/${'0'.repeat(64)}`, { token: null, method: 'POST', body: { customer: 'demo', task: TASK_IDS.collectTicket } })
    expect(bad).toMatchObject({ status: 403, json: 'invalid secret' })
  })
})

describe('routes that do not exist', () => {
  it('answers the v2 per-job forms like restify', async () => {
    const id = APPROVAL_JOB_IDS.refundOld
    for (const [method, path] of [
      ['PUT', `/job/${id}/approve`],
      ['PUT', `/job/${id}/reject`],
      ['PUT', `/job/${id}/cancel`],
      ['GET', `/job/${id}/lifecycle`],
      ['PUT', `/job/${id}/restart`],
      ['GET', `/job/${id}`],
    ] as const) {
      expect(await api(path, { method })).toMatchObject({ status: 404, json: { code: 'ResourceNotFound', message: `${path} does not exist` } })
    }
    expect(await api(`/job/${id}/input`, { method: 'PUT', body: { args: [] } })).toMatchObject({
      status: 405,
      json: { code: 'MethodNotAllowed', message: 'PUT is not allowed' },
    })
    expect((await api('/job')).status).toBe(405)
  })

  it('DELETE /job/finished is 404; per-task delete is admin only', async () => {
    expect(await api('/job/finished', { method: 'DELETE' })).toMatchObject({
      status: 404,
      json: { code: 'ResourceNotFound', message: '/job/finished does not exist' },
    })
    expect(await api(`/demo/task/${TASK_IDS.backupDb}/job`, { method: 'DELETE' })).toMatchObject({ status: 403, json: 'forbidden' })
    const finishedBefore = db.jobs().filter((j) => j.task_id === TASK_IDS.backupDb && j.lifecycle === 'finished').length
    const r = await api(`/demo/task/${TASK_IDS.backupDb}/job`, { method: 'DELETE', token: 'admin-token' })
    expect(r.status).toBe(200)
    expect(r.json.deletedCount).toBeGreaterThanOrEqual(finishedBefore)
    expect(db.jobs().filter((j) => j.task_id === TASK_IDS.backupDb).every((j) => j.lifecycle === 'assigned')).toBe(true)
  })
})

describe('other routes', () => {
  it('running, running_count, participants, input, output, tasks, hosts, workflows', async () => {
    const running = (await api('/job/running')).json as any[]
    expect(running.every((j) => ['started', 'ready', 'assigned', 'onhold', 'syncing', 'locked'].includes(j.lifecycle))).toBe(true)
    expect(running.some((j) => j.lifecycle === 'started')).toBe(true)
    const counts = (await api('/job/running_count')).json as any[]
    expect(counts.find((c) => c._id.task === TASK_IDS.backupDb).count).toBe(2)
    const p = (await api(`/job/${SPECIAL_JOB_IDS.finishedBackup}/participants`)).json
    expect(p.owner).toMatchObject({ _type: 'UiUser', id: USER_IDS.jane, username: 'jane' })
    expect((await api(`/job/${SPECIAL_JOB_IDS.finishedBackup}/input`)).json).toEqual(['customers', 'full', '', 'gzip'])
    expect((await api(`/job/${SPECIAL_JOB_IDS.finishedBackup}/output`)).json[0]).toContain('customers.sql.gz')
    const tasks = (await api('/demo/task')).json as any[]
    expect(tasks.find((t) => t.id === TASK_IDS.approveRefund)).toMatchObject({ success_label: 'Ship it', failure_label: 'Hold back', cancel_enabled: true })
    expect(tasks.every((t) => !('secret' in t))).toBe(true)
    // what the real serializer adds: schedules always, hostname and script_name when there is a host and a script
    expect(tasks.every((t) => Array.isArray(t.schedules))).toBe(true)
    expect(tasks.find((t) => t.id === TASK_IDS.backupDb)).toMatchObject({ hostname: expect.any(String), script_name: expect.stringMatching(/\.\w+$/) })
    expect(tasks.find((t) => t.id === TASK_IDS.approveRefund)).not.toHaveProperty('hostname')
    expect(((await api('/demo/host')).json as any[]).map((h) => h.hostname)).toContain('db-02')
    const wfJobs = (await api('/workflows/65f1c1002a9b4c0012ab3500/job')).json as any[]
    expect(wfJobs.filter((j) => j.id === SPECIAL_JOB_IDS.workflowJob || j.workflow_job_id === SPECIAL_JOB_IDS.workflowJob)).toHaveLength(3)
    const children = (await api(`/workflows/65f1c1002a9b4c0012ab3500/job/${SPECIAL_JOB_IDS.workflowJob}/jobs`)).json as any[]
    expect(children.map((c) => c.order)).toEqual([0, 1])
  })

  it('lets the agent finish an assigned job and ignores other lifecycles', async () => {
    const id = SPECIAL_JOB_IDS.assignedBackup
    const data = { code: 0, log: 'ok\n', lastline: '{"state":"success","data":{"a":1}}', signal: null, killed: false, times: { seconds: 1, nanoseconds: 0 }, output: { a: 1 } }
    expect((await api(`/demo/job/${id}`, { method: 'PUT', body: { result: { state: 'success', data } } })).json).toBe('forbidden')
    const r = await api(`/demo/job/${id}`, { method: 'PUT', token: 'agent-token', body: { result: { state: 'success', data } } })
    expect(r.json).toMatchObject({ lifecycle: 'finished', state: 'success', output: ['{"a":1}'] })
    const again = await api(`/demo/job/${id}`, { method: 'PUT', token: 'agent-token', body: { result: { state: 'success', data } } })
    expect(again).toMatchObject({ status: 200, text: '' })
  })

  it('db.failNext injects a one-off failure', async () => {
    db.failNext('GET /demo/job', { status: 503, body: 'Service Unavailable' })
    expect((await api('/demo/job')).status).toBe(503)
    expect((await api('/demo/job')).status).toBe(200)
    db.failNext(/cancel$/, 'network-error')
    await expect(fetch(`${S}/demo/job/${RUNAWAY_JOB_IDS[0]}/cancel`, { method: 'PUT', headers: { Authorization: 'Bearer demo-token' } })).rejects.toThrow()
  })
})

describe('org', () => {
  it('is the demo org', () => {
    expect(db.customerByName('demo')!.id).toBe(DEMO_CUSTOMER.id)
  })
})
