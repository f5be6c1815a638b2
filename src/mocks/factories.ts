// Deterministic builders for tasks and jobs of every `_type`. Randomness comes only from a seeded PRNG (mulberry32)
// and time only from the `now` handed in, so the same scenario + now gives the same world.

import { AGENT_RESULT_USER, DEMO_CUSTOMER, objectId } from './ids'
import type { Customer, GatewayUser, JobDoc, ResultUser, TaskArgument, TaskDoc } from './types'

// ---------------------------------------------------------------------------------------------------------------
// PRNG

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Rng {
  next(): number
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  hex(length: number): string
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    hex: (length) => {
      let s = ''
      while (s.length < length) s += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0')
      return s.slice(0, length)
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// small helpers

export const iso = (ms: number): string => new Date(ms).toISOString()

export function resultUser(user: Pick<GatewayUser, 'email' | 'username' | 'id'>): ResultUser {
  return { email: user.email, id: user.id, username: user.username }
}

/** index.js parseOutputParameters: every element a string; non-strings JSON.stringify'd. */
export function toOutputStrings(value: unknown): string[] {
  if (value === undefined || value === null) return []
  const items = Array.isArray(value) ? value : [value]
  return items.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
}

export const ANSI = {
  reset: '\x1b[0m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
}

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

/** The task snapshot embedded in a job (task.toObject(): no secret, customer/host nulled). */
export function embedTask(task: TaskDoc): Record<string, unknown> {
  const { secret: _secret, ...rest } = task
  return rest
}

// Jobs of the same task share one embedded snapshot (tasks are not mutated in the mock); keeps `big` cheap.
const embedCache = new WeakMap<TaskDoc, Record<string, unknown>>()
function sharedEmbed(task: TaskDoc): Record<string, unknown> {
  let e = embedCache.get(task)
  if (!e) {
    e = embedTask(task)
    embedCache.set(task, e)
  }
  return e
}

/** A 64-hex job secret, cheap to make (the real one is an HMAC; only its shape matters here). */
function jobSecret(rng: Rng, id: string): string {
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

// ---------------------------------------------------------------------------------------------------------------
// results

interface LogRecipe {
  lines: (rng: Rng, args: unknown[]) => string[]
  output: (rng: Rng, args: unknown[]) => unknown
  failure: (rng: Rng) => string
}

const RECIPES: Record<string, LogRecipe> = {
  'Backup DB': {
    lines: (rng, args) => [
      `${ANSI.blue}[info]${ANSI.reset} connecting to ${String(args[0] ?? 'customers')}@db.internal`,
      `${ANSI.blue}[info]${ANSI.reset} dumping ${String(args[0] ?? 'customers')}... ${rng.int(10, 900)} tables`,
      `${ANSI.green}[ok]${ANSI.reset} compressed with gzip (${rng.int(2, 80)}%)`,
    ],
    output: (rng, args) => ({ file: `/backups/${String(args[0] ?? 'customers')}.sql.gz`, bytes: rng.int(100000, 90000000) }),
    failure: () => `${ANSI.red}[error]${ANSI.reset} pg_dump: connection refused`,
  },
  'Rotate logs': {
    lines: (rng) => [`rotating /var/log/app/*.log`, `${ANSI.green}[ok]${ANSI.reset} ${rng.int(1, 40)} files rotated`],
    output: (rng) => ({ rotated: rng.int(1, 40) }),
    failure: () => `${ANSI.red}[error]${ANSI.reset} permission denied: /var/log/app`,
  },
  'Sync inventory': {
    lines: (rng) => [
      `${ANSI.dim}fetching remote catalogue${ANSI.reset}`,
      `${ANSI.yellow}[warn]${ANSI.reset} ${rng.int(0, 5)} items without sku`,
      `${ANSI.green}[ok]${ANSI.reset} ${rng.int(100, 5000)} items synced`,
    ],
    output: (rng) => ({ synced: rng.int(100, 5000) }),
    failure: () => `${ANSI.red}[error]${ANSI.reset} upstream answered 503`,
  },
  'Deploy web': {
    lines: (rng, args) => [
      `${ANSI.bold}deploying to ${String(args[0] ?? 'staging')}${ANSI.reset}`,
      `building release ${rng.hex(7)}`,
      `${ANSI.green}✔${ANSI.reset} health check passed`,
    ],
    output: (rng) => ({ release: rng.hex(7) }),
    failure: () => `${ANSI.red}✖ health check failed after 3 attempts${ANSI.reset}`,
  },
  'Generate report': {
    lines: (rng) => [`> node report.js`, `rows: ${rng.int(100, 20000)}`, `${ANSI.green}report written${ANSI.reset}`],
    output: (rng) => ({ url: `https://reports.example.com/r/${rng.hex(10)}.pdf` }),
    failure: () => `TypeError: Cannot read properties of undefined (reading 'rows')\n    at main (report.js:42:17)`,
  },
}

const DEFAULT_RECIPE: LogRecipe = {
  lines: (rng) => [`starting`, `${ANSI.green}[ok]${ANSI.reset} done in ${rng.int(1, 90)}s`],
  output: (rng) => ({ ok: true, n: rng.int(1, 100) }),
  failure: () => `${ANSI.red}[error]${ANSI.reset} exit status 1`,
}

/**
 * Mark a job finished the way the agent + finish() would: result (log, lastline, times, output, user),
 * output strings, trigger_name, last_update = creation + duration.
 */
export function finishJob(
  job: JobDoc,
  rng: Rng,
  opts: { success: boolean; durationMs: number; finishedAt?: number; createdAt?: number },
): JobDoc {
  const created = opts.createdAt ?? Date.parse(String(job.creation_date))
  const finishedAt = opts.finishedAt ?? created + opts.durationMs
  const durationMs = opts.finishedAt !== undefined ? Math.max(0, opts.finishedAt - created) : opts.durationMs
  const state = opts.success ? 'success' : 'failure'
  const args = Array.isArray(job.task_arguments_values) ? job.task_arguments_values : []
  job.lifecycle = 'finished'
  job.state = state
  job.trigger_name = state
  job.last_update = iso(finishedAt)
  const times = { seconds: Math.floor(durationMs / 1000), nanoseconds: (durationMs % 1000) * 1e6 }
  if (job._type === 'ScriptJob' || job._type === 'NodejsJob') {
    const recipe = RECIPES[String(job.name)] ?? DEFAULT_RECIPE
    const out = opts.success ? recipe.output(rng, args) : { error: 'failed' }
    const lastline = JSON.stringify({ state, data: out })
    const lines = opts.success ? recipe.lines(rng, args) : [...recipe.lines(rng, args).slice(0, 1), recipe.failure(rng)]
    job.result = {
      code: opts.success ? 0 : 1,
      log: [...lines, lastline].join('\n') + '\n',
      lastline,
      signal: null,
      killed: false,
      times,
      output: out,
      user: AGENT_RESULT_USER,
    }
    job.output = toOutputStrings(out)
  } else if (job._type === 'ScraperJob') {
    const status = opts.success ? 200 : 503
    job.result = {
      message: opts.success ? 'pattern matched' : `unexpected status code ${status}`,
      expected: '200',
      output: { status_code: status },
      response: { status_code: status, body: opts.success ? '<html>…ok…</html>' : 'Service Unavailable', headers: { 'content-type': 'text/html' }, chunked: false },
      user: AGENT_RESULT_USER,
    }
    job.output = toOutputStrings({ status_code: status })
  } else if (job._type === 'DummyJob') {
    job.result = { output: args }
    job.output = toOutputStrings(args)
  } else if (job._type === 'NotificationJob') {
    delete job.result
    job.output = []
  }
  return job
}

/** Script finished by the supervisor watchdog or agent kill: terminated + timeout. */
export function timeoutJob(job: JobDoc, finishedAt: number): JobDoc {
  job.lifecycle = 'terminated'
  job.state = 'timeout'
  job.trigger_name = 'timeout'
  job.last_update = iso(finishedAt)
  const created = Date.parse(String(job.creation_date))
  const ms = Math.max(0, finishedAt - created)
  job.result = {
    code: null,
    log: `${ANSI.yellow}still working...${ANSI.reset}\n`,
    lastline: 'still working...',
    signal: 'SIGTERM',
    killed: true,
    times: { seconds: Math.floor(ms / 1000), nanoseconds: (ms % 1000) * 1e6 },
    user: AGENT_RESULT_USER,
  }
  job.output = []
  return job
}

/** cancel() effect (core/service/job/index.js:674-699). Returns false when the lifecycle cannot be cancelled. */
export function cancelJob(job: JobDoc, user: ResultUser, nowMs: number): boolean {
  const next = job.lifecycle === 'ready' || job.lifecycle === 'onhold' ? 'canceled' : job.lifecycle === 'assigned' ? 'terminated' : null
  if (!next) return false
  job.lifecycle = next
  job.state = 'canceled'
  job.trigger_name = 'canceled'
  job.result = { user, output: [user] }
  job.output = [JSON.stringify(user)]
  job.last_update = iso(nowMs)
  return true
}

export function userFor(u: GatewayUser): Pick<GatewayUser, 'id' | 'email' | 'username'> {
  return { id: u.id, email: u.email, username: u.username }
}

export { objectId }
