// Workflows of the mock world: v2 graphs (a branch on failure, an approval, a custom event, a loop), one
// legacy graph with event nodes (and a task deleted since), and runs that followed their edges by trigger_name:
// finished, failed, rejected, trimmed by the history limit, and running ones the simulated agent moves on.
// Definitions exist in every world; runs only in `default`.

import type { MockDb } from '../db'
import { DEMO_CUSTOMER, HOST_IDS, objectId, TASK_IDS, USER_IDS, WORKFLOW_IDS } from '../ids'
import { buildJob, resolveArguments, type JobContext } from '../seed/jobs'
import { finishJob } from '../seed/outcomes'
import { createRng, iso, type Rng } from '../seed/random'
import { buildTask, scriptFile, selectArg } from '../seed/tasks'
import { resultUser, toOutputStrings, userFor } from '../seed/values'
import type { JobDoc, TaskDoc } from '../types'
import type { GraphJson, WorkflowDoc, WorkflowWithDoc } from '../workflow-engine'
import { DEMO_ACL, SEC } from './world'


export const WF_IDS = {
  releasePipeline: WORKFLOW_IDS.releasePipeline,
  refundRequest: '65f1c1002a9b4c0012ab3510',
  nightlySync: '65f1c1002a9b4c0012ab3520',
  legacyCleanup: '65f1c1002a9b4c0012ab3530',
} as const

export const WF_TASK_IDS = {
  announceRelease: '65f1c1102a9b4c0012ab3601',
  rollbackWeb: '65f1c1102a9b4c0012ab3602',
  validateRefund: '65f1c1102a9b4c0012ab3611',
  refundApproval: '65f1c1102a9b4c0012ab3612',
  issueRefund: '65f1c1102a9b4c0012ab3613',
  notifyRejection: '65f1c1102a9b4c0012ab3614',
  extractOrders: '65f1c1102a9b4c0012ab3621',
  reviewAnomalies: '65f1c1102a9b4c0012ab3622',
  waitReplica: '65f1c1102a9b4c0012ab3623',
  loadWarehouse: '65f1c1102a9b4c0012ab3624',
  pageDataOncall: '65f1c1102a9b4c0012ab3625',
  checkDisk: '65f1c1102a9b4c0012ab3631',
  cleanTmp: '65f1c1102a9b4c0012ab3632',
  /** in the legacy graph, but deleted since (not in the task list) */
  compressLogsDeleted: '65f1c1102a9b4c0012ab3633',
} as const

const RUN_SERIAL = 0xf10000
/** Well-known runs (WorkflowJob ids) for tests. */
export const WF_RUN_AGES = {
  // Finished runs are days old, so the newest page of the jobs list (100 jobs) stays what it was.
  refundApproved: 5 * 86400 + 2 * 3600,
  refundRejected: 5 * 86400,
  refundFailed: 4 * 86400 + 20 * 3600,
  refundTrimmed: 5 * 86400 + 6 * 3600,
  syncWaitingInput: 18 * 60,
  syncLoop: 5 * 86400 + 12 * 3600,
  syncReview: 4 * 86400 + 18 * 3600,
  syncRunning: 40,
  releaseDone: 5 * 86400 + 4 * 3600,
  legacyDone: 5 * 86400 + 16 * 3600,
} as const
export const WF_RUN_IDS = Object.fromEntries(
  Object.entries(WF_RUN_AGES).map(([k, age], i) => [k, objectId(-age, RUN_SERIAL + i * 16)]),
) as Record<keyof typeof WF_RUN_AGES, string>

function t(spec: Parameters<typeof buildTask>[0], workflowId: string): TaskDoc {
  const task = buildTask({ acl: DEMO_ACL, ...spec })
  task.workflow_id = workflowId
  return task
}

function workflowTasks(rng: Rng): TaskDoc[] {
  const secret = (id: string) => (id + id + id).slice(0, 64)
  const script = (id: string, name: string, hostId: string, workflowId: string, args: TaskDoc['task_arguments'] = []) =>
    t({ id, name, type: 'script', hostId, secret: secret(id), args, extra: { script: scriptFile(`${id.slice(0, 20)}9999`, `${name.toLowerCase().replace(/\W+/g, '-')}.sh`, rng) } }, workflowId)
  return [
    script(WF_TASK_IDS.announceRelease, 'Announce release', HOST_IDS.web01, WF_IDS.releasePipeline),
    script(WF_TASK_IDS.rollbackWeb, 'Roll back web', HOST_IDS.web01, WF_IDS.releasePipeline),
    script(WF_TASK_IDS.validateRefund, 'Validate refund', HOST_IDS.worker01, WF_IDS.refundRequest, [
      { id: 1, order: 0, type: 'input', label: 'request', required: true, help: 'e.g. R-1001' },
      { id: 2, order: 1, type: 'input', label: 'amount', required: true },
    ]),
    t(
      {
        id: WF_TASK_IDS.refundApproval,
        name: 'Refund approval',
        type: 'approval',
        secret: secret(WF_TASK_IDS.refundApproval),
        extra: { approvers: [USER_IDS.bob], success_label: 'Pay out', failure_label: 'Decline' },
      },
      WF_IDS.refundRequest,
    ),
    script(WF_TASK_IDS.issueRefund, 'Issue refund', HOST_IDS.worker01, WF_IDS.refundRequest),
    t({ id: WF_TASK_IDS.notifyRejection, name: 'Notify rejection', type: 'notification', secret: secret(WF_TASK_IDS.notifyRejection) }, WF_IDS.refundRequest),
    script(WF_TASK_IDS.extractOrders, 'Extract orders', HOST_IDS.worker01, WF_IDS.nightlySync),
    t(
      {
        id: WF_TASK_IDS.reviewAnomalies,
        name: 'Review anomalies',
        type: 'dummy',
        secret: secret(WF_TASK_IDS.reviewAnomalies),
        args: [selectArg(0, 'decision', [['load', 'Load anyway'], ['skip', 'Skip tonight']])],
        extra: { user_inputs: true },
      },
      WF_IDS.nightlySync,
    ),
    script(WF_TASK_IDS.waitReplica, 'Wait for replica', HOST_IDS.db01, WF_IDS.nightlySync),
    script(WF_TASK_IDS.loadWarehouse, 'Load warehouse', HOST_IDS.worker01, WF_IDS.nightlySync),
    t({ id: WF_TASK_IDS.pageDataOncall, name: 'Page data on-call', type: 'notification', secret: secret(WF_TASK_IDS.pageDataOncall) }, WF_IDS.nightlySync),
    script(WF_TASK_IDS.checkDisk, 'Check disk', HOST_IDS.web01, WF_IDS.legacyCleanup),
    script(WF_TASK_IDS.cleanTmp, 'Clean tmp', HOST_IDS.web01, WF_IDS.legacyCleanup),
  ]
}

const node = (task: { id: string; name: string; _type: string; type: string }) => ({
  v: task.id,
  value: { name: task.name, id: task.id, _type: task._type, type: task.type },
})
const START = { v: 'START_NODE', value: { id: 'START_NODE', name: 'Start', type: 'home', _type: 'home' } }

function graph(db: MockDb, taskIds: string[], edges: Array<[string, string, string]>, startId: string, extraNodes: GraphJson['nodes'] = []): GraphJson {
  return {
    options: { directed: true, multigraph: false, compound: false },
    nodes: [...taskIds.map((id) => node(db.getTask(id)!)), ...extraNodes, START],
    edges: [{ v: 'START_NODE', w: startId }, ...edges.map(([v, w, value]) => ({ v, w, value }))],
  }
}

function doc(id: string, name: string, g: GraphJson, startId: string, extra: Partial<WorkflowDoc> = {}): WorkflowDoc {
  return {
    id,
    _type: 'Workflow',
    name,
    description: '',
    tags: [],
    order: 0,
    enable: true,
    version: 2,
    graph: g,
    start_task_id: startId,
    start_task: startId,
    triggers: [],
    multitasking: true,
    customer_id: DEMO_CUSTOMER.id,
    acl: [...DEMO_ACL],
    assigned_users: [],
    user_inputs_members: [],
    empty_viewers: false,
    global_constants: {},
    autoremove_completed_jobs_limit: 5,
    stack_scheduled_executions: false,
    creation_date: '2024-03-01T10:00:00.000Z',
    last_update: '2024-03-10T10:00:00.000Z',
    ...extra,
  }
}

/** Tasks and workflow documents (every world). The existing "Release pipeline" gets its graph. */
export function seedWorkflowDefinitions(db: MockDb): void {
  // Its own random stream: the rest of the world stays exactly as it was without workflows.
  db.tasks.push(...workflowTasks(createRng(0x3f10)))
  const W = WF_TASK_IDS
  // The v2 graphs as data: [workflow, name, its tasks (the first one starts it), edges by trigger name].
  const v2: Array<[string, string, string[], Array<[string, string, string]>]> = [
    [
      WF_IDS.releasePipeline,
      'Release pipeline',
      [TASK_IDS.deployWeb, TASK_IDS.approveDeploy, W.announceRelease, W.rollbackWeb],
      [
        [TASK_IDS.deployWeb, TASK_IDS.approveDeploy, 'success'],
        [TASK_IDS.deployWeb, W.rollbackWeb, 'failure'],
        [TASK_IDS.approveDeploy, W.announceRelease, 'success'],
        [TASK_IDS.approveDeploy, W.rollbackWeb, 'failure'],
      ],
    ],
    [
      WF_IDS.refundRequest,
      'Refund request',
      [W.validateRefund, W.refundApproval, W.issueRefund, W.notifyRejection],
      [
        [W.validateRefund, W.refundApproval, 'success'],
        [W.validateRefund, W.notifyRejection, 'failure'],
        [W.refundApproval, W.issueRefund, 'success'],
        [W.refundApproval, W.notifyRejection, 'failure'],
      ],
    ],
    [
      WF_IDS.nightlySync,
      'Nightly data sync',
      [W.extractOrders, W.reviewAnomalies, W.waitReplica, W.loadWarehouse, W.pageDataOncall],
      [
        [W.extractOrders, W.waitReplica, 'success'],
        [W.extractOrders, W.reviewAnomalies, 'needs_review'],
        [W.reviewAnomalies, W.waitReplica, 'success'],
        [W.waitReplica, W.waitReplica, 'lagging'],
        [W.waitReplica, W.loadWarehouse, 'success'],
        [W.loadWarehouse, W.pageDataOncall, 'failure'],
      ],
    ],
  ]
  const [release, refund, sync] = v2.map(([id, name, taskIds, edges]) => doc(id, name, graph(db, taskIds, edges, taskIds[0]!), taskIds[0]!)) as [WorkflowDoc, WorkflowDoc, WorkflowDoc]
  // Legacy (version 1): task → event node → task, unlabelled edges; "Compress logs" was deleted since.
  const ev = (id: string, name: string, emitter: string) => ({ v: id, value: { id, name, _type: 'TaskEvent', emitter_id: emitter } })
  const legacyGraph: GraphJson = {
    options: { directed: true, multigraph: false, compound: false },
    nodes: [
      node(db.getTask(W.checkDisk)!),
      node(db.getTask(W.cleanTmp)!),
      { v: W.compressLogsDeleted, value: { id: W.compressLogsDeleted, name: 'Compress logs', _type: 'ScriptTask', type: 'script' } },
      ev('65f1c1202a9b4c0012ab3701', 'success', W.checkDisk),
      ev('65f1c1202a9b4c0012ab3702', 'failure', W.checkDisk),
      ev('65f1c1202a9b4c0012ab3703', 'success', W.cleanTmp),
    ],
    edges: [
      { v: W.checkDisk, w: '65f1c1202a9b4c0012ab3701' },
      { v: '65f1c1202a9b4c0012ab3701', w: W.cleanTmp },
      { v: W.checkDisk, w: '65f1c1202a9b4c0012ab3702' },
      { v: '65f1c1202a9b4c0012ab3702', w: TASK_IDS.notifyOncall },
      { v: W.cleanTmp, w: '65f1c1202a9b4c0012ab3703' },
      { v: '65f1c1202a9b4c0012ab3703', w: W.compressLogsDeleted },
    ],
  }
  legacyGraph.nodes.push(node(db.getTask(TASK_IDS.notifyOncall)!))
  const legacy = doc(WF_IDS.legacyCleanup, 'Disk cleanup (legacy)', legacyGraph, W.checkDisk, { version: undefined })
  delete legacy.version

  const defs = db.workflows as WorkflowWithDoc[]
  const existing = defs.find((w) => w.id === WF_IDS.releasePipeline)
  if (existing) existing.doc = release
  else defs.push({ id: release.id, name: release.name, customer_id: release.customer_id, steps: [], doc: release })
  for (const d of [refund, sync, legacy]) defs.push({ id: d.id, name: d.name, customer_id: d.customer_id, steps: [], doc: d })
}

/* ---------------- runs ---------------- */

interface StepSpec {
  task: string
  /** success | failure | a custom event; 'onhold' / 'ready' / 'assigned' leave the step in progress */
  outcome: string
  /** seconds the step took (agent time for scripts, the decision for approvals) */
  durSec?: number
  /** seconds queued before the agent took it */
  queueSec?: number
}

interface RunSpec {
  id: string
  workflowId: string
  name: string
  ageSec: number
  order: number
  user: string
  args: unknown[]
  steps: StepSpec[]
  /** step indexes (0-based) to leave out: trimmed by the server's history limit */
  trimmed?: number[]
}

function buildRun(db: MockDb, rng: Rng, now: number, spec: RunSpec): JobDoc[] {
  const user = db.getUser(spec.user)!
  const ctx: JobContext = { rng, customer: DEMO_CUSTOMER, user: userFor(user) }
  const created = now - spec.ageSec * SEC
  const run: JobDoc = {
    order: spec.order,
    enable: true,
    state: 'in_progress',
    assigned_users: [],
    user_inputs_members: [],
    acl: [...DEMO_ACL],
    empty_viewers: false,
    acl_dynamic: false,
    _id: spec.id,
    task_arguments_values: spec.args,
    show_result: false,
    user_inputs: false,
    cancellable: true,
    _type: 'WorkflowJob',
    creation_date: iso(created),
    last_update: iso(created),
    customer_id: DEMO_CUSTOMER.id,
    customer: DEMO_CUSTOMER.id,
    customer_name: DEMO_CUSTOMER.name,
    name: spec.name,
    lifecycle: 'started',
    origin: 'user',
    workflow_id: spec.workflowId,
    workflow: spec.workflowId,
    notify: true,
    user_id: user.id,
    allows_dynamic_settings: false,
    active_paths_counter: 1,
    secret: rng.hex(64),
    output: [],
    id: spec.id,
  }
  const jobs: JobDoc[] = [run]
  let at = created + 1 * SEC
  let input = spec.args
  let serial = 1
  let last: JobDoc | undefined
  spec.steps.forEach((step, i) => {
    const task = db.getTask(step.task)!
    const job = buildJob(ctx, task, {
      id: objectId(Math.floor((at - now) / SEC), Number.parseInt(spec.id.slice(-6), 16) + serial++),
      createdAt: at,
      args: i === 0 ? resolveArguments(task, input) : task.user_inputs ? [] : input,
      origin: i === 0 ? 'user' : 'workflow',
      workflow: { workflowId: spec.workflowId, workflowJobId: spec.id, order: spec.order },
    })
    job.acl = [...DEMO_ACL]
    const queue = (step.queueSec ?? 2) * SEC
    const dur = (step.durSec ?? 20) * SEC
    if (step.outcome === 'onhold') {
      job.lifecycle = 'onhold'
      job.last_update = iso(at)
    } else if (step.outcome === 'ready') {
      job.lifecycle = 'ready'
    } else if (step.outcome === 'assigned') {
      job.lifecycle = 'assigned'
      job.last_update = iso(at + queue)
    } else if (task.type === 'approval') {
      const approver = resultUser(db.getUser(USER_IDS.bob)!)
      const values = [...(job.task_arguments_values as unknown[]), approver]
      Object.assign(job, {
        task_arguments_values: values,
        lifecycle: 'finished',
        state: step.outcome,
        trigger_name: step.outcome,
        result: { user: approver, output: values },
        output: toOutputStrings(values),
        last_update: iso(at + dur),
      })
    } else {
      const custom = step.outcome !== 'success' && step.outcome !== 'failure'
      finishJob(job, rng, { success: step.outcome !== 'failure', durationMs: dur, createdAt: at, finishedAt: at + queue + dur })
      if (job.result && typeof job.result === 'object') (job.result as Record<string, unknown>).times = { seconds: Math.floor(dur / SEC), nanoseconds: 0 }
      if (task.type === 'notification' || (task.type === 'dummy' && !task.user_inputs)) job.last_update = iso(at)
      if (task.user_inputs) {
        job.user_inputs = true
        job.task_arguments_values = ['load']
        job.result = { output: ['load'] }
        job.output = toOutputStrings(['load'])
      }
      if (custom) {
        job.trigger_name = step.outcome
        const r = job.result as Record<string, unknown> | undefined
        if (r) r.lastline = JSON.stringify({ state: 'success', event_name: step.outcome, data: r.output ?? null })
      }
    }
    if (!spec.trimmed?.includes(i)) jobs.push(job)
    last = job
    input = Array.isArray(job.output) ? (job.output as unknown[]) : []
    at = Date.parse(String(job.last_update)) + 1 * SEC
  })
  if (last && ['finished', 'terminated', 'canceled'].includes(String(last.lifecycle))) {
    Object.assign(run, { lifecycle: last.lifecycle, state: last.state, trigger_name: last.trigger_name, active_paths_counter: 0, last_update: last.last_update })
  } else {
    run.last_update = last?.last_update ?? run.last_update
  }
  return jobs
}

/** The runs of the default world. */
export function seedWorkflowRuns(db: MockDb, now: number): JobDoc[] {
  const rng = createRng(0x3f11)
  const W = WF_TASK_IDS
  const A = WF_RUN_AGES
  const R = WF_RUN_IDS
  const refund = (id: string, ageSec: number, order: number, steps: StepSpec[], trimmed?: number[]) =>
    buildRun(db, rng, now, { id, workflowId: WF_IDS.refundRequest, name: 'Refund request', ageSec, order, user: USER_IDS.jane, args: ['R-1001', '150.00'], steps, trimmed })
  const sync = (id: string, ageSec: number, order: number, steps: StepSpec[]) =>
    buildRun(db, rng, now, { id, workflowId: WF_IDS.nightlySync, name: 'Nightly data sync', ageSec, order, user: USER_IDS.bob, args: [], steps })
  return [
    ...refund(R.refundTrimmed, A.refundTrimmed, 1, [
      { task: W.validateRefund, outcome: 'success' },
      { task: W.refundApproval, outcome: 'failure', durSec: 1800 },
      { task: W.notifyRejection, outcome: 'success' },
    ], [0]),
    ...refund(R.refundApproved, A.refundApproved, 2, [
      { task: W.validateRefund, outcome: 'success', durSec: 12 },
      { task: W.refundApproval, outcome: 'success', durSec: 3 * 3600 },
      { task: W.issueRefund, outcome: 'success', durSec: 40 },
    ]),
    ...refund(R.refundRejected, A.refundRejected, 3, [
      { task: W.validateRefund, outcome: 'success', durSec: 9 },
      { task: W.refundApproval, outcome: 'failure', durSec: 2400 },
      { task: W.notifyRejection, outcome: 'success' },
    ]),
    ...refund(R.refundFailed, A.refundFailed, 4, [
      { task: W.validateRefund, outcome: 'failure', durSec: 14 },
      { task: W.notifyRejection, outcome: 'success' },
    ]),
    ...sync(R.syncLoop, A.syncLoop, 1, [
      { task: W.extractOrders, outcome: 'success', durSec: 95 },
      { task: W.waitReplica, outcome: 'lagging', durSec: 30, queueSec: 400 },
      { task: W.waitReplica, outcome: 'lagging', durSec: 30, queueSec: 420 },
      { task: W.waitReplica, outcome: 'success', durSec: 25, queueSec: 380 },
      { task: W.loadWarehouse, outcome: 'success', durSec: 240 },
    ]),
    ...sync(R.syncReview, A.syncReview, 2, [
      { task: W.extractOrders, outcome: 'needs_review', durSec: 80 },
      { task: W.reviewAnomalies, outcome: 'success', durSec: 5400 },
      { task: W.waitReplica, outcome: 'success', durSec: 20, queueSec: 450 },
      { task: W.loadWarehouse, outcome: 'failure', durSec: 300 },
      { task: W.pageDataOncall, outcome: 'success' },
    ]),
    ...sync(R.syncWaitingInput, A.syncWaitingInput, 3, [
      { task: W.extractOrders, outcome: 'needs_review', durSec: 70 },
      { task: W.reviewAnomalies, outcome: 'onhold' },
    ]),
    ...sync(R.syncRunning, A.syncRunning, 4, [
      { task: W.extractOrders, outcome: 'success', durSec: 20 },
      { task: W.waitReplica, outcome: 'ready' },
    ]),
    ...buildRun(db, rng, now, {
      id: R.releaseDone,
      workflowId: WF_IDS.releasePipeline,
      name: 'Release pipeline',
      ageSec: A.releaseDone,
      order: 1,
      user: USER_IDS.bob,
      args: ['production', 'v1.8.2', '', ''],
      steps: [
        { task: TASK_IDS.deployWeb, outcome: 'success', durSec: 110 },
        { task: TASK_IDS.approveDeploy, outcome: 'success', durSec: 900 },
        { task: W.announceRelease, outcome: 'success', durSec: 5 },
      ],
    }),
    ...buildRun(db, rng, now, {
      id: R.legacyDone,
      workflowId: WF_IDS.legacyCleanup,
      name: 'Disk cleanup (legacy)',
      ageSec: A.legacyDone,
      order: 1,
      user: USER_IDS.jane,
      args: [],
      steps: [
        { task: W.checkDisk, outcome: 'success', durSec: 4 },
        { task: W.cleanTmp, outcome: 'success', durSec: 30 },
      ],
    }),
  ]
}
