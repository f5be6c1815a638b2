import { CANCELABLE_LIFECYCLES, isFinished, type Job } from '@/api/schemas/job'
import type { CancelOutcome, CancelResult } from '@/lib/job-queries'
import { plainText } from '@/lib/text'

/**
 * The pure rules of the job page's actions: which apply to a job, in which order they sit, what a
 * cancel's result means and which job a timed-out "Run again" may have created. No React.
 */

/** Which actions apply to a job (each button shows only when it does). */
export function availableActions(job: Job) {
  const onhold = job.lifecycle === 'onhold'
  const approval = job._type === 'ApprovalJob'
  return {
    cancel: !!job.lifecycle && CANCELABLE_LIFECYCLES.includes(job.lifecycle),
    /** A started workflow run is cancelled through the workflow route (admins only). */
    cancelWorkflow: job._type === 'WorkflowJob' && job.lifecycle === 'started' && !!job.workflow_id,
    runAgain: !!job.task_id && job._type !== 'WorkflowJob' && job._type !== 'AgentUpdateJob',
    restart: isFinished(job.lifecycle) && (job._type === 'ScriptJob' || job._type === 'NodejsJob'),
    submitInput: onhold && !approval && (job.user_inputs === true || job._type === 'DummyJob' || job._type === 'ScriptJob'),
    decide: approval && onhold,
  }
}

/** The button slots of the actions row, in their fixed order (a slot that appears later goes last). */
export const ACTION_SLOTS = ['decide', 'cancel', 'runAgain', 'restart'] as const
export type ActionSlot = (typeof ACTION_SLOTS)[number]

/** The slots that apply to the job now. `isAdmin`: whether a workflow run may be cancelled. */
export function liveSlots(job: Job, isAdmin: boolean): ActionSlot[] {
  const a = availableActions(job)
  const live: Record<ActionSlot, boolean> = {
    decide: a.decide,
    cancel: a.cancel || (a.cancelWorkflow && isAdmin),
    runAgain: a.runAgain,
    restart: a.restart,
  }
  return ACTION_SLOTS.filter((s) => live[s])
}

/**
 * The slots to render. After the user acted on this page (a decision, a cancel), the slots that were
 * there stay, disabled when they no longer apply: the job finishing must not slide "Run again"
 * under the pointer of a double-click on "Approve" (its second click started a new job).
 */
export function shownSlots(live: readonly ActionSlot[], kept: readonly ActionSlot[]): ActionSlot[] {
  return ACTION_SLOTS.filter((s) => live.includes(s) || kept.includes(s))
}

/** What a cancel's read-back means, said on the job page (an `other` outcome names the lifecycle it found). */
const CANCEL_MESSAGES: Record<Exclude<CancelOutcome, 'other'>, string> = {
  canceled: 'Job canceled.',
  terminated: 'Job terminated: it was already running, so it was stopped and its result will be ignored.',
  unchanged: 'The server accepted the cancel but the job did not change — it may not be cancellable.',
  gone: 'The cancel was sent, but the job could not be read back afterwards (it may have been removed).',
}

export function cancelMessage(result: CancelResult): string {
  if (result.outcome === 'other') return `The cancel was sent; the job is now ${result.after?.lifecycle ?? 'in an unknown lifecycle'}.`
  return CANCEL_MESSAGES[result.outcome]
}

/** What a cancel will do to this job, for the confirmation. */
export function cancelDescription(job: Job): string {
  const what =
    job._type === 'WorkflowJob' && job.lifecycle === 'started'
      ? 'The workflow run is running: its current step will be cancelled and the run marked terminated.'
      : job.lifecycle === 'assigned'
        ? 'The job is running on an agent: it will be terminated and its result ignored.'
        : 'The job has not started running: it will be cancelled.'
  return `${what} Cancelling cannot be undone.`
}

/** The approval's button labels (the task's, else Approve/Reject) and whether each is offered. */
export function approvalLabels(job: Job) {
  return {
    success: plainText(job.task?.success_label || job.success_label || 'Approve', 60),
    failure: plainText(job.task?.failure_label || job.failure_label || 'Reject', 60),
    successEnabled: job.task?.success_enabled !== false,
    failureEnabled: job.task?.failure_enabled !== false,
  }
}

/** The signed-in user is known and is not among the job's approvers. */
export function notAnApprover(job: Job, profileId: string | undefined): boolean {
  const approvers = job.approvers ?? job.task?.approvers
  return !!profileId && !!approvers && approvers.length > 0 && !approvers.includes(profileId)
}

/**
 * How far before the request (on our estimate of the server's clock) a job it created may be
 * dated: the estimate is at most a second ahead (Date header resolution) and otherwise behind
 * (a lower bound from the data), so a job that existed before the request is not mistaken for it.
 */
export const CREATED_MARGIN_MS = 3000

/**
 * The jobs a "Run again" whose answer never came may have created: same task, same user (when
 * known), created since just before the request was sent (on the server's clock). Newest first.
 */
export function possiblyCreatedJobs(jobs: readonly Job[], q: { taskId: string; userId?: string; sentAt: number; excludeId?: string }): Job[] {
  return jobs
    .filter((j) => {
      if (j.task_id !== q.taskId || j.id === q.excludeId) return false
      if (q.userId && j.user_id && j.user_id !== q.userId) return false
      const created = j.creation_date ? Date.parse(j.creation_date) : NaN
      return Number.isFinite(created) && created >= q.sentAt - CREATED_MARGIN_MS
    })
    .sort((a, b) => (b.creation_date ?? '').localeCompare(a.creation_date ?? ''))
}
