// Shared job operations of the mock supervisor: entity loading with the real error shapes, ACL checks,
// serialisation (list strip, publish), argument validation and the lifecycle effects.

import type { MockDb } from '../db'
import { resolveArguments } from '../seed/jobs'
import { decideApproval } from '../seed/outcomes'
import { iso } from '../seed/random'
import { embedTask, publishedTask } from '../seed/tasks'
import { resultUser } from '../seed/values'
import type { GatewayUser, JobDoc, TaskArgument, TaskDoc } from '../types'
import { advanceWorkflow } from '../workflow-engine'
import { hang, isAdmin, send, type Ctx } from './http'

export const OBJECT_ID = /^[a-f0-9]{24}$/i

export const COMPLETED = new Set(['finished', 'terminated', 'canceled', 'expired', 'completed'])
export const RUNNING = new Set(['started', 'ready', 'assigned', 'onhold', 'syncing', 'locked'])
export const RUNNING_COUNT = new Set(['ready', 'assigned', 'onhold', 'syncing', 'locked'])
export const ALL_LIFECYCLES = new Set([...RUNNING, ...COMPLETED])

const LIST_EXCLUDED = ['task_arguments_values', 'script_arguments', 'output', 'result', 'task', 'script', 'env'] as const

/** `GET /:customer/job` items: full documents minus the heavy fields. */
export function listItem(job: JobDoc): JobDoc {
  const out: JobDoc = { ...job }
  for (const k of LIST_EXCLUDED) delete out[k]
  return out
}

/** job.publish() for non-agent scope. */
export function publish(job: JobDoc): JobDoc {
  const out: JobDoc = { ...job }
  delete out.script
  delete out.script_arguments
  delete out.customer
  if ('task' in out) out.task = publishedTask(out.task)
  return out
}

/** Permissions of a caller: role name, email (core/lib/acl.js). */
function perms(ctx: Ctx): string[] {
  return [ctx.session!.credential, ctx.user?.email ?? ''].filter(Boolean)
}

/** dbFilter ACL: non-admins only see documents whose acl contains their role, email or tags (case-insensitive). */
type WithAcl = { acl?: unknown; [key: string]: unknown }

export function aclFilter(ctx: Ctx): (doc: WithAcl) => boolean {
  if (isAdmin(ctx.session)) return () => true
  const mine = perms(ctx).map((p) => p.toLowerCase())
  return (doc) => Array.isArray(doc.acl) && doc.acl.some((a) => typeof a === 'string' && mine.includes(a.toLowerCase()))
}

/** The documents the caller may see (a list route's ACL filter). */
export function visibleTo<T extends WithAcl>(ctx: Ctx, docs: readonly T[]): T[] {
  return docs.filter(aclFilter(ctx))
}

/**
 * ACL.ensureAllowed as the real (inverted) code behaves: allowed when the acl is non-empty and at least one of the
 * caller's permissions is missing from it. Otherwise the request hangs (unhandled rejection, no response).
 */
export function ensureAllowed(ctx: Ctx, model: WithAcl): boolean {
  if (isAdmin(ctx.session)) return true
  const acl = Array.isArray(model.acl) ? model.acl : []
  if (acl.length === 0) return false
  return perms(ctx).some((p) => !acl.includes(p))
}

/** router.resolve.idToEntity({param:'job'}) + ensureAllowed. Returns the job or the response to send. */
export async function loadJob(ctx: Ctx, param = 'job'): Promise<JobDoc | Response> {
  const id = ctx.params[param]
  if (!id) return send(400, `${param} is required`)
  if (!OBJECT_ID.test(id)) return send(400, `${param} id is invalid`)
  const job = ctx.db.getJob(id)
  if (!job) return send(404, `${param} not found`)
  if (!ensureAllowed(ctx, job)) return hang()
  return job
}

/** router.resolve.idToEntityByCustomer({param:'job'}): object error bodies, org filter, no ACL check. */
export function loadJobByCustomer(ctx: Ctx, param = 'job'): JobDoc | Response {
  const id = ctx.params[param]
  if (!id) return send(400, { statusCode: 400, message: `${param} is required` })
  if (!OBJECT_ID.test(id)) return send(400, { statusCode: 400, message: `${param} invalid value` })
  const job = ctx.db.getJob(id)
  if (!job || job.customer_id !== ctx.customer?.id) return send(404, { statusCode: 404, message: `${param} not found` })
  return job
}

/**
 * A route on one job: resolves `:job` as the real route does (`idToEntity` + ACL check, or by customer with object
 * error bodies), answers the lookup's error itself, and hands the job to the handler.
 */
export function withJob(
  handle: (ctx: Ctx, job: JobDoc) => Response | Promise<Response>,
  opts: { byCustomer?: boolean } = {},
): (ctx: Ctx) => Promise<Response> {
  return async (ctx) => {
    const job = opts.byCustomer ? loadJobByCustomer(ctx) : await loadJob(ctx)
    return job instanceof Response ? job : handle(ctx, job)
  }
}

export function loadTask(ctx: Ctx, id: unknown): TaskDoc | Response {
  if (id === undefined || id === null || id === '') return send(400, 'task is required')
  if (typeof id !== 'string' || !OBJECT_ID.test(id)) return send(400, 'task id is invalid')
  const task = ctx.db.getTask(id)
  if (!task) return send(404, 'task not found')
  return task
}

export const callerUser = (ctx: Ctx) => resultUser(ctx.user as GatewayUser)

/** The task definition for a job: the live task (re-read like the factory does) or the embedded snapshot. */
export function taskOfJob(db: MockDb, job: JobDoc): TaskDoc | undefined {
  const live = typeof job.task_id === 'string' ? db.getTask(job.task_id) : undefined
  if (live) return live
  if (job.task && typeof job.task === 'object') return job.task as TaskDoc
  return undefined
}

export function dynamicArgs(task: TaskDoc | undefined): TaskArgument[] {
  const args = Array.isArray(task?.task_arguments) ? task.task_arguments : []
  return [...args].filter((a) => a.type !== 'fixed').sort((a, b) => a.order - b.order)
}

export interface ArgError {
  field: string
  code: 'EREQ' | 'EVALID'
  message: string
  value?: unknown
}

/** Per-argument validation used by `PUT …/input`: required, charsmin, charsmax, pattern, select options. */
export function validateArguments(task: TaskDoc | undefined, values: unknown[]): ArgError[] {
  const errors: ArgError[] = []
  dynamicArgs(task).forEach((arg, i) => {
    const raw = values[i]
    const v = raw && typeof raw === 'object' && 'value' in (raw as object) ? (raw as { value: unknown }).value : raw
    const missing = v === undefined || v === null || v === ''
    if (missing) {
      if (arg.required) errors.push({ field: arg.label, code: 'EREQ', message: `${arg.label} is required` })
      return
    }
    const s = typeof v === 'string' ? v : JSON.stringify(v)
    if (arg.type === 'input' || arg.type === 'date') {
      if (typeof arg.charsmin === 'number' && arg.charsmin > 0 && s.length < arg.charsmin)
        errors.push({ field: arg.label, code: 'EVALID', message: `${arg.label} must have at least ${arg.charsmin} characters`, value: v })
      else if (typeof arg.charsmax === 'number' && arg.charsmax > 0 && s.length > arg.charsmax)
        errors.push({ field: arg.label, code: 'EVALID', message: `${arg.label} must have at most ${arg.charsmax} characters`, value: v })
      else if (arg.pattern) {
        let ok: boolean
        try {
          ok = new RegExp(arg.pattern).test(s)
        } catch {
          ok = true // an invalid pattern in the task definition does not block input
        }
        if (!ok) errors.push({ field: arg.label, code: 'EVALID', message: `${arg.label} does not match the pattern ${arg.pattern}`, value: v })
      }
      if (arg.type === 'date' && Number.isNaN(Date.parse(s)))
        errors.push({ field: arg.label, code: 'EVALID', message: `${arg.label} is not a valid date`, value: v })
    } else if (arg.type === 'select' && Array.isArray(arg.options) && arg.options.length > 0) {
      const allowed = arg.options.flatMap((o) => (o && typeof o === 'object' ? [String((o as { id?: unknown }).id), String((o as { label?: unknown }).label)] : [String(o)]))
      if (!allowed.includes(s)) errors.push({ field: arg.label, code: 'EVALID', message: `${arg.label} must be one of the options`, value: v })
    }
  })
  return errors
}

/** approve/reject through the db (so watchers see it), then the workflow bookkeeping. */
export function finishApproval(db: MockDb, job: JobDoc, user: ReturnType<typeof resultUser>, approve: boolean): void {
  db.updateJob(job, (j) => decideApproval(j, user, approve))
  afterCompletion(db, job)
}

/**
 * Workflow bookkeeping: a completed task job of a workflow run moves the run along its graph (successors by
 * trigger_name) or ends it (workflow-engine.ts).
 */
export function afterCompletion(db: MockDb, job: JobDoc): void {
  advanceWorkflow(db, job)
}

/**
 * The factory rebuild used by input and restart: re-read task, set arguments, env user, back to ready.
 */
export function rebuildJob(
  db: MockDb,
  job: JobDoc,
  task: TaskDoc | undefined,
  args: unknown[],
  user: ReturnType<typeof resultUser>,
  /** What the caller changes before the rebuild, in the same save (restart's reset): one save, one event. */
  reset?: (job: JobDoc) => void,
): void {
  db.updateJob(job, (j) => {
    reset?.(j)
    const values = task ? resolveArguments(task, args) : args
    j.task_arguments_values = values
    if (j._type === 'ScriptJob' || j._type === 'NodejsJob') j.script_arguments = values
    if (task && db.getTask(task.id)) j.task = embedTask(task)
    const env = j.env && typeof j.env === 'object' ? (j.env as Record<string, string>) : {}
    j.env = { ...env, THEEYE_JOB_USER: JSON.stringify(user) }
    j.lifecycle = 'ready'
    j.state = 'in_progress'
  })
}

export function userById(db: MockDb, id: unknown): { id: string; username: string; email: string } | undefined {
  const u = typeof id === 'string' ? db.getUser(id) : undefined
  return u ? { id: u.id, username: u.username, email: u.email } : undefined
}

export { iso }
