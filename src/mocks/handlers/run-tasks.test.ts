/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at raw JSON answered by the mock server */
import { beforeEach, describe, expect, it } from 'vitest'
import { TASK_IDS, type MockDb } from '../db'
import { freshWorld, supervisorApi as api } from '@/testing/supervisor-api'
import { RUN_TASK_IDS } from '../worlds/run-tasks'

let db: MockDb
beforeEach(() => {
  db = freshWorld()
})

describe('POST /:customer/task/:task/job', () => {
  it('400 when the array is shorter than the number of non-fixed arguments', async () => {
    const r = await api(`/demo/task/${TASK_IDS.backupDb}/job`, { method: 'POST', body: { task_arguments: ['db'] } })
    expect(r.status).toBe(400)
    expect(r.json.message).toBe('Invalid Task Arguments. An array of length 3 is required. Optionals must be null')
  })
  it('200 with a job already terminated/error when a value is missing at its order', async () => {
    // Provision account has 12 non-fixed arguments up to order 13: 12 items pass the length check, order 13 is missing.
    const r = await api(`/demo/task/${RUN_TASK_IDS.everyType}/job`, { method: 'POST', body: { task_arguments: Array.from({ length: 12 }, () => 'x') } })
    expect(r.status).toBe(200)
    expect(r.json).toMatchObject({ lifecycle: 'terminated', state: 'error' })
    const stored = db.getJob(r.json.id)!
    expect((stored.result as any).log).toBe('"InvalidTaskArguments"')
  })
  it('a full array indexed by order creates a ready job with every value in place', async () => {
    const body = [null, null, null, null, null, null, null, null, null, null, null, null, null, null]
    const values = ['ann', null, 'hi', true, '{"q":1}', 2, ['ops'], '2026-12-01', 'a@b.co', '^x$', null, 'T-OPS', null, 'secret123']
    const r = await api(`/demo/task/${RUN_TASK_IDS.everyType}/job`, { method: 'POST', body: { task_arguments: values } })
    expect(body).toHaveLength(values.length)
    expect(r.status).toBe(200)
    expect(r.json.lifecycle).toBe('ready')
    expect(db.getJob(r.json.id)!.task_arguments_values).toEqual(['ann', 'eu-west-1', 'hi', 'true', '{"q":1}', '2', '["ops"]', '2026-12-01', 'a@b.co', '^x$', null, 'T-OPS', null, 'secret123'])
  })
})

describe('GET /monitor?where[type]=host', () => {
  it('admins see each bot’s state; non-admins get [] (host resources carry no acl)', async () => {
    const admin = await api('/monitor?where[type]=host', { token: 'admin-token' })
    expect(admin.status).toBe(200)
    expect(admin.json.find((r: any) => r.hostname === 'db-02')).toMatchObject({ state: 'updates_stopped', type: 'host' })
    expect(admin.json.find((r: any) => r.hostname === 'web-01')).toMatchObject({ state: 'normal' })
    expect(await api('/monitor?where[type]=host')).toMatchObject({ status: 200, json: [] })
  })
})

describe('remote options endpoints', () => {
  it('answers the teams list without any token, and the broken one with 500', async () => {
    const ok = await fetch('http://localhost/mock/options/teams')
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as any[]).map((t) => t.code)).toEqual(['T-OPS', 'T-DEV', 'T-FIN'])
    expect((await fetch('http://localhost/mock/options/broken')).status).toBe(500)
  })
})
