// Workflow definition routes of the mock supervisor (theeye-api-workflows-tasks-sockets.md § A.1) and #29.
// As on the real server: no `/:customer/` prefix (so `/:customer/workflows` is 404), `GET /workflows/:id` loads by id
// with no org filter, and `GET /workflows/:id/graph` always answers 400 "workflow is required".

import { startWorkflowRun, workflowDoc, workflowDocs, type WorkflowDoc } from '../workflow-engine'
import { hang, send, type Ctx, type Route } from './http'
import { callerUser, dynamicArgs, ensureAllowed, OBJECT_ID, publish, visibleTo } from './job-ops'

function serialise(doc: WorkflowDoc): Record<string, unknown> {
  const { secret: _secret, ...rest } = doc
  return rest
}

/** `:workflow` as the real routes resolve it: 400 for a malformed id, 404 when unknown (or, `byCustomer`, another org's). */
function loadWorkflow(ctx: Ctx, { byCustomer = false } = {}): WorkflowDoc | Response {
  const id = ctx.params.workflow ?? ''
  if (!OBJECT_ID.test(id)) return send(400, 'workflow id is invalid')
  const doc = workflowDoc(ctx.db, id)
  if (!doc || (byCustomer && doc.customer_id !== ctx.customer!.id)) return send(404, 'workflow not found')
  return doc
}

export const workflowRoutes: Route[] = [
  {
    method: 'GET',
    path: '/workflows',
    auth: { credential: 'viewer', org: 'session' },
    handle: (ctx) => send(200, visibleTo(ctx, workflowDocs(ctx.db).filter((w) => w.customer_id === ctx.customer!.id)).map(serialise)),
  },
  {
    method: 'GET',
    path: '/workflows/:workflow',
    auth: { credential: 'viewer', org: 'session' },
    handle: (ctx) => {
      const doc = loadWorkflow(ctx)
      if (doc instanceof Response) return doc
      if (!ensureAllowed(ctx, doc)) return hang()
      return send(200, serialise(doc))
    },
  },
  // The resolver reads param `workflow`, not `id`: always 400 unless ?workflow= is given.
  {
    method: 'GET',
    path: '/workflows/:id/graph',
    auth: { credential: 'viewer', org: 'path' },
    handle: (ctx) => {
      const id = typeof ctx.query.workflow === 'string' ? ctx.query.workflow : undefined
      const doc = id ? workflowDoc(ctx.db, id) : undefined
      if (!doc) return send(400, 'workflow is required')
      return send(200, doc.graph)
    },
  },
  // #29 POST /workflows/:workflow/job: arguments checked against the start task; a WorkflowJob, then its first step.
  {
    method: 'POST',
    path: '/workflows/:workflow/job',
    auth: { credential: 'user', org: 'session' },
    handle: (ctx) => {
      const doc = loadWorkflow(ctx, { byCustomer: true })
      if (doc instanceof Response) return doc
      const start = ctx.db.getTask(doc.start_task_id)
      if (!start) return send(400, { statusCode: 400, message: 'workflow start task not found' })
      const body = ctx.body && typeof ctx.body === 'object' ? (ctx.body as Record<string, unknown>) : {}
      const args = Array.isArray(body.task_arguments) ? body.task_arguments : Array.isArray(ctx.body) ? (ctx.body as unknown[]) : [body]
      const n = dynamicArgs(start).length
      if (n > 0 && args.length < n) {
        return send(400, { statusCode: 400, message: `Invalid Task Arguments. An array of length ${n} is required. Optionals must be null` })
      }
      const user = callerUser(ctx)
      const run = startWorkflowRun(ctx.db, doc, ctx.user ? { id: ctx.user.id, email: ctx.user.email, username: ctx.user.username } : null, n > 0 ? args : [])
      if (!run) return send(500, 'Internal Server Error')
      return send(200, { ...publish(run), user })
    },
  },
]
