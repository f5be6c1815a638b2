import type { RunningCount } from '@/api/jobs'
import type { Job } from '@/api/schemas/job'
import { isFinished } from '@/api/schemas/job'
import type { Task } from '@/api/schemas/task'
import type { HostLiveness } from '@/api/tasks'

/** Whether a bot is reporting: from its host Resource's state (§ E). */
export type Reporting = 'reporting' | 'not-reporting' | 'unknown' | 'no-bot'

export function hostReporting(hostId: string | undefined, liveness: HostLiveness[] | undefined): Reporting {
  if (!hostId) return 'no-bot'
  const resource = liveness?.find((r) => r.hostId === hostId)
  // No resource (non-admins usually cannot read them) or no liveness data: unknown, never "down".
  if (!resource) return 'unknown'
  // theeye-web treats "no state" as reporting.
  if (!resource.state || resource.state === 'normal') return 'reporting'
  return 'not-reporting'
}

export function reportingWords(r: Reporting, state?: string): string {
  switch (r) {
    case 'reporting':
      return 'reporting'
    case 'not-reporting':
      return state === 'updates_stopped' || !state ? 'not reporting' : `not reporting (${state})`
    case 'no-bot':
      return 'no bot'
    default:
      return 'reporting unknown'
  }
}

export interface TaskStats {
  /** The newest job of the task among the kept runs. */
  last?: Pick<Job, 'id' | 'state' | 'lifecycle' | 'creation_date'>
  /** Finished runs among the kept ones, and how many of them succeeded. */
  finished: number
  succeeded: number
  running: number
}

const SUCCESS_STATES = new Set(['success', 'approved'])

/** Per task: last run, success over the runs the server kept, running now (from running_count when given). */
export function taskStats(jobs: Job[], runningCounts: RunningCount[] | undefined): Map<string, TaskStats> {
  const stats = new Map<string, TaskStats>()
  const get = (id: string) => {
    let s = stats.get(id)
    if (!s) {
      s = { finished: 0, succeeded: 0, running: 0 }
      stats.set(id, s)
    }
    return s
  }
  const newestFirst = [...jobs].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  for (const job of newestFirst) {
    if (!job.task_id) continue
    const s = get(job.task_id)
    if (!s.last) s.last = { id: job.id, state: job.state, lifecycle: job.lifecycle, creation_date: job.creation_date }
    if (isFinished(job.lifecycle)) {
      s.finished++
      if (job.state && SUCCESS_STATES.has(job.state)) s.succeeded++
    } else if (!runningCounts) {
      s.running++
    }
  }
  if (runningCounts) {
    for (const c of runningCounts) {
      if (c.taskId) get(c.taskId).running += c.count
    }
  }
  return stats
}

export function successRateText(s: TaskStats | undefined): string {
  if (!s || s.finished === 0) return 'no finished runs'
  return `${Math.round((s.succeeded / s.finished) * 100)}% of ${s.finished}`
}

export interface CatalogFilter {
  q: string
  type: string
  tag: string
}

export function taskKind(task: Task): string {
  return task.type ?? task._type?.replace(/Task$/, '').toLowerCase() ?? 'unknown'
}

export function filterTasks(tasks: Task[], f: CatalogFilter): Task[] {
  const q = f.q.trim().toLowerCase()
  return tasks
    .filter((t) => (!q || t.name.toLowerCase().includes(q)) && (!f.type || taskKind(t) === f.type) && (!f.tag || (t.tags ?? []).includes(f.tag)))
    .sort((a, b) => a.name.localeCompare(b.name))
}

export function facetValues(tasks: Task[]): { types: string[]; tags: string[] } {
  const types = new Set<string>()
  const tags = new Set<string>()
  for (const t of tasks) {
    types.add(taskKind(t))
    for (const tag of t.tags ?? []) tags.add(tag)
  }
  return { types: [...types].sort(), tags: [...tags].sort((a, b) => a.localeCompare(b)) }
}
