import * as z from 'zod/mini'
import { parseTask, type Task } from './task'
import { describeValue, fromParser, isoDate, isRecord, orUndefined, parseFields } from './tolerant'

/* ---------------- enumerations (theeye-api.md §2): in ./lifecycle.ts, without zod ---------------- */

export {
  CANCELABLE_LIFECYCLES,
  FINISHED_LIFECYCLES,
  isFinished,
  isRunning,
  JOB_STATES,
  JOB_TYPES,
  LIFECYCLES,
  RUNNING_LIFECYCLES,
  type KnownJobType,
  type KnownLifecycle,
} from './lifecycle'
import { LIFECYCLES } from './lifecycle'

/* ---------------- result ---------------- */

export interface ResultUser {
  id?: string
  email?: string
  username?: string
}

export interface JobResult {
  code?: number | null
  log?: string
  lastline?: string
  signal?: string | null
  killed?: boolean
  times?: { seconds: number; nanoseconds?: number }
  output?: unknown
  user?: ResultUser
  message?: string
  expected?: string
  response?: { status_code?: number; body?: string | string[]; headers?: Record<string, string>; chunked?: boolean; message?: string }
  stdout?: string
  stderr?: string
  /** Everything else the server put there, unparsed. */
  extra: Record<string, unknown>
}

const resultUser = z.object({ id: z.optional(z.string()), email: z.optional(z.string()), username: z.optional(z.string()) })

/** A record whose values are shown as text: non-strings become JSON. */
const stringRecord = z.pipe(
  z.record(z.string(), z.unknown()),
  z.transform((h: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(h).map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v))])),
  ),
)

const resultShape = {
  code: z.nullable(z.number()),
  log: z.string(),
  lastline: z.string(),
  signal: z.nullable(z.string()),
  killed: z.boolean(),
  times: z.object({ seconds: z.number(), nanoseconds: z.optional(z.number()) }),
  output: z.unknown(),
  user: resultUser,
  message: z.string(),
  expected: z.string(),
  response: z.object({
    status_code: z.optional(z.number()),
    body: z.optional(z.union([z.string(), z.array(z.string())])),
    headers: z.optional(stringRecord),
    chunked: z.optional(z.boolean()),
    message: z.optional(z.string()),
  }),
  stdout: z.string(),
  stderr: z.string(),
}

function parseResult(raw: unknown, problems: string[]): JobResult | undefined {
  if (raw === undefined || raw === null) return undefined
  if (!isRecord(raw)) {
    problems.push(`result: ${describeValue(raw)} is not an object`)
    return undefined
  }
  const resultProblems: string[] = []
  const f = parseFields(resultShape, raw, resultProblems)
  problems.push(...resultProblems.map((p) => `result.${p}`))
  const extra = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in resultShape)))
  return { ...f, extra }
}

/* ---------------- output ---------------- */

/**
 * `output` is normally string[] where each element is JSON-encoded; a build error leaves a
 * JSON-quoted string; a restart leaves `{}`; empty reads as null. Decode to plain values.
 */
export function decodeOutput(raw: unknown, problems: string[]): unknown[] {
  if (raw === undefined || raw === null) return []
  let tooDeep = 0
  const decode = (s: unknown) => {
    if (typeof s !== 'string') return keepShallow(s)
    let value: unknown
    try {
      value = JSON.parse(s) as unknown
    } catch {
      return s
    }
    // A hostile 6,000-deep array would overflow the stack of whatever walks it next (the query
    // cache's structural sharing, rendering): it stays the text it was.
    if (nestsDeeperThan(value, MAX_OUTPUT_DEPTH)) {
      tooDeep++
      return s
    }
    return value
  }
  const keepShallow = (v: unknown) => {
    if (!nestsDeeperThan(v, MAX_OUTPUT_DEPTH)) return v
    tooDeep++
    return `(a value nested more than ${MAX_OUTPUT_DEPTH} levels deep, not shown)`
  }
  const note = (values: unknown[]) => {
    if (tooDeep) problems.push(`output: ${tooDeep} ${tooDeep === 1 ? 'value is' : 'values are'} nested more than ${MAX_OUTPUT_DEPTH} levels deep, shown as text`)
    return values
  }
  if (Array.isArray(raw)) return note(raw.map(decode))
  if (typeof raw === 'string') {
    const value = decode(raw)
    return note(Array.isArray(value) ? value : raw.trim() ? [value] : [])
  }
  if (isRecord(raw)) {
    if (Object.keys(raw).length === 0) return []
    problems.push('output: an object instead of a list')
    return note([keepShallow(raw)])
  }
  problems.push(`output: ${describeValue(raw)} is not a list`)
  return [raw]
}

/** Output values nested deeper than this are kept as text (or a note), never as structures. */
export const MAX_OUTPUT_DEPTH = 64

/** Whether a value nests deeper than `limit` (iterative: safe on any depth). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  let visited = 0
  while (stack.length) {
    const [v, depth] = stack.pop()!
    if (!v || typeof v !== 'object') continue
    if (depth >= limit) return true
    if (++visited > 200_000) return false
    for (const x of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) if (x && typeof x === 'object') stack.push([x, depth + 1])
  }
  return false
}

/* ---------------- job ---------------- */

export interface Job {
  id: string
  /** `_type`; 'Job' when absent */
  _type: string
  name?: string
  state?: string
  lifecycle?: string
  creation_date?: string
  last_update?: string
  order?: number
  origin?: string
  trigger_name?: string
  task_id?: string
  /** Embedded snapshot of the task (full document only). */
  task?: Task
  workflow_id?: string
  workflow_job_id?: string
  user_id?: string
  host_id?: string
  customer_name?: string
  timeout?: number
  cancellable?: boolean
  user_inputs?: boolean
  user_inputs_members?: string[]
  assigned_users?: string[]
  approvers?: string[]
  approvals_target?: string
  success_label?: string
  failure_label?: string
  cancel_label?: string
  ignore_label?: string
  acl?: string[]
  show_result?: boolean
  /** The job's input (full document only; list items lack it). */
  task_arguments_values?: unknown[]
  /** Decoded output parameters. */
  output: unknown[]
  /** Whether the document carried `output` at all (list items do not). */
  hasOutput: boolean
  result?: JobResult
  /** Environment: can hold passwords. Never rendered by default. */
  env?: Record<string, string>
  /** The job's own secret. Never rendered. */
  secret?: string
  components?: Record<string, unknown>
  active_paths_counter?: number
  /** Human-readable notes about fields that did not have the expected shape. */
  problems: string[]
}

const optionalString = orUndefined(z.string())

const jobShape = {
  _type: z.string(),
  name: z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
  state: z.string(),
  lifecycle: z.string(),
  creation_date: isoDate,
  last_update: isoDate,
  order: z.number(),
  origin: optionalString,
  trigger_name: optionalString,
  task_id: optionalString,
  workflow_id: optionalString,
  workflow_job_id: optionalString,
  user_id: optionalString,
  host_id: optionalString,
  customer_name: z.string(),
  timeout: orUndefined(z.number()),
  cancellable: z.boolean(),
  user_inputs: z.boolean(),
  user_inputs_members: z.array(z.string()),
  assigned_users: z.array(z.string()),
  approvers: z.array(z.string()),
  approvals_target: z.string(),
  success_label: z.string(),
  failure_label: z.string(),
  cancel_label: z.string(),
  ignore_label: z.string(),
  acl: z.array(z.string()),
  show_result: z.boolean(),
  task_arguments_values: z.array(z.unknown()),
  env: stringRecord,
  secret: z.string(),
  components: z.record(z.string(), z.unknown()),
  active_paths_counter: z.number(),
}

export type ParsedJob = { ok: true; job: Job } | { ok: false; malformed: MalformedJob }

/** A list item that could not become a job: shown as such, never fatal to the list. */
export interface MalformedJob {
  /** Best guess of an id, if any. */
  id?: string
  reason: string
  raw: unknown
}

export function parseJob(raw: unknown): ParsedJob {
  if (!isRecord(raw)) return { ok: false, malformed: { reason: `expected a job object, got ${describeValue(raw)}`, raw } }
  const id = typeof raw.id === 'string' && raw.id ? raw.id : typeof raw._id === 'string' && raw._id ? raw._id : undefined
  if (!id) return { ok: false, malformed: { reason: 'the job has no id', raw } }
  const problems: string[] = []
  const f = parseFields(jobShape, raw, problems)
  let task: Task | undefined
  if (isRecord(raw.task)) task = parseTask({ id: raw.task_id, ...raw.task }) ?? undefined
  if (task?.problems.length) problems.push(...task.problems.map((p) => `task.${p}`))
  const job: Job = {
    ...f,
    id,
    _type: f._type ?? 'Job',
    task,
    task_id: f.task_id ?? task?.id,
    output: decodeOutput(raw.output, problems),
    hasOutput: 'output' in raw,
    result: parseResult(raw.result, problems),
    problems,
  }
  if (!('name' in raw) || raw.name === null || raw.name === '') problems.push('name: missing')
  if (f.lifecycle && !(LIFECYCLES as readonly string[]).includes(f.lifecycle)) problems.push(`lifecycle: "${f.lifecycle}" is not a known lifecycle`)
  if (!('lifecycle' in raw)) problems.push('lifecycle: missing')
  return { ok: true, job }
}

export interface JobList {
  jobs: Job[]
  malformed: MalformedJob[]
  /** How many items the server sent (to know whether a page was full). */
  received: number
}

export function parseJobList(raw: unknown): JobList {
  if (!Array.isArray(raw)) {
    // An agent token gets `{jobs:[...]}`: accept it rather than fail.
    if (isRecord(raw) && Array.isArray(raw.jobs)) return parseJobList(raw.jobs)
    throw new TypeError('expected a list of jobs')
  }
  const jobs: Job[] = []
  const malformed: MalformedJob[] = []
  for (const item of raw) {
    const parsed = parseJob(item)
    if (parsed.ok) jobs.push(parsed.job)
    else malformed.push(parsed.malformed)
  }
  return { jobs, malformed, received: raw.length }
}

export { jobDisplayName } from './lifecycle'

/* ---------------- lifecycle endpoint ---------------- */

export interface LifecycleTransition {
  lifecycle: string
  date?: string
  state?: string
}

export interface LifecycleInfo {
  current: string
  /** Present when a server sends a history of transitions instead of a bare string. */
  transitions: LifecycleTransition[]
}

export function parseLifecycle(raw: unknown): LifecycleInfo {
  if (typeof raw === 'string') return { current: raw, transitions: [] }
  if (Array.isArray(raw)) {
    const transitions = raw.flatMap((t): LifecycleTransition[] => {
      if (typeof t === 'string') return [{ lifecycle: t }]
      if (isRecord(t)) {
        const lifecycle = t.lifecycle ?? t.name ?? t.to ?? t.value
        if (typeof lifecycle !== 'string') return []
        const date = t.date ?? t.timestamp ?? t.at ?? t.creation_date
        return [
          {
            lifecycle,
            date: typeof date === 'string' && Number.isFinite(Date.parse(date)) ? date : typeof date === 'number' ? new Date(date).toISOString() : undefined,
            state: typeof t.state === 'string' ? t.state : undefined,
          },
        ]
      }
      return []
    })
    const last = transitions.at(-1)
    if (!last) throw new TypeError('empty lifecycle history')
    return { current: last.lifecycle, transitions }
  }
  if (isRecord(raw) && typeof raw.lifecycle === 'string') return { current: raw.lifecycle, transitions: [] }
  throw new TypeError(`unexpected lifecycle answer: ${describeValue(raw)}`)
}

export const lifecycleSchema = fromParser(parseLifecycle)

export const jobSchema = fromParser((raw) => {
  const parsed = parseJob(raw)
  if (!parsed.ok) throw new TypeError(parsed.malformed.reason)
  return parsed.job
})

export const jobListSchema = fromParser(parseJobList)
