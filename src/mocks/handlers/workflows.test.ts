/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at raw JSON answered by the mock server */
import { beforeEach, describe, expect, it } from 'vitest'
import type { MockDb } from '../db'
import { agentTick } from '../agent'
import { createRng } from '../seed/random'
import { freshWorld, supervisorApi as api } from '@/testing/supervisor-api'
import { WF_IDS, WF_RUN_IDS, WF_TASK_IDS } from '../worlds/workflows'

let db: MockDb
beforeEach(() => {
  db = freshWorld()
})

describe('workflow routes as the real supervisor serves them', () => {
  it('lists workflows without the customer prefix; the prefixed form is 404', async () => {
    const list = await api('/workflows')
    expect(list.status).toBe(200)
    expect(list.json.map((w: any) => w.name).sort()).toEqual(['Disk cleanup (legacy)', 'Nightly data sync', 'Refund request', 'Release pipeline'])
    expect(list.json.every((w: any) => !('secret' in w) && w.graph && Array.isArray(w.graph.nodes))).toBe(true)
    expect((await api('/demo/workflows')).status).toBe(404)
  })

  it('reads one workflow; bad and unknown ids answer like the server', async () => {
    const wf = await api(`/workflows/${WF_IDS.refundRequest}`)
    expect(wf.json).toMatchObject({ name: 'Refund request', version: 2, start_task_id: WF_TASK_IDS.validateRefund })
    expect(wf.json.graph.nodes.find((n: any) => n.v === 'START_NODE')).toBeTruthy()
    expect(await api('/workflows/nope')).toMatchObject({ status: 400, json: 'workflow id is invalid' })
    expect(await api('/workflows/65f1c1002a9b4c0012ab39ff')).toMatchObject({ status: 404, json: 'workflow not found' })
    expect((await api(`/workflows/${WF_IDS.legacyCleanup}`)).json.version).toBeUndefined()
  })

  it('GET /workflows/:id/graph is broken: 400 "workflow is required"', async () => {
    expect(await api(`/workflows/${WF_IDS.refundRequest}/graph`)).toMatchObject({ status: 400, json: 'workflow is required' })
  })

  it('starts a run with the start task’s arguments, and checks their count', async () => {
    const bad = await api(`/workflows/${WF_IDS.refundRequest}/job`, { method: 'POST', body: { task_arguments: ['R-1'] } })
    expect(bad).toMatchObject({ status: 400, json: { message: 'Invalid Task Arguments. An array of length 2 is required. Optionals must be null' } })
    const ok = await api(`/workflows/${WF_IDS.refundRequest}/job`, { method: 'POST', body: { task_arguments: ['R-2001', '75.00'] } })
    expect(ok.status).toBe(200)
    expect(ok.json).toMatchObject({ _type: 'WorkflowJob', lifecycle: 'ready', workflow_id: WF_IDS.refundRequest, user: { username: 'jane' } })
    expect(ok.json._id).toBe(ok.json.id)
    const steps = (await api(`/workflows/${WF_IDS.refundRequest}/job/${ok.json.id}/jobs`)).json
    expect(steps.map((s: any) => [s.name, s.lifecycle, s.task_arguments_values])).toEqual([['Validate refund', 'ready', ['R-2001', '75.00']]])
  })

  it('the simulated agent moves a run along its edges: dispatch starts the run, success creates the next step', () => {
    const runId = WF_RUN_IDS.syncRunning
    const step = () => db.jobs().filter((j) => j.workflow_job_id === runId)
    const wait = step().find((j) => j.task_id === WF_TASK_IDS.waitReplica)!
    expect(wait.lifecycle).toBe('ready')
    // Take every other ready job out of the agent's way, so this test follows only our run.
    for (const j of db.jobs()) if (j !== wait && (j.lifecycle === 'ready' || j.lifecycle === 'assigned')) db.frozenJobIds.add(j.id)
    const rng = createRng(1) // the first draw decides success (0.85): seed 1 succeeds
    agentTick(db, rng, 0)
    expect(wait.lifecycle).toBe('assigned')
    agentTick(db, rng, 1)
    expect(wait.lifecycle).toBe('finished')
    const next = step().filter((j) => j.id !== wait.id && j.creation_date! >= wait.creation_date!)
    const expected = wait.trigger_name === 'success' ? 'Load warehouse' : undefined
    expect(next.map((j) => j.name)).toEqual(expected ? [expected] : [])
  })
})
