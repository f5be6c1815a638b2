// Deterministic task builders for every task `_type`, and the task as embedded in a job.

import { DEMO_CUSTOMER } from '../ids'
import type { Customer, TaskArgument, TaskDoc } from '../types'
import { type Rng } from './random'

// ---------------------------------------------------------------------------------------------------------------
// tasks

export interface TaskSpec {
  id: string
  name: string
  type: 'script' | 'nodejs' | 'scraper' | 'approval' | 'dummy' | 'notification'
  customer?: Customer
  args?: TaskArgument[]
  extra?: Record<string, unknown>
  acl?: string[]
  hostId?: string
  secret: string
}

const TASK_CLASS: Record<TaskSpec['type'], string> = {
  script: 'ScriptTask',
  nodejs: 'NodejsTask',
  scraper: 'ScraperTask',
  approval: 'ApprovalTask',
  dummy: 'DummyTask',
  notification: 'NotificationTask',
}

export function buildTask(spec: TaskSpec): TaskDoc {
  const customer = spec.customer ?? DEMO_CUSTOMER
  const base: TaskDoc = {
    id: spec.id,
    _type: TASK_CLASS[spec.type],
    type: spec.type,
    name: spec.name,
    order: 0,
    enable: true,
    public: false,
    tags: [],
    description: '',
    grace_time: 0,
    task_arguments: spec.args ?? [],
    arguments_type: 'legacy',
    output_parameters: [],
    multitasking: true,
    show_result: false,
    cancellable: true,
    assigned_users: [],
    user_inputs: false,
    user_inputs_members: [],
    acl: spec.acl ?? [],
    empty_viewers: false,
    allows_dynamic_settings: false,
    execution_count: 0,
    autoremove_completed_jobs_limit: 5,
    version: 2,
    fingerprint: spec.secret.slice(0, 40),
    stack_scheduled_executions: false,
    customer_id: customer.id,
    customer: null,
    host: null,
    secret: spec.secret,
  }
  if (spec.hostId) base.host_id = spec.hostId
  if (spec.type === 'approval') {
    Object.assign(base, {
      approvals_target: 'fixed',
      approvers: [],
      success_label: 'Approve',
      failure_label: 'Reject',
      cancel_label: 'Cancel',
      ignore_label: 'Ignore',
      success_enabled: true,
      failure_enabled: true,
      cancel_enabled: false,
      ignore_enabled: false,
    })
  }
  if (spec.type === 'script' || spec.type === 'nodejs') {
    Object.assign(base, { timeout: 600000, agent_logging: false, env: {}, script_runas: spec.type === 'nodejs' ? 'node %script%' : 'bash %script%' })
  }
  if (spec.type === 'scraper') {
    Object.assign(base, { timeout: 15000, url: 'https://www.example.com/', method: 'GET', status_code: '200', pattern: '', register_body: false })
  }
  Object.assign(base, spec.extra ?? {})
  return base
}

/**
 * The task snapshot embedded in a job (task.toObject(): no secret, customer/host nulled). The
 * script is a reference there: its id, not the script document (as the real GET job answers).
 */
export function embedTask(task: TaskDoc): Record<string, unknown> {
  const { secret: _secret, ...rest } = task
  const script = rest.script as { id?: unknown } | null | undefined
  if (script && typeof script === 'object' && typeof script.id === 'string') rest.script = script.id
  return rest
}

// Jobs of the same task share one embedded snapshot (tasks are not mutated in the mock); keeps `big` cheap.
const embedCache = new WeakMap<TaskDoc, Record<string, unknown>>()
export function sharedEmbed(task: TaskDoc): Record<string, unknown> {
  let e = embedCache.get(task)
  if (!e) {
    e = embedTask(task)
    embedCache.set(task, e)
  }
  return e
}

/** A 64-hex job secret, cheap to make (the real one is an HMAC; only its shape matters here). */
export function jobSecret(rng: Rng, id: string): string {
  return (rng.hex(16) + id + id).slice(0, 64)
}

/** The task as `GET /:customer/task` serialises it (same as embedded). */
export const serialiseTask = embedTask

/** The `task` of publish(): {id,_type,type,approvers,task_arguments,output_parameters}. */
export function publishedTask(task: unknown): unknown {
  if (!task || typeof task !== 'object') return task
  const t = task as Record<string, unknown>
  return {
    id: t.id,
    _type: t._type,
    type: t.type,
    approvers: t.approvers,
    task_arguments: t.task_arguments,
    output_parameters: t.output_parameters,
  }
}

/**
 * A select argument at `order` (its id is order + 1, as in every seeded task). An option is
 * `[id, label]`, or one string when both are the same.
 */
export function selectArg(order: number, label: string, options: Array<string | [string, string]>): TaskArgument {
  return {
    id: order + 1,
    order,
    type: 'select',
    label,
    required: true,
    options: options.map((o) => (typeof o === 'string' ? { id: o, label: o } : { id: o[0], label: o[1] })),
  }
}

export function scriptFile(id: string, filename: string, rng: Rng): Record<string, unknown> {
  const ext = filename.split('.').pop() ?? 'sh'
  return {
    id,
    _type: 'Script',
    filename,
    extension: ext,
    mimetype: ext === 'js' ? 'application/javascript' : 'text/x-sh',
    size: rng.int(300, 9000),
    md5: rng.hex(32),
    keyname: `${filename}[ts:${1700000000000 + rng.int(0, 1e9)}]`,
    description: '',
  }
}
