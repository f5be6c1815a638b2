/*
 * What a job is called and where it is in its life: the enumerations of theeye-api.md §2 and the few
 * pure helpers every view uses. No zod here: the boot module's first paint (before the app has loaded)
 * uses them too, with readJobLite below instead of the full parser.
 */

/* ---------------- enumerations (theeye-api.md §2) ---------------- */

export const LIFECYCLES = [
  'started',
  'ready',
  'assigned',
  'onhold',
  'syncing',
  'locked',
  'finished',
  'terminated',
  'canceled',
  'expired',
  'completed',
] as const
export type KnownLifecycle = (typeof LIFECYCLES)[number]

export const FINISHED_LIFECYCLES: readonly string[] = ['finished', 'terminated', 'canceled', 'expired', 'completed']
export const RUNNING_LIFECYCLES: readonly string[] = ['started', 'ready', 'assigned', 'onhold', 'syncing', 'locked']
export const CANCELABLE_LIFECYCLES: readonly string[] = ['ready', 'onhold', 'assigned']

export const JOB_STATES = ['in_progress', 'success', 'failure', 'canceled', 'timeout', 'error', 'unknown'] as const

export const JOB_TYPES = [
  'ScriptJob',
  'NodejsJob',
  'ScraperJob',
  'ApprovalJob',
  'DummyJob',
  'NotificationJob',
  'WorkflowJob',
  'AgentUpdateJob',
  'Job',
] as const
export type KnownJobType = (typeof JOB_TYPES)[number]

export function isFinished(lifecycle: string | null | undefined): boolean {
  return !!lifecycle && FINISHED_LIFECYCLES.includes(lifecycle)
}
export function isRunning(lifecycle: string | null | undefined): boolean {
  return !!lifecycle && RUNNING_LIFECYCLES.includes(lifecycle)
}

/** Display name: the job name, or a stand-in that says it is missing. */
export function jobDisplayName(job: { name?: string; id: string }): string {
  return job.name?.trim() ? job.name : `(unnamed job ${job.id.slice(-6)})`
}

