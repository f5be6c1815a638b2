import type { JobList, Job, MalformedJob } from '@/api/schemas/job'
import { isFinished } from '@/api/schemas/lifecycle'
import type { Task } from '@/api/schemas/task'
import { jobStatus } from '@/components/ui/status-meta'
import { jobDurationMs, median, percentile } from '@/lib/stats'
import { plainText } from '@/lib/text'
import type { Sort } from './use-job-filters'

/**
 * Pure helpers of the jobs list: merging the live first page over older loaded pages, text search,
 * client-side sort, per-state counts and per-task insight. No React, unit-tested.
 */

export interface LoadedJobs {
  jobs: Job[]
  malformed: MalformedJob[]
}

/** Ids are Mongo ObjectIds (24 hex, time first): string order is creation order. */
function byIdDesc(a: Job, b: Job): number {
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}

/**
 * The refreshed first page (`head`) wins over the pages loaded earlier:
 * - jobs newer than the head's oldest job come only from the head (one that vanished from it was
 *   deleted or no longer matches);
 * - older loaded jobs are kept as they were (they are not refreshed);
 * - a short head holds every matching job, so nothing older survives.
 */
export function mergeLoaded(head: JobList | undefined, pages: JobList[], headLimit: number): LoadedJobs {
  if (!head) {
    const seen = new Set<string>()
    const jobs: Job[] = []
    for (const page of pages) for (const job of page.jobs) if (!seen.has(job.id)) {
          seen.add(job.id)
          jobs.push(job)
        }
    return { jobs, malformed: pages.flatMap((p) => p.malformed) }
  }
  const seen = new Set(head.jobs.map((j) => j.id))
  const jobs = [...head.jobs]
  if (head.received >= headLimit && head.jobs.length > 0) {
    let oldest = head.jobs[0]!.id
    for (const j of head.jobs) if (j.id < oldest) oldest = j.id
    const older: Job[] = []
    for (const page of pages) for (const job of page.jobs) if (job.id < oldest && !seen.has(job.id)) {
          seen.add(job.id)
          older.push(job)
        }
    older.sort(byIdDesc)
    jobs.push(...older)
  } else if (head.received >= headLimit) {
    // A full head of only malformed items: keep what was loaded rather than show nothing.
    for (const page of pages) for (const job of page.jobs) if (!seen.has(job.id)) {
          seen.add(job.id)
          jobs.push(job)
        }
  }
  return { jobs, malformed: [...head.malformed, ...pages.slice(1).flatMap((p) => p.malformed)] }
}

export function taskNameIndex(tasks: Task[] | undefined): Map<string, string> {
  return new Map((tasks ?? []).map((t) => [t.id, t.name]))
}

export function taskLabel(job: Pick<Job, 'task_id' | '_type'>, names: Map<string, string>): string {
  if (!job.task_id) return job._type === 'WorkflowJob' ? 'workflow' : '—'
  return names.get(job.task_id) ?? job.task_id
}

/**
 * What the list shows for ids: task, host and owner names. Search and sort use the same words
 * the user reads (a search for the visible host "web-01" finds its jobs; Host sorts by name).
 */
export interface DisplayNames {
  tasks: Map<string, string>
  /** host id -> host name */
  hosts: Map<string, string>
  /** user id -> the owner's name */
  owners: Map<string, string>
  /** The signed-in user's id: shown as "you". */
  me?: string | null
}

export function hostLabel(hostId: string | null | undefined, names: DisplayNames): string {
  if (!hostId) return '—'
  return names.hosts.get(hostId) ?? `host ${shortId(hostId)}`
}

export function ownerLabel(userId: string | null | undefined, names: DisplayNames): string {
  if (!userId) return '—'
  if (names.me && userId === names.me) return 'you'
  return names.owners.get(userId) ?? `user ${shortId(userId)}`
}

/** Lower-cased text a search looks in, computed once per job object (jobs are immutable query data). */
const searchCache = new WeakMap<Job, { names: DisplayNames; text: string }>()
export function searchText(job: Job, names: DisplayNames): string {
  const hit = searchCache.get(job)
  if (hit && hit.names === names) return hit.text
  const text = [
    plainText(job.name ?? ''),
    taskLabel(job, names.tasks),
    hostLabel(job.host_id, names),
    ownerLabel(job.user_id, names),
    job.task_id ?? '',
    job.host_id ?? '',
    job.user_id ?? '',
    job.id,
  ]
    .join('\u0001')
    .toLowerCase()
  searchCache.set(job, { names, text })
  return text
}

export function searchJobs(jobs: Job[], q: string, names: DisplayNames): Job[] {
  const terms = q.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (terms.length === 0) return jobs
  return jobs.filter((job) => {
    const text = searchText(job, names)
    return terms.every((t) => text.includes(t))
  })
}

export interface SortContext {
  names: DisplayNames
  now: number
}

function sortValue(job: Job, key: Sort['key'], ctx: SortContext): string | number | null {
  switch (key) {
    case 'name':
      return plainText(job.name ?? '').toLowerCase()
    case 'task':
      return taskLabel(job, ctx.names.tasks).toLowerCase()
    case 'type':
      return job._type
    case 'state':
      // The Status column's sort: by the status the badge shows (from the lifecycle while the job is
      // active, its state once it ended), so that the same words come together.
      return jobStatus(job).label.toLowerCase()
    case 'lifecycle':
      return job.lifecycle ?? null
    case 'owner':
      // "you" first, then by the name shown.
      return job.user_id ? (job.user_id === ctx.names.me ? '' : ownerLabel(job.user_id, ctx.names).toLowerCase()) : null
    case 'host':
      return job.host_id ? hostLabel(job.host_id, ctx.names).toLowerCase() : null
    case 'created':
      return job.creation_date ? Date.parse(job.creation_date) : null
    case 'duration':
      return jobDurationMs(job, ctx.now)
    case 'origin':
      return job.origin ?? null
  }
}

/** Sorts the loaded jobs; ties (and `created`) fall back to the id, so the order is stable. */
export function sortJobs(jobs: Job[], sort: Sort, ctx: SortContext): Job[] {
  const dir = sort.dir === 'asc' ? 1 : -1
  const keyed = jobs.map((job) => ({ job, v: sortValue(job, sort.key, ctx) }))
  keyed.sort((a, b) => {
    // Missing values go last whatever the direction.
    if (a.v === null && b.v !== null) return 1
    if (b.v === null && a.v !== null) return -1
    if (a.v !== null && b.v !== null && a.v !== b.v) return (a.v < b.v ? -1 : 1) * dir
    return byIdDesc(a.job, b.job) * (sort.key === 'created' ? (sort.dir === 'desc' ? 1 : -1) : 1)
  })
  return keyed.map((k) => k.job)
}

/**
 * How many jobs are in each state (the `state` filter's values), most first, ties by name (code-unit
 * order: states are identifiers, and localeCompare would set up Intl on the page's first paint).
 */
export function stateCounts(jobs: ReadonlyArray<Pick<Job, 'state'>>): Array<{ state: string; count: number }> {
  const counts = new Map<string, number>()
  for (const j of jobs) counts.set(j.state ?? 'no state', (counts.get(j.state ?? 'no state') ?? 0) + 1)
  return [...counts.entries()].map(([state, count]) => ({ state, count })).sort((a, b) => b.count - a.count || (a.state < b.state ? -1 : a.state > b.state ? 1 : 0))
}

export interface TaskInsight {
  finished: number
  succeeded: number
  /** 0..1, null when nothing finished */
  successRate: number | null
  medianMs: number | null
  p95Ms: number | null
  /** Oldest first, at most `limit`. */
  recent: Array<{ id: string; state: string; durationMs: number; created?: string }>
}

export function taskInsight(jobs: Job[], now: number, limit = 30): TaskInsight {
  const done = jobs.filter((j) => isFinished(j.lifecycle))
  const succeeded = done.filter((j) => j.state === 'success').length
  const durations: number[] = []
  const recent: TaskInsight['recent'] = []
  for (const j of [...done].sort(byIdDesc)) {
    const d = jobDurationMs(j, now)
    if (d === null) continue
    durations.push(d)
    if (recent.length < limit) recent.push({ id: j.id, state: j.state ?? 'no state', durationMs: d, created: j.creation_date })
  }
  return {
    finished: done.length,
    succeeded,
    successRate: done.length ? succeeded / done.length : null,
    medianMs: median(durations),
    p95Ms: percentile(durations, 95),
    recent: recent.reverse(),
  }
}

/** Short form of a 24-hex id for narrow cells; the full id goes in a title. */
export function shortId(id: string): string {
  return id.length > 8 ? `…${id.slice(-6)}` : id
}
