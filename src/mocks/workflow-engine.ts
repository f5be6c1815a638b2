// The mock supervisor's workflow engine: a run follows its graph's edges by trigger_name, as
// core/service/events/workflow.js does (theeye-api-workflows-tasks-sockets.md § A.5):
//  - every successor w with edge(task_id, w) === trigger_name gets a job (origin 'workflow', same workflow_job_id
//    and order, input = the previous job's output);
//  - active_paths_counter goes up by n-1 for n successors and down by 1 when a job has none;
//  - at 0 the WorkflowJob copies lifecycle, state and trigger_name from the last job.
// Legacy graphs (event nodes) are converted first, as core/service/workflow.js does.

import type { MockDb, WorkflowDef } from './db'
import { buildJob, resolveArguments, type JobContext } from './seed/jobs'
import { finishJob } from './seed/outcomes'
import { createRng, iso } from './seed/random'
import { userFor } from './seed/values'
import type { JobDoc, TaskDoc } from './types'

const COMPLETED = new Set(['finished', 'terminated', 'canceled', 'expired', 'completed'])

export interface GraphJson {
  options?: Record<string, unknown>
  nodes: Array<{ v: string; value?: Record<string, unknown> }>
  edges: Array<{ v: string; w: string; value?: string }>
}

/** The workflow document as the real server stores it (the mock serialises it without `secret`). */
export interface WorkflowDoc {
  id: string
  _type: 'Workflow'
  name: string
  version?: number
  graph: GraphJson
  start_task_id: string
  customer_id: string
  acl: string[]
  multitasking: boolean
  [key: string]: unknown
}

/** A WorkflowDef that carries its full document. */
export type WorkflowWithDoc = WorkflowDef & { doc?: WorkflowDoc }

export function workflowDocs(db: MockDb): WorkflowDoc[] {
  return (db.workflows as WorkflowWithDoc[]).flatMap((w) => (w.doc ? [w.doc] : []))
}

export function workflowDoc(db: MockDb, id: unknown): WorkflowDoc | undefined {
  return (db.workflows as WorkflowWithDoc[]).find((w) => w.id === id)?.doc
}

/** task → task edges with their event names; legacy event nodes converted. */
export function taskEdges(graph: GraphJson): Array<{ v: string; w: string; event?: string }> {
  const isEvent = (id: string) => /Event$/.test(String(graph.nodes.find((n) => n.v === id)?.value?._type ?? ''))
  const out: Array<{ v: string; w: string; event?: string }> = []
  for (const e of graph.edges) {
    if (e.v === 'START_NODE' || isEvent(e.v) || isEvent(e.w)) continue
    out.push({ v: e.v, w: e.w, event: e.value })
  }
  for (const n of graph.nodes) {
    if (!isEvent(n.v)) continue
    const name = typeof n.value?.name === 'string' ? n.value.name : undefined
    for (const i of graph.edges.filter((e) => e.w === n.v)) for (const o of graph.edges.filter((e) => e.v === n.v)) out.push({ v: i.v, w: o.w, event: name })
  }
  return out
}

function contextFor(db: MockDb, run: JobDoc): JobContext {
  const customer = db.customerById(String(run.customer_id)) ?? db.customers[0]!
  const user = typeof run.user_id === 'string' ? db.getUser(run.user_id) : undefined
  return { rng: createRng(db.nextSerial() * 7919), customer, user: user ? userFor(user) : null }
}

/**
 * Creates the job of one step. Notification and plain dummy tasks finish at once (they need no agent);
 * approvals and input tasks wait on a person; scripts wait for the agent.
 */
export function createStepJob(db: MockDb, run: JobDoc, task: TaskDoc, input: unknown[], at: number): JobDoc {
  const ctx = contextFor(db, run)
  const userInputs = task.user_inputs === true
  const job = buildJob(ctx, task, {
    id: db.newJobId(at),
    createdAt: at,
    args: userInputs ? [] : [...input],
    origin: 'workflow',
    workflow: { workflowId: String(run.workflow_id), workflowJobId: run.id, order: Number(run.order ?? 0) },
  })
  job.acl = Array.isArray(run.acl) ? [...(run.acl as string[])] : job.acl
  if (userInputs) job.lifecycle = 'onhold'
  db.insertJob(job)
  if (!userInputs && (task.type === 'notification' || task.type === 'dummy')) {
    finishJob(job, ctx.rng, { success: true, durationMs: 0, finishedAt: at })
    db.updateJob(job)
    advanceWorkflow(db, job)
  }
  return job
}

/** When a dispatched job belongs to a run that has not started yet, the run becomes `started`. */
export function onJobDispatched(db: MockDb, job: JobDoc): void {
  if (typeof job.workflow_job_id !== 'string') return
  const run = db.getJob(job.workflow_job_id)
  if (run && (run.lifecycle === 'ready' || run.lifecycle === 'onhold')) db.updateJob(run, (r) => void (r.lifecycle = 'started'))
}

/**
 * A task job of a run completed: create its successors along the edges labelled with its trigger, or
 * close the path (and the run when it was the last path).
 */
export function advanceWorkflow(db: MockDb, job: JobDoc): void {
  if (typeof job.workflow_job_id !== 'string' || !COMPLETED.has(String(job.lifecycle))) return
  const run = db.getJob(job.workflow_job_id)
  if (!run || COMPLETED.has(String(run.lifecycle))) return
  const def = (db.workflows as WorkflowWithDoc[]).find((w) => w.id === job.workflow_id)
  if (!def?.doc) return legacyStepsAdvance(db, job, run, def)
  const trigger = String(job.trigger_name ?? job.state ?? '')
  const successors = taskEdges(def.doc.graph)
    .filter((e) => e.v === job.task_id && e.event === trigger)
    .map((e) => db.getTask(e.w))
    .filter((t): t is TaskDoc => !!t)
  const counter = Number(run.active_paths_counter ?? 1)
  if (successors.length === 0) {
    const left = Math.max(0, counter - 1)
    db.updateJob(run, (r) => {
      r.active_paths_counter = left
      if (left === 0) {
        r.lifecycle = job.lifecycle
        r.state = job.state
        r.trigger_name = job.trigger_name
      }
    })
    return
  }
  db.updateJob(run, (r) => void (r.active_paths_counter = counter + successors.length - 1))
  const input = Array.isArray(job.output) ? (job.output as unknown[]) : []
  const at = db.now()
  for (const task of successors) createStepJob(db, run, task, input, at)
}

/** Workflows defined only by a list of steps (no document): the old linear behaviour. */
function legacyStepsAdvance(db: MockDb, job: JobDoc, run: JobDoc, def: WorkflowDef | undefined): void {
  const last = def ? Number(job.order) >= def.steps.length - 1 : true
  if (last || job.state !== 'success') {
    db.updateJob(run, (w) => {
      w.lifecycle = job.lifecycle
      w.state = job.state
      w.active_paths_counter = 0
    })
  }
}

/** #29: a new run (WorkflowJob `ready`, or `onhold` when the workflow runs one at a time) and its first step. */
export function startWorkflowRun(db: MockDb, doc: WorkflowDoc, user: { id: string; email: string; username: string } | null, args: unknown[]): JobDoc | null {
  const start = db.getTask(doc.start_task_id)
  if (!start) return null
  const at = db.now()
  const customer = db.customerById(doc.customer_id) ?? db.customers[0]!
  const runs = db.jobs().filter((j) => j._type === 'WorkflowJob' && j.workflow_id === doc.id)
  const order = runs.reduce((m, j) => Math.max(m, Number(j.order ?? 0)), 0) + 1
  const busy = runs.some((j) => j.lifecycle === 'started')
  const id = db.newJobId(at)
  const run: JobDoc = {
    order,
    enable: true,
    state: 'in_progress',
    assigned_users: [],
    user_inputs_members: [],
    acl: [...doc.acl],
    empty_viewers: false,
    acl_dynamic: false,
    _id: id,
    task_arguments_values: args,
    show_result: false,
    user_inputs: false,
    cancellable: true,
    _type: 'WorkflowJob',
    creation_date: iso(at),
    last_update: iso(at),
    customer_id: customer.id,
    customer: customer.id,
    customer_name: customer.name,
    name: doc.name,
    lifecycle: doc.multitasking === false && busy ? 'onhold' : 'ready',
    origin: 'user',
    workflow_id: doc.id,
    workflow: doc.id,
    notify: true,
    ...(user ? { user_id: user.id } : {}),
    allows_dynamic_settings: false,
    active_paths_counter: 1,
    secret: createRng(at & 0xffff).hex(64),
    output: [],
    id,
  }
  db.insertJob(run)
  createStepJob(db, run, start, resolveArguments(start, args), at)
  return run
}
