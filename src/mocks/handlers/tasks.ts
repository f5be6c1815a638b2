// Task, host, workflow and health routes of the mock supervisor.

import { cancelJob } from '../seed/outcomes'
import { serialiseTask } from '../seed/tasks'
import { compileSort, parseLimit } from '../query'
import type { JobDoc, TaskDoc } from '../types'
import { send, type Ctx, type Route } from './http'
import { aclFilter, callerUser, listItem, loadTask, publish, visibleTo, withJob } from './job-ops'

/**
 * A task as the task GETs answer it: the serialised task plus what the real serializer adds
 * (core/service/task.js; seen on theeye-supervisor 4.15.3 through npm run test:real): `schedules`
 * (always, [] when none), `hostname` when the task has a host, and the script populated
 * ({_type, _id, id, filename}) with its `script_name`.
 */
function taskAnswer(ctx: Ctx, task: TaskDoc): Record<string, unknown> {
  const host = typeof task.host_id === 'string' ? ctx.db.hosts.find((h) => h.id === task.host_id) : undefined
  const script = task.script as { id?: unknown; filename?: unknown } | null | undefined
  const hasScript = !!script && typeof script === 'object' && typeof script.filename === 'string'
  return {
    ...serialiseTask(task),
    schedules: [],
    // populated here (the task GETs), a bare id in the snapshot a job embeds
    ...(hasScript ? { script: { _type: 'Script', _id: script.id, id: script.id, filename: script.filename }, script_name: script.filename } : {}),
    ...(host ? { hostname: host.hostname } : {}),
  }
}

export const taskRoutes: Route[] = [
  // GET /:customer/task: the organisation's tasks (the task secret is never serialised)
  {
    method: 'GET',
    path: '/:customer/task',
    auth: { credential: 'viewer', org: 'path' },
    handle: (ctx) => send(200, visibleTo(ctx, ctx.db.tasksOf(ctx.customer!.id)).map((t) => taskAnswer(ctx, t))),
  },
  {
    method: 'GET',
    path: '/:customer/task/:task',
    auth: { credential: 'viewer', org: 'path' },
    handle: (ctx) => {
      const task = loadTask(ctx, ctx.params.task)
      return task instanceof Response ? task : send(200, taskAnswer(ctx, task))
    },
  },
  // GET /:customer/host: [{id, hostname, ...}]
  {
    method: 'GET',
    path: '/:customer/host',
    auth: { credential: 'viewer', org: 'path' },
    handle: (ctx) =>
      send(
        200,
        ctx.db.hostsOf(ctx.customer!.id).map((h) => ({
          id: h.id,
          hostname: h.hostname,
          customer_id: h.customer_id,
          customer_name: ctx.customer!.name,
          enable: true,
          state: h.state,
        })),
      ),
  },
  // #31 GET /workflows/:workflow/job: WorkflowJobs and their task jobs; heavy fields excluded unless include
  {
    method: 'GET',
    path: '/workflows/:workflow/job',
    auth: { credential: 'viewer', org: 'session' },
    handle: (ctx) => {
      const wf = ctx.params.workflow
      const acl = aclFilter(ctx)
      let jobs: JobDoc[] = ctx.db.jobs().filter((j) => j.workflow_id === wf && j.customer_id === ctx.customer!.id && acl(j))
      const sort = compileSort(ctx.query.sort)
      if (sort) jobs = [...jobs].sort(sort)
      const limit = parseLimit(ctx.query.limit)
      if (limit) jobs = jobs.slice(0, Math.abs(limit))
      return send(200, ctx.query.include === undefined ? jobs.map(listItem) : jobs)
    },
  },
  // #32 GET /workflows/:workflow/job/:job
  {
    method: 'GET',
    path: '/workflows/:workflow/job/:job',
    auth: { credential: 'viewer', org: 'session' },
    handle: withJob((_ctx, job) => {
      return send(200, job)
    }, { byCustomer: true }),
  },
  // #33 GET /workflows/:workflow/job/:job/jobs: the task jobs of one execution, published
  {
    method: 'GET',
    path: '/workflows/:workflow/job/:job/jobs',
    auth: { credential: 'viewer', org: 'session' },
    handle: (ctx) => {
      const id = ctx.params.job
      const jobs = ctx.db
        .jobs()
        .filter((j) => j.workflow_job_id === id && j.customer_id === ctx.customer!.id)
        .sort((a, b) => Number(a.order) - Number(b.order))
      return send(200, jobs.map(publish))
    },
  },
  // #35 PUT /workflows/:workflow/job/:job/cancel (admin): cancels the newest running task job of the
  // execution and sets the WorkflowJob to terminated/canceled; 200 with an empty body, 500 if nothing runs.
  {
    method: 'PUT',
    path: '/workflows/:workflow/job/:job/cancel',
    auth: { credential: 'admin', org: 'session' },
    handle: withJob((ctx, run) => {
      const running = ctx.db
        .jobs()
        .filter((j) => j.workflow_job_id === run.id && ['ready', 'assigned', 'onhold'].includes(String(j.lifecycle)))
        .sort((a, b) => (a.id < b.id ? 1 : -1))
      const newest = running[0]
      if (!newest && !['ready', 'onhold', 'started'].includes(String(run.lifecycle))) return send(500, 'Internal Server Error')
      const user = callerUser(ctx)
      if (newest) ctx.db.updateJob(newest, (j) => void cancelJob(j, user, ctx.db.now()))
      ctx.db.updateJob(run, (w) => {
        w.lifecycle = 'terminated'
        w.state = 'canceled'
      })
      return new Response(null, { status: 200 })
    }, { byCustomer: true }),
  },
  // health (no auth)
  { method: 'GET', path: '/api', handle: () => send(200, 'Hello from TheEye supervisor (mock)') },
  { method: 'GET', path: '/api/status', handle: () => send(200, { status: 'ok', version: '4.15.3-mock' }) },
]
