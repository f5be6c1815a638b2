import type { InfiniteData, Query, QueryClient, QueryKey } from '@tanstack/react-query'
import type { JobListQuery } from '@/api/jobs'
import { isFinished, parseJob, type Job, type JobList } from '@/api/schemas/job'
import { isRecord } from '@/api/schemas/tolerant'
import { isSettling, noteMovedBack } from './moved-back'

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
 * - a copy older than the one held (its `last_update` before the held one's: documents and list items
 *   carry it, the real events do not) never replaces it;
 * - after a job moved back (restart, input, hold: our own action's answer, a document, or an event
 *   behind the held copy), its previous run's events may still be on their way, and a real event
 *   carries no time or sequence to tell them from new ones (register.js jobToEventModel): for
 *   SETTLE_MS an event that moves it forward is not applied, its document is re-read and shown instead;
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

/** The incoming copy says it was saved before the held one (both carry a readable `last_update`). */
export function isOlder(cached: Pick<Job, 'last_update'>, incoming: Pick<Job, 'last_update'>): boolean {
  if (!cached.last_update || !incoming.last_update) return false
  const c = Date.parse(cached.last_update)
  const i = Date.parse(incoming.last_update)
  return !Number.isNaN(c) && !Number.isNaN(i) && i < c
}

type Verdict = 'apply' | 'older' | 'backwards' | 'unconfirmed'

interface Judge {
  /** Lifecycle guard: a move back is not applied (off for a document read after the last event). */
  guard: boolean
  /** The job moved back lately and this is an event (not its document): a move forward waits for the document. */
  settling: boolean
}

/** Whether an incoming copy may replace the held one. */
function judge(cached: Job, incoming: Pick<JobEvent, 'job' | 'patch'>, j: Judge): Verdict {
  if (isOlder(cached, incoming.patch)) return 'older'
  if (j.guard && isBackwards(cached, incoming.job)) return 'backwards'
  if (j.settling && isBackwards(incoming.job, cached)) return 'unconfirmed'
  return 'apply'
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

export type ListChange =
  | { list: JobList; inserted: boolean; backwards: boolean; unconfirmed?: false }
  | { list: null; backwards: boolean; unconfirmed?: boolean }

/**
 * A list with the event applied, or `list: null` when nothing changes. Lists are newest first
 * (`_id` descending, the server's sort); a full list does not take a job older than its last one
 * (that job belongs to a later page).
 */
export function applyToList(
  list: JobList,
  event: Pick<JobEvent, 'job' | 'patch'>,
  q: JobListQuery,
  j: Judge = { guard: true, settling: false },
): ListChange {
  const idx = list.jobs.findIndex((job) => job.id === event.job.id)
  if (idx >= 0) {
    const cached = list.jobs[idx]!
    const verdict = judge(cached, event, j)
    if (verdict === 'backwards') return { list: null, backwards: true }
    if (verdict === 'unconfirmed') return { list: null, backwards: false, unconfirmed: true }
    if (verdict === 'older') return { list: null, backwards: false }
    const merged = mergeJob(cached, event.patch)
    if (!matchesQuery(merged, q)) return { list: { ...list, jobs: list.jobs.filter((job) => job.id !== cached.id) }, inserted: false, backwards: false }
    if (merged === cached) return { list: null, backwards: false }
    const jobs = [...list.jobs]
    jobs[idx] = merged
    return { list: { ...list, jobs }, inserted: false, backwards: false }
  }
  if (!matchesQuery(event.job, q)) return { list: null, backwards: false }
  const limit = q.limit
  const last = list.jobs.at(-1)
  if (limit !== undefined && list.received >= limit && last && event.job.id < last.id) return { list: null, backwards: false }
  const at = list.jobs.findIndex((job) => job.id < event.job.id)
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
  /** The job moved back lately and the event moves it forward: not applied until its document says so. */
  unconfirmed: boolean
  /** Re-read the job's document (finished, newly shown, a move back or forward to confirm). */
  refetchDocument: boolean
  /** Queries to re-read: lists whose filter is unknown, the job's lifecycle, its workflow run. */
  invalidate: QueryKey[]
}

const workflowRunOf = (key: QueryKey): string | undefined => (key[0] === 'jobs' && key[1] === 'workflow-run' && typeof key[2] === 'string' ? key[2] : undefined)

/**
 * Applies a job event (or a freshly read document, with `document: true`) to every cached query.
 * A document replaces what the event-only fields could not know; with `authoritative` (read after
 * the last event for this job) it may also move a job back (restart, hold). `replay`: an event
 * applied again to what a fetch brought (nothing is re-read for it). `trusted`: an event whose
 * confirming document could not be read, applied as it is.
 */
export function applyJobEvent(
  qc: QueryClient,
  event: Pick<JobEvent, 'id' | 'job' | 'patch' | 'topic' | 'operation'>,
  opts: { document?: boolean; authoritative?: boolean; replay?: boolean; trusted?: boolean } = {},
): ApplyOutcome {
  const out: ApplyOutcome = { cached: false, inserted: false, backwards: false, unconfirmed: false, refetchDocument: false, invalidate: [] }
  const { id, job } = event
  const quiet = opts.document || opts.replay
  const judged: Judge = { guard: !opts.authoritative, settling: !opts.document && !opts.trusted && isSettling(qc, id) }
  let movedBackHere = false
  const step = (cached: Job): Job | null => {
    const verdict = judge(cached, event, judged)
    if (verdict === 'backwards') out.backwards = true
    if (verdict === 'unconfirmed') out.unconfirmed = true
    if (verdict !== 'apply') return null
    if (isBackwards(cached, job)) movedBackHere = true
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
      if (!quiet) out.invalidate.push(key)
      continue
    }

    // A workflow run's steps: merge a step by id; anything else about the run re-reads it.
    const run = workflowRunOf(key)
    if (run !== undefined) {
      if (id === run) {
        // The run itself moved (workflow-job-crud: dispatched, finished; job-crud: held): re-read its steps.
        if (!quiet) out.invalidate.push(key)
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
      } else if (job.workflow_job_id === run && !quiet) out.invalidate.push(key)
      continue
    }

    // Older pages of the jobs list: update and drop, never insert (the head carries new jobs).
    if (key[0] === 'jobs' && key[1] === 'pages' && isRecord(key[2]) && isJobPages(data)) {
      const q = key[2] as JobListQuery
      let touched = false
      const pages = data.pages.map((page) => {
        if (!page.jobs.some((j) => j.id === id)) return page
        const change = applyToList(page, event, { ...q, limit: undefined }, judged)
        out.cached = true
        if (change.backwards) out.backwards = true
        if (change.unconfirmed) out.unconfirmed = true
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
    const held = data.jobs.find((j) => j.id === id)
    if (held && !judged.guard && isBackwards(held, job)) movedBackHere = true
    const change = applyToList(data, event, q, judged)
    if (change.backwards || change.unconfirmed) {
      if (change.backwards) out.backwards = true
      if (change.unconfirmed) out.unconfirmed = true
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

  // Its previous run's events may still come: a document that moved it back, or an event behind it.
  if ((movedBackHere && opts.document) || (out.backwards && !quiet)) noteMovedBack(qc, id)
  if (!quiet) {
    const finished = isFinished(job.lifecycle) && out.cached
    out.refetchDocument = finished || out.inserted || out.backwards || out.unconfirmed
  }
  return out
}

/** A document read from the server, as an event that carries every field. */
export function documentEvent(job: Job): Pick<JobEvent, 'id' | 'job' | 'patch' | 'topic' | 'operation'> {
  return { id: job.id, job, patch: job, topic: 'job-crud', operation: 'update' }
}
