/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at raw JSON answered by the mock server */
import { describe, expect, it } from 'vitest'
import {
  APPROVAL_JOB_IDS_FOR_DEMO_USER,
  DEMO_USER_ID,
  FAULT_JOB_IDS,
  FOREIGN_APPROVAL_JOB_ID,
  HOSTILE_JOB_IDS,
  HOSTILE_SECRETS,
  RUNAWAY_JOB_IDS,
  TASK_IDS,
} from './db'
import { agentTick } from './agent'
import { createRng } from './seed/random'
import { mockServer, useMockWorld } from './node'
import { createWorld, parseScenario } from './scenarios'

const S = 'http://localhost/mock/supervisor'
const G = 'http://localhost/mock/gateway'
const NOW = Date.parse('2025-03-13T12:00:00.000Z')
const auth = (token = 'demo-token') => ({ headers: { Authorization: `Bearer ${token}` } })

const MIN = 60_000
/** A rough version of what the dashboard does: running past the task's timeout, 10x its median, or queued > 30 min. */
function runaways(world: ReturnType<typeof createWorld>, now: number): string[] {
  const jobs = world.jobs()
  const median = (taskId: unknown) => {
    const d = jobs
      .filter((j) => j.task_id === taskId && j.lifecycle === 'finished')
      .map((j) => Date.parse(String(j.last_update)) - Date.parse(String(j.creation_date)))
      .sort((a, b) => a - b)
    return d.length ? d[Math.floor(d.length / 2)]! : null
  }
  return jobs
    .filter((j) => {
      const age = now - Date.parse(String(j.creation_date))
      if (j.lifecycle === 'ready') return age > 30 * MIN
      if (j.lifecycle !== 'assigned') return false
      const m = median(j.task_id)
      return (typeof j.timeout === 'number' && age > j.timeout) || (m !== null && age > Math.max(10 * m, 5 * MIN))
    })
    .map((j) => j.id)
}

describe('scenarios', () => {
  it('parseScenario falls back to default', () => {
    expect(parseScenario('big')).toBe('big')
    expect(parseScenario('nope')).toBe('default')
    expect(parseScenario(null)).toBe('default')
  })

  it('default: ~190 jobs (with the workflow runs), exactly 3 runaways, approvals for the demo user', () => {
    const db = createWorld('default', { now: NOW })
    const jobs = db.jobs()
    expect(jobs.length).toBeGreaterThanOrEqual(160)
    expect(jobs.length).toBeLessThanOrEqual(210)
    expect(new Set(jobs.map((j) => j.id)).size).toBe(jobs.length)
    expect(runaways(db, NOW).sort()).toEqual([...RUNAWAY_JOB_IDS].sort())
    const mine = jobs.filter((j) => j._type === 'ApprovalJob' && j.lifecycle === 'onhold' && (j.approvers as string[]).includes(DEMO_USER_ID))
    expect(mine.map((j) => j.id).sort()).toEqual([...APPROVAL_JOB_IDS_FOR_DEMO_USER].sort())
    expect(db.getJob(FOREIGN_APPROVAL_JOB_ID)!.approvers).not.toContain(DEMO_USER_ID)
    const types = new Set(jobs.map((j) => j._type))
    for (const t of ['ScriptJob', 'NodejsJob', 'ScraperJob', 'ApprovalJob', 'DummyJob', 'NotificationJob', 'WorkflowJob', 'AgentUpdateJob']) expect(types).toContain(t)
    const lifecycles = new Set(jobs.map((j) => j.lifecycle))
    for (const l of ['ready', 'assigned', 'onhold', 'finished', 'terminated', 'canceled', 'syncing', 'locked', 'started']) expect(lifecycles).toContain(l)
    for (const j of jobs) {
      expect(j).not.toHaveProperty(j._type === 'WorkflowJob' ? 'nothing' : '_id')
      if (j.lifecycle === 'ready' || j.lifecycle === 'onhold') expect(j).not.toHaveProperty('result')
    }
  })

  it('is deterministic for the same now', () => {
    const a = createWorld('default', { now: NOW })
    const b = createWorld('default', { now: NOW })
    expect(JSON.stringify(a.jobs())).toBe(JSON.stringify(b.jobs()))
  })

  it('empty has tasks and no jobs', () => {
    const db = createWorld('empty', { now: NOW })
    expect(db.jobs()).toHaveLength(0)
    expect(db.tasks.length).toBeGreaterThan(5)
  })

  it('big has 10,000 jobs, built fast, filtered fast', async () => {
    const t0 = performance.now()
    const db = createWorld('big', { now: NOW })
    const built = performance.now() - t0
    expect(db.jobs()).toHaveLength(10000)
    expect(built).toBeLessThan(3000) // ~300 ms on an idle machine; generous so a loaded CI box does not flake
    expect(runaways(db, NOW).sort()).toEqual([...RUNAWAY_JOB_IDS].sort())
    useMockWorld('big', { now: NOW })
    const t1 = performance.now()
    const r = await fetch(`${S}/demo/job?where[task_id]=${TASK_IDS.backupDb}&sort[creation_date]=-1&limit=50`, auth())
    const body = (await r.json()) as unknown[]
    expect(body).toHaveLength(50)
    expect(performance.now() - t1).toBeLessThan(2000)
  })
})

describe('errors scenario', () => {
  it('each fault id answers its shape while the list still loads', async () => {
    useMockWorld('errors', { now: NOW })
    const list = (await (await fetch(`${S}/demo/job`, auth())).json()) as Array<{ id: string }>
    for (const id of Object.values(FAULT_JOB_IDS)) expect(list.map((j) => j.id)).toContain(id)
    const get = (id: string) => fetch(`${S}/demo/job/${id}`, auth())
    const expectations: Array<[string, number, (body: string) => void]> = [
      [FAULT_JOB_IDS.unauthorized, 401, (b) => expect(JSON.parse(b)).toBe('Unauthorized')],
      [FAULT_JOB_IDS.authFailed, 401, (b) => expect(JSON.parse(b).message).toBe('authentication failed')],
      [FAULT_JOB_IDS.sessionConflict, 409, (b) => expect(JSON.parse(b).statusCode).toBe(409)],
      [FAULT_JOB_IDS.forbidden, 403, (b) => expect(JSON.parse(b)).toBe('forbidden')],
      [FAULT_JOB_IDS.notFoundObject, 404, (b) => expect(JSON.parse(b)).toMatchObject({ statusCode: 404, message: 'job not found' })],
      [FAULT_JOB_IDS.resourceNotFound, 404, (b) => expect(JSON.parse(b).code).toBe('ResourceNotFound')],
      [FAULT_JOB_IDS.serverError, 500, (b) => expect(JSON.parse(b)).toBe('Internal Server Error')],
      [FAULT_JOB_IDS.badGateway, 502, (b) => expect(b).toBe('<html>Bad gateway</html>')],
    ]
    for (const [id, status, check] of expectations) {
      const r = await get(id)
      expect(r.status).toBe(status)
      check(await r.text())
    }
    await expect(get(FAULT_JOB_IDS.networkError)).rejects.toThrow()
    const hung = await Promise.race([get(FAULT_JOB_IDS.hang).then(() => 'answered'), new Promise((r) => setTimeout(() => r('pending'), 150))])
    expect(hung).toBe('pending')
    const cancel = await fetch(`${S}/demo/job/${FAULT_JOB_IDS.cancelForbidden}/cancel`, { method: 'PUT', ...auth('admin-token') })
    expect(cancel.status).toBe(403)
    expect(await cancel.json()).toEqual({ statusCode: 403, message: 'Job is not cancellable' })
    expect((await fetch(`${S}/demo/job?where[name]=__fail__`, auth())).status).toBe(500)
  })
})

describe('hostile scenario', () => {
  it('serves malformed documents and secrets as stored', async () => {
    useMockWorld('hostile', { now: NOW })
    const list = (await (await fetch(`${S}/demo/job`, auth())).json()) as Array<Record<string, unknown>>
    expect(list.some((j) => j.lifecycle === 'zombie')).toBe(true)
    expect(list.some((j) => typeof j.name === 'number')).toBe(true)
    expect(list.some((j) => !('name' in j))).toBe(true)
    const huge = (await (await fetch(`${S}/demo/job/${HOSTILE_JOB_IDS.hugeLog}`, auth())).json()) as { result: { log: string } }
    expect(huge.result.log.length).toBeGreaterThan(2_000_000)
    const out = (await (await fetch(`${S}/demo/job/${HOSTILE_JOB_IDS.hugeOutput}`, auth())).json()) as { output: unknown[] }
    expect(out.output).toHaveLength(10000)
    const secret = (await (await fetch(`${S}/demo/job/${HOSTILE_JOB_IDS.secrets}`, auth())).json()) as {
      env: Record<string, string>
      task_arguments_values: unknown[]
    }
    expect(secret.env.DB_PASSWORD).toBe(HOSTILE_SECRETS.envPassword)
    expect(secret.task_arguments_values).toContain(HOSTILE_SECRETS.maskedArgument)
    const raw = (await (await fetch(`${S}/demo/job/${HOSTILE_JOB_IDS.outputString}`, auth())).json()) as { output: unknown }
    expect(typeof raw.output).toBe('string')
  })
})

describe('gateway', () => {
  it('logs in, returns the profile and switches organisation', async () => {
    useMockWorld('default', { now: NOW })
    // The real gateway's refusals (npm run test:real): a wrong password is an error object, an
    // unknown user or no credentials the bare JSON string, a non-member organization 403.
    const bad = await fetch(`${G}/api/auth/login`, { method: 'POST', headers: { Authorization: `Basic ${btoa('jane:wrong')}` } })
    expect(bad.status).toBe(401)
    expect(await bad.json()).toMatchObject({ message: 'Unauthorized', statusCode: 401 })
    const unknown = await fetch(`${G}/api/auth/login`, { method: 'POST', headers: { Authorization: `Basic ${btoa('nobody:x')}` } })
    expect([unknown.status, await unknown.json()]).toEqual([401, 'Unauthorized'])
    const none = await fetch(`${G}/api/auth/login`, { method: 'POST' })
    expect([none.status, await none.json()]).toEqual([401, 'Unauthorized'])
    const elsewhere = await fetch(`${G}/api/auth/login?customer=globex`, { method: 'POST', headers: { Authorization: `Basic ${btoa('jane:jane-password')}` } })
    expect(elsewhere.status).toBe(403)
    expect(await elsewhere.json()).toMatchObject({ message: 'Forbidden', name: 'ClientError', status: 403 })
    const ok = await fetch(`${G}/api/auth/login`, { method: 'POST', headers: { Authorization: `Basic ${btoa('jane:jane-password')}` } })
    const { access_token } = (await ok.json()) as { access_token: string }
    expect(access_token).toBe('demo-token')
    const profile = (await (await fetch(`${G}/api/session/profile`, auth(access_token))).json()) as Record<string, any>
    expect(profile).toMatchObject({ id: DEMO_USER_ID, username: 'jane', credential: 'manager', current_customer: { name: 'demo', config: {} } })
    expect(profile.customers.map((c: { name: string }) => c.name)).toEqual(['demo', 'acme'])
    const acme = profile.customers[1].id as string
    const sw = await fetch(`${G}/api/session/customer/${acme}`, { method: 'PUT', ...auth(access_token) })
    const next = ((await sw.json()) as { access_token: string }).access_token
    expect(next).toBe('other-org-token')
    expect((await fetch(`${S}/acme/job`, auth(next))).status).toBe(200)
    const refused = await fetch(`${G}/api/session/profile`, auth('nope'))
    expect([refused.status, await refused.json()]).toMatchObject([401, { message: 'Unauthorized', statusCode: 401 }])
    const noToken = await fetch(`${G}/api/session/profile`)
    expect([noToken.status, await noToken.json()]).toEqual([401, 'Unauthorized'])
    const notMine = await fetch(`${G}/api/session/customer/5a0000000000000000000000`, { method: 'PUT', ...auth(access_token) })
    expect([notMine.status, await notMine.json()]).toMatchObject([403, { code: 'UserIsNoMember' }])
  })
})

describe('simulated agent', () => {
  it('moves jobs along but never touches the runaways', () => {
    const db = createWorld('default', { now: NOW })
    const before = RUNAWAY_JOB_IDS.map((id) => JSON.stringify(db.getJob(id)))
    const total = db.jobs().length
    const rng = createRng(1)
    for (let i = 0; i < 20; i++) agentTick(db, rng, i)
    expect(RUNAWAY_JOB_IDS.map((id) => JSON.stringify(db.getJob(id)))).toEqual(before)
    expect(db.jobs().length).toBe(total + 5)
  })
})

describe('latency option', () => {
  it('delays responses', async () => {
    const { withLatency } = await import('./node')
    useMockWorld('default', { now: NOW })
    mockServer.use(...withLatency(120))
    const t0 = performance.now()
    await fetch(`${S}/api/status`)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100)
  })
})
