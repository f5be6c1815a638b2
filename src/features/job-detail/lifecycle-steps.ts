import { FINISHED_LIFECYCLES, LIFECYCLES, type Job, type LifecycleTransition } from '@/api/schemas/job'

/**
 * The job's path through the supervisor's lifecycle machine (theeye-api.md §6.5), as steps a
 * person can read: what happened, what is happening now, what is still to come.
 */

export type StepStatus = 'done' | 'current' | 'upcoming'

export interface LifecycleStep {
  /** A lifecycle value, or 'created' / 'end' (the not-yet-known final step). */
  key: string
  label: string
  description: string
  status: StepStatus
  /** Known time of the step (ISO). */
  at?: string
  /** Extra fact about the time, e.g. "ran for 4s (measured by the agent)". */
  note?: string
  unknown?: boolean
}

export interface ObservedTransition {
  from: string | undefined
  to: string
  /** When this page saw the change (epoch ms). */
  observedAt: number
  /** The job's last_update at that moment (server time of the change, when the server bumped it). */
  serverAt?: string
}

const KNOWN = new Set<string>(LIFECYCLES)

function isApproval(job: Job) {
  return job._type === 'ApprovalJob'
}
function isWorkflow(job: Job) {
  return job._type === 'WorkflowJob'
}
function waitsForInput(job: Job) {
  return !isApproval(job) && !isWorkflow(job) && (job.user_inputs === true || job.task?.user_inputs === true)
}

/** What a lifecycle means for this job, in words. */
export function describeLifecycle(lifecycle: string, job: Job, host?: string): string {
  const where = host ? ` on host ${host}` : ''
  switch (lifecycle) {
    case 'created':
      return `the job was created${job.origin ? ` (origin: ${job.origin})` : ''}`
    case 'ready':
      return isWorkflow(job) ? 'the workflow run is queued to start' : `queued, waiting for an agent${where} to pick it up`
    case 'assigned':
      return `an agent${where} took the job and is running it`
    case 'onhold':
      if (isApproval(job)) return 'waiting for an approver to decide'
      if (isWorkflow(job)) return 'the workflow run waits for its turn (one run at a time)'
      if (waitsForInput(job)) return 'waiting for someone to submit input'
      return 'paused, waiting for a person'
    case 'started':
      return 'the workflow run dispatched its first task job and is running'
    case 'syncing':
      return 'waiting for the agent to sync before it can run'
    case 'locked':
      return 'held by the server; it will not run until someone gives input'
    case 'finished':
      if (isApproval(job)) return `an approver decided (${job.state === 'success' ? 'approved' : job.state === 'failure' ? 'rejected' : `state ${job.state ?? 'unknown'}`})`
      return `the job ended and reported its result${job.state ? ` (state ${job.state})` : ''}`
    case 'terminated':
      if (job.state === 'timeout') return 'stopped: it ran past its timeout and was killed'
      if (job.state === 'error') return 'stopped: the job could not be built (see the log)'
      if (job.state === 'canceled') return 'stopped: it was canceled while running'
      return 'stopped before it could finish'
    case 'canceled':
      return 'canceled before it ran'
    case 'expired':
      return 'expired without running'
    case 'completed':
      return 'completed'
    case 'end':
      return isApproval(job) ? 'ends when an approver decides, or when it is canceled' : 'ends as finished, terminated or canceled'
    default:
      return 'not a lifecycle this dashboard knows'
  }
}

export function lifecycleStepLabel(lifecycle: string): string {
  if (lifecycle === 'onhold') return 'on hold'
  if (lifecycle === 'end') return 'finished, terminated or canceled'
  if (lifecycle === 'created' || KNOWN.has(lifecycle)) return lifecycle
  return `${lifecycle} (not a lifecycle this dashboard knows)`
}

/** The steps between creation and the end that this kind of job goes through. */
function middleSteps(job: Job, current: string, seen: Set<string>): string[] {
  if (isWorkflow(job)) return [current === 'onhold' || seen.has('onhold') ? 'onhold' : 'ready', 'started']
  if (isApproval(job)) return ['onhold']
  if (job._type === 'NotificationJob') return []
  if (job._type === 'DummyJob') return waitsForInput(job) || current === 'onhold' || seen.has('onhold') ? ['onhold'] : []
  const steps: string[] = []
  for (const s of ['syncing', 'locked', 'onhold']) if (current === s || seen.has(s)) steps.push(s)
  if (!steps.includes('onhold') && waitsForInput(job) && !steps.includes('locked')) steps.push('onhold')
  steps.push('ready', 'assigned')
  return steps
}

/**
 * Builds the timeline. `current` is the lifecycle the server reports now (the lifecycle endpoint,
 * else the job document); `history` are transitions the server sent (if it sends any) and
 * `observed` those this page saw happen.
 */
export function buildLifecycleSteps(
  job: Job,
  current: string | undefined,
  opts: { history?: LifecycleTransition[]; observed?: ObservedTransition[]; host?: string } = {},
): LifecycleStep[] {
  const cur = current ?? job.lifecycle ?? ''
  const history = opts.history ?? []
  const observed = opts.observed ?? []
  const seen = new Set<string>([...history.map((t) => t.lifecycle), ...observed.flatMap((t) => [t.from ?? '', t.to])])
  const host = opts.host
  const step = (key: string, status: StepStatus, extra: Partial<LifecycleStep> = {}): LifecycleStep => ({
    key,
    label: lifecycleStepLabel(key),
    description: describeLifecycle(key, job, host),
    status,
    ...extra,
  })
  const created = step('created', 'done', { at: job.creation_date })

  // A server that sends its own history: show it as it is.
  if (history.length > 0) {
    const steps = [created]
    history.forEach((t, i) => {
      const last = i === history.length - 1
      steps.push(step(t.lifecycle, last ? 'current' : 'done', { at: t.date, unknown: !KNOWN.has(t.lifecycle) }))
    })
    if (!FINISHED_LIFECYCLES.includes(history[history.length - 1]!.lifecycle)) steps.push(step('end', 'upcoming'))
    return steps
  }

  if (!cur) return [created, step('end', 'upcoming')]
  if (!KNOWN.has(cur)) return [created, step(cur, 'current', { unknown: true, at: job.last_update })]

  const finished = FINISHED_LIFECYCLES.includes(cur)
  let middle = middleSteps(job, cur, seen)
  if (finished) {
    if (cur === 'canceled') {
      // canceled comes from ready or onhold: the job never reached assigned/started.
      const cut = middle.findIndex((s) => s === 'assigned' || s === 'started')
      if (cut >= 0) middle = middle.slice(0, cut)
    }
    const steps = [created, ...middle.map((s) => step(s, 'done')), step(cur, 'current', { at: job.last_update })]
    return annotateRun(steps, job)
  }
  if (!middle.includes(cur)) middle = [...middle.filter((s) => s !== 'ready' && s !== 'assigned'), cur, ...(cur === 'ready' ? ['assigned'] : [])]
  const index = middle.indexOf(cur)
  const steps = [
    created,
    ...middle.map((s, i) => step(s, i < index ? 'done' : i === index ? 'current' : 'upcoming', i === index && job.last_update !== job.creation_date ? { at: job.last_update } : {})),
    step('end', 'upcoming'),
  ]
  return annotateRun(steps, job)
}

/** For a finished script job, the agent's own measure of how long it ran goes on the "assigned" step. */
function annotateRun(steps: LifecycleStep[], job: Job): LifecycleStep[] {
  const t = job.result?.times
  if (!t || !Number.isFinite(t.seconds)) return steps
  const assigned = steps.find((s) => s.key === 'assigned' && s.status === 'done')
  if (assigned) {
    const seconds = t.seconds + (t.nanoseconds ?? 0) / 1e9
    assigned.note = `ran for ${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s (measured by the agent)`
  }
  return steps
}
