// Job routes of the mock supervisor (theeye-api.md §6.1, numbers in comments refer to that table).

import { HttpResponse } from 'msw'
import type { FaultKind } from '../db'
import { buildJob } from '../seed/jobs'
import { cancelJob, finishJob } from '../seed/outcomes'
import { createRng, type Rng } from '../seed/random'
import { resultUser, toOutputStrings, userFor } from '../seed/values'
import { compileSort, compileWhere, parseLimit, QueryError, type QsObject } from '../query'
import { prepareTaskArgumentsValues, terminateBuild } from '../task-arguments'
import type { JobDoc, TaskDoc } from '../types'
import {
  authFailedBody,
  bodyField,
  empty,
  hang,
  internalError,
  isAdmin,
  send,
  sessionConflictBody,
  type Ctx,
  type Route,
} from './http'
import {
  afterCompletion,
  ALL_LIFECYCLES,
  aclFilter,
  callerUser,
  COMPLETED,
  dynamicArgs,
  ensureAllowed,
  finishApproval,
  listItem,
  withJob,
  loadTask,
  publish,
  rebuildJob,
  RUNNING,
  RUNNING_COUNT,
  taskOfJob,
  userById,
  validateArguments,
} from './job-ops'

// ---- list / query helpers -------------------------------------------------------------------------------------

function queryJobs(ctx: Ctx, base: (job: JobDoc) => boolean, q: QsObject): JobDoc[] {
  // router/db-filter.js forces where.customer_id and, for non-admins, replaces where.acl
  let rawWhere = q.where
  if (rawWhere && typeof rawWhere === 'object' && !Array.isArray(rawWhere)) {
    const { customer_id: _c, ...rest } = rawWhere
    if (!isAdmin(ctx.session)) delete rest.acl
    rawWhere = rest
  }
  const where = compileWhere(rawWhere)
  const acl = aclFilter(ctx)
  const customerId = ctx.customer!.id
  const out: JobDoc[] = []
  for (const job of ctx.db.jobs()) {
    if (job.customer_id !== customerId || !base(job) || !acl(job) || !where(job)) continue
    out.push(job)
  }
  const sort = compileSort(q.sort)
  if (sort) out.sort(sort)
  const limit = parseLimit(q.limit)
  if (limit !== null && limit !== 0) return out.slice(0, Math.abs(limit))
  return out
}

function whereName(q: QsObject): string | undefined {
  const w = q.where
  if (!w || typeof w !== 'object' || Array.isArray(w)) return undefined
  const name = (w as QsObject).name
  if (typeof name === 'string') return name
  if (name && typeof name === 'object' && !Array.isArray(name) && typeof (name as QsObject).$regex === 'string') return (name as QsObject).$regex as string
  return undefined
}

const FAULT_RESPONSES: Record<FaultKind, (ctx: Ctx) => Response | Promise<Response>> = {
  unauthorized: () => send(401, 'Unauthorized'),
  authFailed: () => send(401, authFailedBody()),
  sessionConflict: () => send(409, sessionConflictBody()),
  forbidden: () => send(403, 'forbidden'),
  notFoundObject: () => send(404, { statusCode: 404, message: 'job not found', errors: [] }),
  resourceNotFound: (ctx) => send(404, { code: 'ResourceNotFound', message: `${ctx.path} does not exist` }),
  serverError: () => internalError(),
  badGateway: () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
  hang: () => hang(),
  networkError: () => HttpResponse.error(),
}

// ---- create ---------------------------------------------------------------------------------------------------

const SETTABLE_LIFECYCLES = new Set(['onhold', 'syncing', 'locked'])

/** arguments-validation.js: where the argument array comes from. */
function extractArgs(ctx: Ctx): unknown[] {
  const fromBody = bodyField(ctx.body, 'task_arguments')
  if (Array.isArray(fromBody)) return fromBody
  const fromQuery = ctx.query.task_arguments
  if (Array.isArray(fromQuery)) return fromQuery
  if (Array.isArray(ctx.body)) return ctx.body
  // the whole body (or the whole query, access_token included) becomes argument 0
  if (ctx.body !== undefined) return [ctx.body]
  return [ctx.query]
}

function createJob(ctx: Ctx, task: TaskDoc, origin: 'user' | 'secret'): Response {
  const { db } = ctx
  const dyn = dynamicArgs(task)
  let provided: unknown[] = []
  if (dyn.length > 0) {
    provided = extractArgs(ctx)
    if (provided.length < dyn.length) {
      return send(400, {
        statusCode: 400,
        message: `Invalid Task Arguments. An array of length ${dyn.length} is required. Optionals must be null`,
      })
    }
  }
  const lifecycleParam = bodyField(ctx.body, 'lifecycle') ?? ctx.query.lifecycle
  let lifecycle: string | undefined
  if (lifecycleParam !== undefined) {
    if (typeof lifecycleParam !== 'string' || !ALL_LIFECYCLES.has(lifecycleParam)) return send(400, `Invalid lifecycle ${String(lifecycleParam)}`)
    if (SETTABLE_LIFECYCLES.has(lifecycleParam)) lifecycle = lifecycleParam
  }
  const customer = db.customerById(task.customer_id) ?? ctx.customer!
  const user = origin === 'user' && ctx.user ? userFor(ctx.user) : null
  const now = db.now()
  const id = db.newJobId(now)
  const job = buildJob({ rng: rngFor(db), customer, user }, task, { id, createdAt: now, origin, lifecycle })
  // Matched by order as the real factory does; a missing value builds the job terminated/error (200).
  const prepared = prepareTaskArgumentsValues(task, provided)
  const buildFailed = prepared.missing.length > 0 && task.type !== 'notification' && !(task.user_inputs && origin !== 'user')
  job.task_arguments_values = buildFailed ? provided : prepared.values
  if (job._type === 'ScriptJob' || job._type === 'NodejsJob') job.script_arguments = job.task_arguments_values

  if (buildFailed) {
    terminateBuild(job)
  } else if (task.user_inputs && origin !== 'user') {
    job.lifecycle = 'onhold'
    job.task_arguments_values = []
    job.user_inputs = true
  } else if (job._type === 'DummyJob' || job._type === 'NotificationJob') {
    finishJob(job, rngFor(db), { success: true, durationMs: 0, finishedAt: now })
  }
  db.insertJob(job)
  const waitResult = bodyField(ctx.body, 'wait_result') === true || ctx.query.wait_result === 'true'
  const payload = { ...publish(job), user: user ? { id: user.id, username: user.username, email: user.email } : {} }
  if (waitResult) {
    const location = origin === 'secret' ? `/job/${job.id}/secret/${String(job.secret)}/result?counter=0&limit=10&timeout=10` : `/job/${job.id}/result?counter=0&limit=10&timeout=10`
    return HttpResponse.json(payload as never, { status: 303, headers: { Location: location } })
  }
  return send(200, payload)
}

// runtime jobs need a PRNG for secrets and logs; one per db, seeded from the world's time
const rngs = new WeakMap<object, Rng>()
export function rngFor(db: Ctx['db']): Rng {
  let r = rngs.get(db)
  if (!r) {
    r = createRng(db.worldNow % 2147483647)
    rngs.set(db, r)
  }
  return r
}

// ---- routes ---------------------------------------------------------------------------------------------------

export const jobRoutes: Route[] = [
  // #4 GET /job/running
  {
    method: 'GET',
    path: '/job/running',
    auth: { credential: 'viewer', org: 'session' },
    handle: (ctx) => send(200, queryJobs(ctx, (j) => RUNNING.has(String(j.lifecycle)), ctx.query).map(publish)),
  },
  // #5 GET /job/running_count
  {
    method: 'GET',
    path: '/job/running_count',
    auth: { credential: 'viewer', org: 'session' },
    handle: (ctx) => {
      const jobs = queryJobs(ctx, (j) => RUNNING_COUNT.has(String(j.lifecycle)), {})
      const groups = new Map<string, { _id: { task: string | null; workflow: string | null }; count: number }>()
      for (const j of jobs) {
        const task = typeof j.task_id === 'string' ? j.task_id : null
        const workflow = typeof j.workflow_id === 'string' ? j.workflow_id : null
        const key = `${task}|${workflow}`
        const g = groups.get(key) ?? { _id: { task, workflow }, count: 0 }
        g.count++
        groups.set(key, g)
      }
      return send(200, [...groups.values()])
    },
  },
  // #7 participants
  {
    method: 'GET',
    path: '/job/:job/participants',
    auth: { credential: 'viewer', org: 'session' },
    handle: withJob((ctx, job) => {
      const { db } = ctx
      const acl = Array.isArray(job.acl) ? (job.acl as unknown[]) : []
      const assigned = Array.isArray(job.assigned_users) ? (job.assigned_users as unknown[]) : []
      // each user as the gateway's UiUser document (the real answer carries `_type: "UiUser"`)
      const uiUser = (u: { id: string; username: string; email: string } | undefined) => (u ? { _type: 'UiUser', ...u } : undefined)
      return send(200, {
        owner: uiUser(userById(db, job.user_id)),
        assignee: assigned.map((id) => uiUser(userById(db, id))).filter(Boolean),
        observers: db.users
          .filter((u) => acl.includes(u.email))
          .map((u) => uiUser({ id: u.id, username: u.username, email: u.email })),
      })
    }, { byCustomer: true }),
  },
  // #8 GET /job/:job/input
  {
    method: 'GET',
    path: '/job/:job/input',
    auth: { credential: 'viewer', org: 'session' },
    handle: withJob((ctx, job) => {
      if (ctx.query.include_definitions !== undefined) {
        const task = job.task as { task_arguments?: unknown } | undefined
        return send(200, { task_arguments_values: job.task_arguments_values, task: { task_arguments: task?.task_arguments ?? [] } })
      }
      return send(200, job.task_arguments_values ?? [])
    }, { byCustomer: true }),
  },
  // #9 GET /job/:job/output
  {
    method: 'GET',
    path: '/job/:job/output',
    auth: { credential: 'viewer', org: 'session' },
    handle: withJob((_ctx, job) => {
      return send(200, job.output ?? null)
    }, { byCustomer: true }),
  },
  // #11 POST /job
  createRoute('/job', 'session', taskInBody),
  // #12 POST /job/secret/:secret (no token)
  {
    method: 'POST',
    path: '/job/secret/:secret',
    handle: async (ctx) => {
      const name = bodyField(ctx.body, 'customer') ?? ctx.query.customer
      if (!name) return send(403, 'organization is required')
      const customer = typeof name === 'string' ? ctx.db.customerByName(name) : undefined
      if (!customer) return send(404, 'organization not found')
      ctx.customer = customer
      const task = loadTask(ctx, taskInBody(ctx))
      if (task instanceof Response) return task
      const secret = ctx.params.secret ?? ''
      if (secret.length !== 64 || secret !== task.secret) return send(403, 'invalid secret')
      return createJob(ctx, task, 'secret')
    },
  },
  // #10 POST /:customer/job (path ignored: session org)
  createRoute('/:customer/job', 'session', taskInBody),
  // #1 GET /:customer/job
  {
    method: 'GET',
    path: '/:customer/job',
    auth: { credential: 'viewer', org: 'path' },
    handle: async (ctx) => {
      const q = ctx.query
      if (ctx.session!.credential === 'agent') return agentQueue(ctx)
      if (q.include !== undefined) return internalError()
      if (ctx.db.listTriggers) {
        const name = whereName(q)
        if (name === '__fail__') return internalError()
        if (name === '__hang__') return hang()
      }
      try {
        return send(200, queryJobs(ctx, () => true, q).map(listItem))
      } catch (e) {
        if (e instanceof QueryError) return internalError()
        throw e
      }
    },
  },
  // #2 GET /:customer/job/:job
  {
    method: 'GET',
    path: '/:customer/job/:job',
    auth: { credential: 'viewer', org: 'path' },
    handle: (ctx) => {
      const fault = ctx.db.faults.get(ctx.params.job ?? '')
      return fault ? FAULT_RESPONSES[fault](ctx) : withJob((_ctx, job) => send(200, job))(ctx)
    },
  },
  // #3 PUT /:customer/job/:job (agent posts the result)
  {
    method: 'PUT',
    path: '/:customer/job/:job',
    auth: { credential: 'agent', exact: true, org: 'path' },
    handle: withJob(async (ctx, job) => {
      if (job.lifecycle !== 'assigned') return empty(200)
      const result = bodyField(ctx.body, 'result') as { state?: unknown; data?: Record<string, unknown> } | undefined
      agentFinish(ctx, job, result?.state, result?.data ?? {})
      return send(200, job)
    }),
  },
  // #13 lifecycle
  {
    method: 'GET',
    path: '/:customer/job/:job/lifecycle',
    auth: { credential: 'user', org: 'path' },
    handle: withJob(async (_ctx, job) => {
      return send(200, job.lifecycle ?? null)
    }),
  },
  // #14 cancel: always 204
  {
    method: 'PUT',
    path: '/:customer/job/:job/cancel',
    auth: { credential: 'viewer', org: 'path' },
    handle: withJob(async (ctx, job) => {
      const task = job.task as { cancellable?: unknown } | undefined
      if (ctx.db.cancelForbidden.has(job.id) || (!isAdmin(ctx.session) && task?.cancellable === false)) {
        return send(403, { statusCode: 403, message: 'Job is not cancellable' })
      }
      if (cancelJob(job, callerUser(ctx), ctx.db.now())) {
        ctx.db.updateJob(job)
        afterCompletion(ctx.db, job)
      }
      return empty(204)
    }),
  },
  // #15 / #16 approve, reject
  ...(['approve', 'reject'] as const).map(
    (action): Route => ({
      method: 'PUT',
      path: `/:customer/job/:job/${action}`,
      auth: { credential: 'viewer', org: 'path' },
      handle: withJob(async (ctx, job) => {
        if (job._type !== 'ApprovalJob') return send(400, 'unexpected job type. only Approvals')
        const approvers = Array.isArray(job.approvers) ? (job.approvers as unknown[]) : []
        if (!approvers.includes(ctx.user!.id)) return send(403, 'unauthorized approver')
        if (job.lifecycle !== 'onhold') return send(409, 'approval request no longer available')
        finishApproval(ctx.db, job, callerUser(ctx), action === 'approve')
        return empty(204)
      }),
    }),
  ),
  // #17 input
  {
    method: 'PUT',
    path: '/:customer/job/:job/input',
    auth: { credential: 'viewer', org: 'path' },
    handle: withJob(async (ctx, job) => {
      if (job._type !== 'DummyJob' && job._type !== 'ScriptJob') return send(400, 'job type not allowed. script and dummy')
      if (job._type === 'ScriptJob' && job.lifecycle !== 'onhold') return send(400, 'only on hold jobs allowed')
      const raw = bodyField(ctx.body, 'args')
      const args = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
      const task = taskOfJob(ctx.db, job)
      const errors = validateArguments(task, args)
      if (errors.length) return send(400, { statusCode: 400, message: 'InvalidTaskArguments', errors })
      const user = callerUser(ctx)
      if (job._type === 'ScriptJob') {
        rebuildJob(ctx.db, job, task, args, user)
      } else {
        ctx.db.updateJob(job, (j) => {
          j.task_arguments_values = args
          j.lifecycle = 'finished'
          j.state = 'success'
          j.trigger_name = 'success'
          j.result = { output: args }
          j.output = toOutputStrings(args)
        })
        afterCompletion(ctx.db, job)
      }
      return send(200, job)
    }),
  },
  // #18 restart
  {
    method: 'PUT',
    path: '/:customer/job/:job/restart',
    auth: { credential: 'user', org: 'path' },
    handle: withJob(async (ctx, job) => {
      if (!COMPLETED.has(String(job.lifecycle))) return send(400, 'Only completed jobs allowed')
      if (job._type !== 'ScriptJob' && job._type !== 'NodejsJob') return send(400, 'Only script tasks allowed')
      const task = taskOfJob(ctx.db, job)
      const raw = bodyField(ctx.body, 'task_arguments')
      const args = Array.isArray(raw) ? raw : []
      // every later error (too few arguments included) is a 500
      if (args.length < dynamicArgs(task).length) return internalError()
      // The supervisor resets these in memory and saves once, in the rebuild (core/service/job/index.js
      // restart → jobInputsReplenish → factory.js ScriptJob.rebuild), then sends one job-crud update with the job
      // queued again: the reset is part of that one save here too, or the socket would push a stale "finished" first.
      rebuildJob(ctx.db, job, task, args, callerUser(ctx), (j) => {
        j.trigger_name = null
        delete j.result
        j.output = {}
      })
      return send(200, job)
    }),
  },
  // #25 DELETE /:customer/task/:task/job (admin)
  {
    method: 'DELETE',
    path: '/:customer/task/:task/job',
    auth: { credential: 'admin', org: 'path' },
    handle: (ctx) => {
      const task = loadTask(ctx, ctx.params.task)
      if (task instanceof Response) return task
      if (task.customer_id !== ctx.customer!.id) return send(403, 'forbidden')
      const id = task.id
      const extra = ctx.query.lifecycle
      const lifecycles = new Set(COMPLETED)
      if (Array.isArray(extra)) for (const l of extra) if (typeof l === 'string') lifecycles.add(l)
      const deletedCount = ctx.db.removeJobs((j) => j.task_id === id && lifecycles.has(String(j.lifecycle)))
      return send(200, { deletedCount })
    },
  },
  // #26 POST /:customer/task/:task/job, #27 POST /task/:task/job
  createRoute('/:customer/task/:task/job', 'path', (ctx) => ctx.params.task),
  createRoute('/task/:task/job', 'session', (ctx) => ctx.params.task),
]

/** The task a create names in its body (or, failing that, its query string). */
function taskInBody(ctx: Ctx): unknown {
  return bodyField(ctx.body, 'task') ?? ctx.query.task
}

/** A create route (#10, #11, #26, #27): one handler, the task taken from the path, the body or the query. */
function createRoute(path: string, org: 'path' | 'session', taskOf: (ctx: Ctx) => unknown): Route {
  return { method: 'POST', path, auth: { credential: 'user', org }, handle: (ctx) => createFromCtx(ctx, taskOf(ctx)) }
}

async function createFromCtx(ctx: Ctx, taskId: unknown): Promise<Response> {
  const task = loadTask(ctx, taskId)
  if (task instanceof Response) return task
  if (!ensureAllowed(ctx, task)) return hang()
  return createJob(ctx, task, 'user')
}

/** finish() with an agent-reported result (core/service/job/index.js:347-420). */
export function agentFinish(ctx: Ctx, job: JobDoc, state: unknown, data: Record<string, unknown>): void {
  const user = ctx.user ? resultUser(ctx.user) : {}
  ctx.db.updateJob(job, (j) => {
    const killed = data.killed === true
    const task = job.task as { default_state_evaluation?: string } | undefined
    const finalState = killed ? 'timeout' : state === 'success' || state === 'failure' ? state : (task?.default_state_evaluation ?? 'success')
    j.result = { ...data, user }
    j.lifecycle = killed ? 'terminated' : 'finished'
    j.state = finalState
    j.output = toOutputStrings(data.output)
    let eventName: string | undefined
    if (typeof data.lastline === 'string') {
      try {
        const parsed = JSON.parse(data.lastline) as Record<string, unknown>
        if (parsed && typeof parsed === 'object') {
          if (parsed.components) j.components = parsed.components
          if (parsed.next) j.next = parsed.next
          if (typeof parsed.event_name === 'string') eventName = parsed.event_name
        }
      } catch {
        // plain-text last line
      }
    }
    j.trigger_name = eventName ?? finalState
  })
  afterCompletion(ctx.db, job)
}

/** An agent token on `GET /:customer/job?hostname=` gets the queue form and the next job is dispatched. */
function agentQueue(ctx: Ctx): Response {
  const hostname = typeof ctx.query.hostname === 'string' ? ctx.query.hostname : undefined
  const host = ctx.db.hosts.find((h) => h.hostname === hostname && h.customer_id === ctx.customer!.id)
  const next = host
    ? ctx.db.jobs().find((j) => j.lifecycle === 'ready' && j.host_id === host.id && j.customer_id === ctx.customer!.id)
    : undefined
  if (!next) return send(200, { jobs: [] })
  ctx.db.updateJob(next, (j) => {
    j.lifecycle = 'assigned'
  })
  return send(200, { jobs: [next] })
}
