import * as z from 'zod/mini'
import { currentCustomer, request, type Call } from './client'
import { ApiError } from './errors'
import { jobListQueryParams, type JobListQuery } from './job-list-query'
import { jobListSchema, jobSchema, lifecycleSchema, type Job, type JobList, type JobResult } from './schemas/job'
import { parseTask, type Task } from './schemas/task'
import { fromParser, isRecord } from './schemas/tolerant'

/**
 * Every jobs endpoint of the seed page, spoken the way the real supervisor understands it
 * (theeye-api.md): per-job actions on `/:customer/job/:id/...` (the `/job/:id/...` forms 404),
 * no `include` on the list (500), cursor paging on `_id` (there is no skip).
 */

/* ---------------- reads ---------------- */

export { DEFAULT_PAGE_SIZE, jobListQueryParams, type JobListQuery } from './job-list-query'

export function listJobs(q: JobListQuery, { signal }: Call = {}): Promise<JobList> {
  return request({ path: [currentCustomer(), 'job'], query: jobListQueryParams(q), signal, schema: jobListSchema })
}

export function getJob(id: string, { signal }: Call = {}): Promise<Job> {
  return request({ path: [currentCustomer(), 'job', id], signal, schema: jobSchema })
}

/** Current lifecycle: a bare JSON string on the real server; a list of transitions is accepted too. */
export function getJobLifecycle(id: string, { signal }: Call = {}) {
  return request({ path: [currentCustomer(), 'job', id, 'lifecycle'], signal, schema: lifecycleSchema })
}

/** Jobs in a running lifecycle (started, ready, assigned, onhold, syncing, locked), published form. */
export function listRunningJobs(q: Omit<JobListQuery, 'before'> = {}, { signal }: Call = {}): Promise<JobList> {
  const params = jobListQueryParams({ ...q, limit: q.limit ?? 1000 })
  return request({ path: ['job', 'running'], query: params, signal, schema: jobListSchema })
}

export interface RunningCount {
  taskId: string | null
  workflowId: string | null
  count: number
}

const runningCountSchema = z.array(
  z.pipe(
    z.object({
      _id: z.nullish(z.object({ task: z.nullish(z.string()), workflow: z.nullish(z.string()) })),
      count: z.number(),
    }),
    z.transform((r): RunningCount => ({ taskId: r._id?.task ?? null, workflowId: r._id?.workflow ?? null, count: r.count })),
  ),
)

export function getRunningCounts({ signal }: Call = {}): Promise<RunningCount[]> {
  return request({ path: ['job', 'running_count'], signal, schema: runningCountSchema })
}

export interface Participant {
  id?: string
  username?: string
  email?: string
  name?: string
}
const participant = z.pipe(
  z.looseObject({ id: z.optional(z.string()), username: z.optional(z.string()), email: z.optional(z.string()), name: z.optional(z.string()) }),
  z.transform((p): Participant => ({ id: p.id, username: p.username, email: p.email, name: p.name })),
)
const participantList = z.pipe(z.nullish(z.array(participant)), z.transform((v: Participant[] | null | undefined) => v ?? []))
const participantsSchema = z.object({
  owner: z.pipe(z.nullish(participant), z.transform((v: Participant | null | undefined) => v ?? undefined)),
  assignee: participantList,
  observers: participantList,
})
export type Participants = z.output<typeof participantsSchema>

export function getJobParticipants(id: string, { signal }: Call = {}): Promise<Participants> {
  return request({ path: ['job', id, 'participants'], signal, schema: participantsSchema })
}

const taskListSchema = fromParser((raw) => {
  if (!Array.isArray(raw)) throw new TypeError('expected a list of tasks')
  return raw.map(parseTask).filter((t): t is Task => t !== null)
})

/** The organization's tasks (filter options, argument definitions, approval labels). */
export function listTasks({ signal }: Call = {}): Promise<Task[]> {
  return request({ path: [currentCustomer(), 'task'], signal, schema: taskListSchema })
}

const taskSchema = fromParser((raw) => {
  const t = parseTask(raw)
  if (!t) throw new TypeError('not a task')
  return t
})

export function getTask(id: string, { signal }: Call = {}): Promise<Task> {
  return request({ path: [currentCustomer(), 'task', id], signal, schema: taskSchema })
}

export interface Host {
  id: string
  hostname: string
}

const hostListSchema = fromParser((raw) => {
  if (!Array.isArray(raw)) throw new TypeError('expected a list of hosts')
  return raw.flatMap((h): Host[] => {
    if (!isRecord(h)) return []
    const id = typeof h.id === 'string' ? h.id : typeof h._id === 'string' ? h._id : null
    const hostname = typeof h.hostname === 'string' ? h.hostname : typeof h.name === 'string' ? h.name : null
    return id && hostname ? [{ id, hostname }] : []
  })
})

/** The organization's hosts, to show host names instead of ids (jobs carry only `host_id`). */
export function listHosts({ signal }: Call = {}): Promise<Host[]> {
  return request({ path: [currentCustomer(), 'host'], signal, schema: hostListSchema })
}

/** All jobs (workflow runs and their task jobs) of one workflow. */
export function listWorkflowJobs(workflowId: string, { signal }: Call = {}): Promise<JobList> {
  return request({ path: ['workflows', workflowId, 'job'], signal, schema: jobListSchema })
}

/** The task jobs of one workflow execution, in order. */
export function listWorkflowRunJobs(workflowId: string, workflowJobId: string, { signal }: Call = {}): Promise<JobList> {
  return request({ path: ['workflows', workflowId, 'job', workflowJobId, 'jobs'], signal, schema: jobListSchema })
}

/* ---------------- actions ---------------- */

/**
 * Cancel. The server answers 204 whether or not anything was cancelled (a finished job stays
 * finished): callers must refetch the job to learn what really happened.
 */
export function cancelJob(id: string, { signal }: Call = {}): Promise<void> {
  return request({ method: 'PUT', path: [currentCustomer(), 'job', id, 'cancel'], signal })
}

/**
 * Cancel a running workflow execution (admin): the supervisor cancels its newest task job and
 * marks the run terminated/canceled. `PUT /:customer/job/:id/cancel` does nothing on a started run.
 */
export function cancelWorkflowRun(workflowId: string, workflowJobId: string, { signal }: Call = {}): Promise<void> {
  return request({ method: 'PUT', path: ['workflows', workflowId, 'job', workflowJobId, 'cancel'], signal })
}

/** Approve an ApprovalJob on hold. 403 "unauthorized approver", 409 "approval request no longer available". */
export function approveJob(id: string, { signal }: Call = {}): Promise<void> {
  return request({ method: 'PUT', path: [currentCustomer(), 'job', id, 'approve'], body: {}, signal })
}

export function rejectJob(id: string, { signal }: Call = {}): Promise<void> {
  return request({ method: 'PUT', path: [currentCustomer(), 'job', id, 'reject'], body: {}, signal })
}

/** Submit the input a job on hold waits for. 400 carries field errors (ApiError.fieldErrors). */
export function submitJobInput(id: string, args: unknown[], { signal }: Call = {}): Promise<Job> {
  return request({ method: 'PUT', path: [currentCustomer(), 'job', id, 'input'], body: { args }, signal, schema: jobSchema })
}

/** Restart a completed script/nodejs job with (possibly edited) arguments. */
export function restartJob(id: string, taskArguments: unknown[], { signal }: Call = {}): Promise<Job> {
  return request({ method: 'PUT', path: [currentCustomer(), 'job', id, 'restart'], body: { task_arguments: taskArguments }, signal, schema: jobSchema })
}

export interface CreateJobInput {
  task: string
  task_arguments: unknown[]
}

/** Create a job of a task. `form: 'customer'` uses `POST /:customer/job` (same behaviour). */
export function createJob(input: CreateJobInput, { signal, form = 'v2' }: Call & { form?: 'v2' | 'customer' } = {}): Promise<Job> {
  const path = form === 'customer' ? [currentCustomer(), 'job'] : ['job']
  return request({ method: 'POST', path, body: { task: input.task, task_arguments: input.task_arguments }, signal, schema: jobSchema })
}

/** Create a job with the task's secret key: no token is sent. */
export function createJobBySecret(
  secret: string,
  input: CreateJobInput & { customer: string },
  { signal }: Call = {},
): Promise<Job> {
  return request({
    method: 'POST',
    path: ['job', 'secret', secret],
    auth: 'none',
    body: { customer: input.customer, task: input.task, task_arguments: input.task_arguments },
    signal,
    schema: jobSchema,
  })
}

export interface DeleteHistoryResult {
  deletedCount: number
  /** Which endpoint did the work. */
  via: 'finished' | 'per-task'
  failedTaskIds: string[]
}

const deletedSchema = fromParser((raw) => (isRecord(raw) && typeof raw.deletedCount === 'number' ? raw.deletedCount : 0))

/**
 * Delete finished jobs history. Tries the seed page's `DELETE /job/finished`; the real
 * supervisor answers 404/405 there, so it falls back to `DELETE /:customer/task/:task/job`
 * for each task given (all the organization's tasks for a global clear).
 */
export async function deleteFinishedJobs(taskIds: string[], { signal }: Call = {}): Promise<DeleteHistoryResult> {
  if (taskIds.length === 0) {
    const count = await request({ method: 'DELETE', path: ['job', 'finished'], signal, schema: deletedSchema })
    return { deletedCount: count, via: 'finished', failedTaskIds: [] }
  }
  return deletePerTask(taskIds, signal)
}

/** Global clear: the seed endpoint first, per task when the server does not have it. */
export async function deleteAllFinishedJobs(allTaskIds: string[], { signal }: Call = {}): Promise<DeleteHistoryResult> {
  try {
    const count = await request({ method: 'DELETE', path: ['job', 'finished'], signal, schema: deletedSchema })
    return { deletedCount: count, via: 'finished', failedTaskIds: [] }
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return deletePerTask(allTaskIds, signal)
    throw error
  }
}

async function deletePerTask(taskIds: string[], signal?: AbortSignal): Promise<DeleteHistoryResult> {
  let deletedCount = 0
  const failedTaskIds: string[] = []
  let firstError: unknown
  for (const taskId of taskIds) {
    try {
      deletedCount += await request({ method: 'DELETE', path: [currentCustomer(), 'task', taskId, 'job'], signal, schema: deletedSchema })
    } catch (error) {
      firstError ??= error
      failedTaskIds.push(taskId)
    }
  }
  if (failedTaskIds.length === taskIds.length && firstError) throw firstError
  return { deletedCount, via: 'per-task', failedTaskIds }
}

/** The agent's "finish job" call (exact agent credential). Used by the mock's simulated agent and tests. */
export interface FinishJobInput {
  state: 'success' | 'failure' | (string & {})
  /** What the agent reports: the script's part of a job's result. */
  data: Pick<JobResult, 'code' | 'log' | 'lastline' | 'signal' | 'killed' | 'times' | 'output'>
}

export function finishJob(id: string, result: FinishJobInput, { signal }: Call = {}): Promise<Job | undefined> {
  const optionalJob = fromParser((raw) => (raw === undefined || raw === null || raw === '' ? undefined : jobSchema.parse(raw)))
  return request({ method: 'PUT', path: [currentCustomer(), 'job', id], body: { result }, signal, schema: optionalJob })
}
