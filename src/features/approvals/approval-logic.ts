import type { Job } from '@/api/schemas/job'
import { plainText } from '@/lib/text'

/**
 * Pure rules of the approvals inbox: who an approval waits on, which buttons it offers and with
 * which words, how its values read. No React here, so they are unit-tested directly.
 */

/** Who the inbox is for. `all` = no gateway profile: we cannot tell whose approvals are whose. */
export type InboxMode = { kind: 'mine'; userId: string } | { kind: 'all' } | { kind: 'loading' }

export function inboxMode(opts: { profileId: string | null | undefined; hasGateway: boolean; profileFailed: boolean }): InboxMode {
  if (opts.profileId) return { kind: 'mine', userId: opts.profileId }
  // With a gateway the profile is on its way unless it failed: wait rather than flash every approval.
  if (opts.hasGateway && !opts.profileFailed) return { kind: 'loading' }
  return { kind: 'all' }
}

export function isWaitingOn(job: Pick<Job, 'approvers'>, userId: string): boolean {
  return !!job.approvers?.includes(userId)
}

function time(job: Pick<Job, 'creation_date'>): number {
  const t = job.creation_date ? Date.parse(job.creation_date) : NaN
  return Number.isFinite(t) ? t : -Infinity
}

/** Newest first by creation date; ids (which start with a timestamp) break ties and cover missing dates. */
export function newestFirst<T extends Pick<Job, 'creation_date' | 'id'>>(jobs: readonly T[]): T[] {
  return [...jobs].sort((a, b) => time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
}

export interface PendingSplit<T> {
  /** The approvals the inbox acts on: the user's, or all of them without a profile. */
  mine: T[]
  /** Pending approvals that wait on somebody else (empty without a profile). */
  others: T[]
}

/**
 * Splits pending approvals into the user's and everybody else's. Only on-hold ApprovalJobs count:
 * the list query asks for exactly that, but a server that ignores a filter must not put a script
 * job in the inbox.
 */
export function splitPending<T extends Pick<Job, 'approvers' | 'creation_date' | 'id' | '_type' | 'lifecycle'>>(
  jobs: readonly T[],
  mode: InboxMode,
  hidden: ReadonlySet<string> = new Set(),
): PendingSplit<T> {
  const pending = newestFirst(jobs.filter((j) => j._type === 'ApprovalJob' && j.lifecycle === 'onhold' && !hidden.has(j.id)))
  if (mode.kind !== 'mine') return { mine: mode.kind === 'all' ? pending : [], others: [] }
  const mine: T[] = []
  const others: T[] = []
  for (const job of pending) (isWaitingOn(job, mode.userId) ? mine : others).push(job)
  return { mine, others }
}

function label(value: string | undefined, fallback: string): string {
  const clean = plainText(value ?? '', 60).trim()
  return clean || fallback
}

export interface DecisionLabels {
  /** null: the task turned this decision off. */
  approve: string | null
  reject: string | null
  /** Cancel of the request (only when the task enables it). */
  cancel: string | null
}

/**
 * The task's own words for its decisions. The embedded task (full document) is authoritative
 * for what is enabled; list items only carry the labels, so everything stays enabled until the
 * full document says otherwise.
 */
export function decisionLabels(job: Pick<Job, 'task' | 'success_label' | 'failure_label' | 'cancel_label'>): DecisionLabels {
  const task = job.task
  return {
    approve: task?.success_enabled === false ? null : label(task?.success_label ?? job.success_label, 'Approve'),
    reject: task?.failure_enabled === false ? null : label(task?.failure_label ?? job.failure_label, 'Reject'),
    cancel: task?.cancel_enabled === true ? label(task.cancel_label ?? job.cancel_label, 'Cancel request') : null,
  }
}

export type DecidedOutcome = 'approved' | 'rejected' | 'canceled' | 'other'

export function decidedOutcome(job: Pick<Job, 'state' | 'lifecycle'>): DecidedOutcome {
  if (job.lifecycle === 'canceled' || job.state === 'canceled') return 'canceled'
  if (job.state === 'success') return 'approved'
  if (job.state === 'failure') return 'rejected'
  return 'other'
}

/** What the Decided tab says for an outcome, with the task's own word when it has one. */
export function outcomeText(job: Pick<Job, 'state' | 'lifecycle' | 'task' | 'success_label' | 'failure_label'>): string {
  const outcome = decidedOutcome(job)
  const labels = decisionLabels({ ...job, task: job.task && { ...job.task, success_enabled: true, failure_enabled: true } })
  if (outcome === 'approved') return labels.approve && labels.approve !== 'Approve' ? `Approved (${labels.approve})` : 'Approved'
  if (outcome === 'rejected') return labels.reject && labels.reject !== 'Reject' ? `Rejected (${labels.reject})` : 'Rejected'
  if (outcome === 'canceled') return 'Canceled'
  return job.state ? `Finished (${plainText(job.state, 40)})` : 'Finished'
}

/** Ids that are new since the last look (for notifications). */
export function newIds(previous: ReadonlySet<string>, current: readonly string[]): string[] {
  return current.filter((id) => !previous.has(id))
}

/**
 * Jobs on hold waiting for a person's input (a task with `user_inputs`), that this user may give:
 * any member when the job names none, else the named members (gateway member ids; the user id is
 * accepted too). Without a profile every input request shows. Newest first.
 */
export function inputRequestsFor<T extends Pick<Job, 'creation_date' | 'id' | 'lifecycle' | 'user_inputs' | 'user_inputs_members'>>(
  jobs: readonly T[],
  mode: InboxMode,
  memberId?: string | null,
): T[] {
  if (mode.kind === 'loading') return []
  const waiting = jobs.filter((j) => j.lifecycle === 'onhold' && j.user_inputs === true)
  const mine =
    mode.kind === 'all'
      ? waiting
      : waiting.filter((j) => {
          const members = j.user_inputs_members ?? []
          return members.length === 0 || members.includes(mode.userId) || (!!memberId && members.includes(memberId))
        })
  return newestFirst(mine)
}
