// Deterministic job builders for every job `_type`.

import { AGENT_RESULT_USER } from '../ids'
import type { Customer, GatewayUser, JobDoc, TaskDoc } from '../types'
import { iso, type Rng } from './random'
import { jobSecret, sharedEmbed, type TaskSpec } from './tasks'

// ---------------------------------------------------------------------------------------------------------------
// jobs

export interface JobContext {
  rng: Rng
  customer: Customer
  /** owner (user_id); null for secret / scheduler origins */
  user: Pick<GatewayUser, 'id' | 'email' | 'username'> | null
  apiUrl?: string
}

export interface JobOptions {
  id: string
  createdAt: number
  lifecycle?: string
  state?: string
  args?: unknown[]
  origin?: string
  hostId?: string | null
  workflow?: { workflowId: string; workflowJobId: string; order: number }
}

const JOB_CLASS: Record<TaskSpec['type'], string> = {
  script: 'ScriptJob',
  nodejs: 'NodejsJob',
  scraper: 'ScraperJob',
  approval: 'ApprovalJob',
  dummy: 'DummyJob',
  notification: 'NotificationJob',
}

/** Task argument values as the factory serialises them (legacy): fixed args take their value, others by index. */
export function resolveArguments(task: TaskDoc, provided: unknown[]): unknown[] {
  const out: unknown[] = []
  let i = 0
  for (const arg of [...task.task_arguments].sort((a, b) => a.order - b.order)) {
    if (arg.type === 'fixed') {
      out.push(arg.value ?? '')
      continue
    }
    let v = provided[i++]
    if (v && typeof v === 'object' && !Array.isArray(v) && 'value' in (v as object)) v = (v as { value: unknown }).value
    out.push(v === undefined || v === null ? v : typeof v === 'string' ? v : JSON.stringify(v))
  }
  return out
}

export function jobEnv(jobId: string, task: TaskDoc, ctx: JobContext, workflow?: JobOptions['workflow']): Record<string, string> {
  const user = ctx.user
    ? `{"email":${JSON.stringify(ctx.user.email)},"id":"${ctx.user.id}","username":${JSON.stringify(ctx.user.username)}}`
    : '{}'
  return {
    THEEYE_JOB: `{"id":"${jobId}","task_id":"${task.id}"}`,
    THEEYE_JOB_USER: user,
    THEEYE_JOB_WORKFLOW: workflow ? `{"id":"${workflow.workflowId}","job_id":"${workflow.workflowJobId}"}` : '{}',
    THEEYE_ORGANIZATION_NAME: `"${ctx.customer.name}"`,
    THEEYE_API_URL: JSON.stringify(ctx.apiUrl ?? 'https://supervisor.example.com'),
    ...((task.env as Record<string, string> | undefined) ?? {}),
  }
}

/** Base job document for a task, in creation state (lifecycle ready / onhold, state in_progress). */
export function buildJob(ctx: JobContext, task: TaskDoc, opts: JobOptions): JobDoc {
  const type = task.type as TaskSpec['type']
  const _type = JOB_CLASS[type] ?? 'Job'
  const created = iso(opts.createdAt)
  const values = opts.args ?? resolveArguments(task, [])
  const job: JobDoc = {
    order: opts.workflow?.order ?? 0,
    task_arguments_values: values,
    show_result: Boolean(task.show_result),
    assigned_users: [],
    user_inputs: Boolean(task.user_inputs),
    user_inputs_members: [],
    acl: [...((task.acl as string[] | undefined) ?? [])],
    empty_viewers: false,
    acl_dynamic: false,
    cancellable: true,
    _type,
    creation_date: created,
    last_update: created,
    customer_id: ctx.customer.id,
    customer: ctx.customer.id,
    customer_name: ctx.customer.name,
    name: task.name,
    state: opts.state ?? 'in_progress',
    lifecycle: opts.lifecycle ?? (type === 'approval' ? 'onhold' : 'ready'),
    secret: jobSecret(ctx.rng, opts.id),
    trigger_name: null,
    triggered_by: null,
    origin: opts.origin ?? (opts.workflow ? 'workflow' : 'user'),
    task_id: task.id,
    task: sharedEmbed(task),
    notify: true,
    allows_dynamic_settings: false,
    output: [],
    id: opts.id,
  }
  if (ctx.user) job.user_id = ctx.user.id
  if (opts.workflow) {
    job.workflow_id = opts.workflow.workflowId
    job.workflow = opts.workflow.workflowId
    job.workflow_job_id = opts.workflow.workflowJobId
    job.workflow_job = opts.workflow.workflowJobId
  }
  const hostId = opts.hostId === undefined ? (task.host_id as string | undefined) : opts.hostId
  if (hostId && (type === 'script' || type === 'nodejs' || type === 'scraper')) {
    job.host_id = hostId
    job.host = hostId
  }
  if (type === 'script' || type === 'nodejs') {
    job.script_arguments = values
    job.agent_logging = false
    job.script_id = task.script_id
    job.script_runas = task.script_runas
    job.script = task.script
    job.env = jobEnv(opts.id, task, ctx, opts.workflow)
    job.timeout = task.timeout
  }
  if (type === 'scraper') {
    job.timeout = task.timeout
    job.register_body = false
  }
  if (type === 'approval') {
    const target = (task.approvals_target as string | undefined) ?? 'fixed'
    job.approvals_target = target
    job.approvers =
      target === 'initiator' ? (ctx.user ? [ctx.user.id] : []) : target === 'assignees' ? [] : [...((task.approvers as string[]) ?? [])]
    job.success_label = task.success_label
    job.failure_label = task.failure_label
    job.cancel_label = task.cancel_label
    job.ignore_label = task.ignore_label
  }
  return job
}

export function buildWorkflowJob(
  ctx: JobContext,
  opts: { id: string; workflowId: string; name: string; createdAt: number; lifecycle: string; state?: string; args?: unknown[] },
): JobDoc {
  const created = iso(opts.createdAt)
  return {
    order: 0,
    enable: true,
    state: opts.state ?? 'in_progress',
    assigned_users: [],
    user_inputs_members: [],
    acl: ctx.user ? [ctx.user.email] : [],
    empty_viewers: false,
    acl_dynamic: false,
    _id: opts.id,
    task_arguments_values: opts.args ?? [],
    show_result: false,
    user_inputs: false,
    cancellable: true,
    _type: 'WorkflowJob',
    creation_date: created,
    last_update: created,
    customer_id: ctx.customer.id,
    customer: ctx.customer.id,
    customer_name: ctx.customer.name,
    name: opts.name,
    lifecycle: opts.lifecycle,
    origin: 'user',
    workflow_id: opts.workflowId,
    workflow: opts.workflowId,
    notify: true,
    ...(ctx.user ? { user_id: ctx.user.id } : {}),
    allows_dynamic_settings: false,
    active_paths_counter: 1,
    secret: ctx.rng.hex(64),
    output: [],
    id: opts.id,
  }
}

export function buildAgentUpdateJob(ctx: JobContext, opts: { id: string; createdAt: number; hostId: string; finished: boolean }): JobDoc {
  const created = iso(opts.createdAt)
  const job: JobDoc = {
    order: 0,
    task_arguments_values: [],
    show_result: false,
    assigned_users: [],
    user_inputs: false,
    user_inputs_members: [],
    acl: [],
    empty_viewers: false,
    acl_dynamic: false,
    cancellable: true,
    _type: 'AgentUpdateJob',
    creation_date: created,
    last_update: created,
    customer_id: ctx.customer.id,
    customer: ctx.customer.id,
    customer_name: ctx.customer.name,
    name: 'agent:config:update',
    state: 'in_progress',
    lifecycle: 'ready',
    secret: ctx.rng.hex(64),
    notify: false,
    host_id: opts.hostId,
    host: opts.hostId,
    output: [],
    id: opts.id,
  }
  if (opts.finished) {
    const finishedAt = opts.createdAt + ctx.rng.int(800, 4000)
    Object.assign(job, {
      lifecycle: 'finished',
      state: 'success',
      trigger_name: 'success',
      last_update: iso(finishedAt),
      result: { user: AGENT_RESULT_USER },
    })
  }
  return job
}
