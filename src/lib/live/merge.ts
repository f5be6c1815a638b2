import type { InfiniteData, Query, QueryClient, QueryKey } from '@tanstack/react-query'
import type { JobListQuery } from '@/api/jobs'
import { isFinished, parseJob, type Job, type JobList } from '@/api/schemas/job'
import { isRecord } from '@/api/schemas/tolerant'

/**
 * How a pushed job event moves the TanStack Query cache. Pure with respect to the network: it reads
 * and writes the cache and says what must be fetched; the connection (connection.ts) fetches.
 *
 * The gateway's payloads are trimmed (no output, result, last_update, trigger_name, arguments),
 * arrive in no guaranteed order, and there are no delete events (theeye-api-workflows-tasks-sockets.md
 * § D). So:
 * - a model is merged by id into every cached list and detail, keeping the richer cached fields;
 * - a list whose filter is known (its `meta.jobListQuery`, or the query inside a `['jobs','list',q]`
 *   key) gets the job inserted when it matches and dropped when it stops matching; a list whose filter
 *   is unknown is re-read instead;
 * - an event that would move a job back in its lifecycle is not applied: the job's document is re-read
 *   (a restart or a hold is a legitimate move back; the document tells which);
 * - a finished job, or one newly shown from a trimmed model, has its document re-read for output,
 *   result and the fields the event lacks.
 */

export type JobTopic = 'job-crud' | 'workflow-job-crud'

export interface JobEvent {
  topic: JobTopic
  operation: string
  /** Organization name and id as the gateway sends them. */
  organization?: string
  organizationId?: string
  id: string
  /** The trimmed model, parsed: only what the event carries. */
  job: Job
  /** The fields of `job` the event really carried (everything else must keep its cached value). */
  patch: Partial<Job>
}

/** Job fields a trimmed event model can set. Everything else (output, result, task document…) stays. */
const PATCHABLE: ReadonlyArray<keyof Job> = [
  '_type',
  'name',
  'state',
  'lifecycle',
  'creation_date',
  'last_update',
  'order',
  'origin',
  'trigger_name',
  'task_id',
  'workflow_id',
  'workflow_job_id',
  'user_id',
  'host_id',
  'customer_name',
  'timeout',
  'cancellable',
  'user_inputs',
  'user_inputs_members',
  'assigned_users',
  'approvers',
  'approvals_target',
  'success_label',
  'failure_label',
  'cancel_label',
  'ignore_label',
  'acl',
  'show_result',
  'components',
  'active_paths_counter',
]

/** A `job-crud` / `workflow-job-crud` payload, or null when it is not a job event we can use. */
export function parseJobEvent(topic: string, payload: unknown): JobEvent | null {
  if (topic !== 'job-crud' && topic !== 'workflow-job-crud') return null
  if (!isRecord(payload) || !isRecord(payload.model)) return null
  const parsed = parseJob(payload.model)
  if (!parsed.ok) return null
  const raw = payload.model
  const job = parsed.job
  const patch: Partial<Job> = {}
  for (const key of PATCHABLE) {
    if (key in raw && job[key] !== undefined) (patch as Record<string, unknown>)[key] = job[key]
  }
  if (!('_type' in raw)) delete patch._type
  return {
    topic,
    operation: typeof payload.operation === 'string' ? payload.operation : 'update',
    organization: typeof payload.organization === 'string' ? payload.organization : undefined,
    organizationId: typeof payload.organization_id === 'string' ? payload.organization_id : undefined,
    id: job.id,
    job,
    patch,
  }
}

/* ---------------- order ---------------- */

/**
 * Where a lifecycle sits on a job's way: on hold (waiting for input or approval) before queued,
 * queued before running, running before any completed lifecycle. 0 = unknown (never compared).
 */
export function lifecycleRank(lifecycle: string | undefined): number {
  if (!lifecycle) return 0
  if (isFinished(lifecycle)) return 4
  switch (lifecycle) {
    case 'onhold':
      return 1
    case 'ready':
      return 2
    case 'started':
    case 'assigned':
    case 'syncing':
    case 'locked':
      return 3
    default:
      return 0
  }
}

/** The incoming lifecycle is behind the cached one: a late event (or a restart/hold, which the document confirms). */
export function isBackwards(cached: Pick<Job, 'lifecycle'>, incoming: Pick<Job, 'lifecycle'>): boolean {
  const c = lifecycleRank(cached.lifecycle)
  const i = lifecycleRank(incoming.lifecycle)
  return c > 0 && i > 0 && i < c
}

/** The cached job with the event's fields on top; the richer cached fields the event lacks stay. */
export function mergeJob(cached: Job, patch: Partial<Job>): Job {
  let changed = false
  for (const key of Object.keys(patch) as Array<keyof Job>) {
    if (JSON.stringify(cached[key]) !== JSON.stringify(patch[key])) {
      changed = true
      break
    }
  }
  return changed ? { ...cached, ...patch } : cached
}

/* ---------------- filters ---------------- */

/** Does a job belong to a list fetched with this filter? (The server's `where`, evaluated here.) */
export function matchesQuery(job: Job, q: JobListQuery): boolean {
  const within = (value: string | undefined, allowed: string[] | undefined) => !allowed?.length || (value !== undefined && allowed.includes(value))
  if (!within(job.task_id, q.taskIds)) return false
  if (!within(job.state, q.states)) return false
  if (!within(job.lifecycle, q.lifecycles)) return false
  if (!within(job._type, q.types)) return false
  if (q.before && !(job.id < q.before)) return false
  if (q.from || q.to) {
    const created = job.creation_date ? Date.parse(job.creation_date) : NaN
    if (Number.isNaN(created)) return false
    if (q.from && created < Date.parse(q.from)) return false
    if (q.to && created > Date.parse(q.to)) return false
  }
  return true
}

/** The filter a cached list was fetched with, when known. */
export function listQueryOf(query: Pick<Query, 'queryKey' | 'meta'>): JobListQuery | undefined {
  const fromMeta = query.meta?.jobListQuery
  if (isRecord(fromMeta)) return fromMeta as JobListQuery
  const key = query.queryKey
  if (key[0] === 'jobs' && key[1] === 'list' && isRecord(key[2])) return key[2] as JobListQuery
  return undefined
}

function isJobList(data: unknown): data is JobList {
  return isRecord(data) && Array.isArray(data.jobs) && typeof data.received === 'number'
}

function isJobPages(data: unknown): data is InfiniteData<JobList> {
  return isRecord(data) && Array.isArray(data.pages) && data.pages.every(isJobList)
}

/* ---------------- one list ---------------- */

export type ListChange = { list: JobList; inserted: boolean; backwards: boolean } | { list: null; backwards: boolean }

/**
 * A list with the event applied, or `list: null` when nothing changes. Lists are newest first
 * (`_id` descending, the server's sort); a full list does not take a job older than its last one
 * (that job belongs to a later page).
 */
export function applyToList(list: JobList, event: Pick<JobEvent, 'job' | 'patch'>, q: JobListQuery, guard = true): ListChange {
  const idx = list.jobs.findIndex((j) => j.id === event.job.id)
  if (idx >= 0) {
    const cached = list.jobs[idx]!
    if (guard && isBackwards(cached, event.job)) return { list: null, backwards: true }
    const merged = mergeJob(cached, event.patch)
    if (!matchesQuery(merged, q)) return { list: { ...list, jobs: list.jobs.filter((j) => j.id !== cached.id) }, inserted: false, backwards: false }
    if (merged === cached) return { list: null, backwards: false }
    const jobs = [...list.jobs]
    jobs[idx] = merged
    return { list: { ...list, jobs }, inserted: false, backwards: false }
  }
  if (!matchesQuery(event.job, q)) return { list: null, backwards: false }
  const limit = q.limit
  const last = list.jobs.at(-1)
  if (limit !== undefined && list.received >= limit && last && event.job.id < last.id) return { list: null, backwards: false }
  const at = list.jobs.findIndex((j) => j.id < event.job.id)
  const jobs = [...list.jobs]
  jobs.splice(at === -1 ? jobs.length : at, 0, event.job)
  return { list: { ...list, jobs }, inserted: true, backwards: false }
}

/* ---------------- the whole cache ---------------- */

export interface ApplyOutcome {
  /** The job is shown somewhere (a list, its page, a workflow run). */
  cached: boolean
  /** Inserted into at least one list from the trimmed model: its document fills the rest. */
  inserted: boolean
  /** At least one cached copy is ahead of the event: the event was not applied there. */
  backwards: boolean
  /** Re-read the job's document (finished, newly shown, or a move back to confirm). */
  refetchDocument: boolean
  /** Queries to re-read: lists whose filter is unknown, the job's lifecycle, its workflow run. */
  invalidate: QueryKey[]
}

const workflowRunOf = (key: QueryKey): string | undefined => (key[0] === 'jobs' && key[1] === 'workflow-run' && typeof key[2] === 'string' ? key[2] : undefined)

/**
 * Applies a job event (or a freshly read document, with `document: true`) to every cached query.
 * A document replaces what the event-only fields could not know; with `authoritative` (read after
 * the last event for this job) it may also move a job back (restart, hold).
 */
export function applyJobEvent(
  qc: QueryClient,
  event: Pick<JobEvent, 'id' | 'job' | 'patch' | 'topic' | 'operation'>,
  opts: { document?: boolean; authoritative?: boolean } = {},
): ApplyOutcome {
  const out: ApplyOutcome = { cached: false, inserted: false, backwards: false, refetchDocument: false, invalidate: [] }
  const { id, job } = event
  const guard = !opts.authoritative
  const step = (cached: Job): Job | null => {
    if (guard && isBackwards(cached, job)) {
      out.backwards = true
      return null
    }
    return mergeJob(cached, event.patch)
  }

  for (const query of qc.getQueryCache().getAll()) {
    const key = query.queryKey
    const data = query.state.data
    if (data === undefined) continue

    // The job's own page.
    if (key[0] === 'jobs' && key[1] === 'detail' && key[2] === id && isRecord(data)) {
      out.cached = true
      const cached = data as unknown as Job
      const next = step(cached)
      if (next && next !== cached) qc.setQueryData(key, next)
      continue
    }
    if (key[0] === 'jobs' && key[1] === 'lifecycle' && key[2] === id) {
      if (!opts.document) out.invalidate.push(key)
      continue
    }

    // A workflow run's steps: merge a step by id; anything else about the run re-reads it.
    const run = workflowRunOf(key)
    if (run !== undefined) {
      if (id === run) {
        // The run itself moved (workflow-job-crud: dispatched, finished; job-crud: held): re-read its steps.
        if (!opts.document) out.invalidate.push(key)
        continue
      }
      if (event.topic === 'workflow-job-crud') continue
      if (!Array.isArray(data)) continue
      const steps = data as Job[]
      const idx = steps.findIndex((j) => j.id === id)
      if (idx >= 0) {
        out.cached = true
        const next = step(steps[idx]!)
        if (next && next !== steps[idx]) qc.setQueryData(key, steps.map((j, i) => (i === idx ? next : j)))
      } else if (job.workflow_job_id === run && !opts.document) out.invalidate.push(key)
      continue
    }

    // Older pages of the jobs list: update and drop, never insert (the head carries new jobs).
    if (key[0] === 'jobs' && key[1] === 'pages' && isRecord(key[2]) && isJobPages(data)) {
      const q = key[2] as JobListQuery
      let touched = false
      const pages = data.pages.map((page) => {
        if (!page.jobs.some((j) => j.id === id)) return page
        const change = applyToList(page, event, { ...q, limit: undefined }, guard)
        out.cached = true
        if (change.backwards) out.backwards = true
        if (!change.list) return page
        touched = true
        return change.list
      })
      if (touched) qc.setQueryData(key, { ...data, pages })
      continue
    }

    if (!isJobList(data)) continue
    const q = listQueryOf(query)
    if (!q) {
      // A list of jobs whose filter is unknown: re-read it when the job is in it or may belong to it.
      if (data.jobs.some((j) => j.id === id) || event.operation === 'create') {
        if (data.jobs.some((j) => j.id === id)) out.cached = true
        out.invalidate.push(key)
      }
      continue
    }
    const change = applyToList(data, event, q, guard)
    if (change.backwards) {
      out.backwards = true
      out.cached = true
      continue
    }
    if (data.jobs.some((j) => j.id === id)) out.cached = true
    if (change.list) {
      if (change.inserted) {
        out.cached = true
        out.inserted = true
      }
      qc.setQueryData(key, change.list)
    }
  }

  if (!opts.document) {
    const finished = isFinished(job.lifecycle) && out.cached
    out.refetchDocument = finished || out.inserted || out.backwards
  }
  return out
}

/** A document read from the server, as an event that carries every field. */
export function documentEvent(job: Job): Pick<JobEvent, 'id' | 'job' | 'patch' | 'topic' | 'operation'> {
  return { id: job.id, job, patch: job, topic: 'job-crud', operation: 'update' }
}
