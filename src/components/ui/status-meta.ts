import type { Tone } from './badge-tones'

/* No React here: the boot module's first paint (src/boot.ts) uses these words and icons too. */

/**
 * Job state and lifecycle as a word plus an icon (never colour alone). Unknown values from the
 * server are shown as they are, marked as unknown.
 */
export const STATE: Record<string, { tone: Tone; icon: string; label: string }> = {
  success: { tone: 'success', icon: '✓', label: 'success' },
  failure: { tone: 'danger', icon: '✕', label: 'failure' },
  error: { tone: 'danger', icon: '!', label: 'error' },
  timeout: { tone: 'warning', icon: '◷', label: 'timeout' },
  canceled: { tone: 'muted', icon: '⊘', label: 'canceled' },
  in_progress: { tone: 'info', icon: '◔', label: 'in progress' },
  unknown: { tone: 'muted', icon: '?', label: 'unknown' },
}

export const LIFECYCLE: Record<string, { tone: Tone; icon: string; label: string }> = {
  ready: { tone: 'info', icon: '…', label: 'ready' },
  assigned: { tone: 'info', icon: '▶', label: 'assigned' },
  started: { tone: 'info', icon: '▶', label: 'started' },
  onhold: { tone: 'warning', icon: '‖', label: 'on hold' },
  syncing: { tone: 'info', icon: '⇅', label: 'syncing' },
  locked: { tone: 'warning', icon: '▣', label: 'locked' },
  finished: { tone: 'neutral', icon: '■', label: 'finished' },
  terminated: { tone: 'danger', icon: '■', label: 'terminated' },
  canceled: { tone: 'muted', icon: '⊘', label: 'canceled' },
  expired: { tone: 'muted', icon: '◌', label: 'expired' },
  completed: { tone: 'neutral', icon: '■', label: 'completed' },
}

export function stateLabel(state: string | null | undefined): string {
  if (!state) return 'no state'
  return STATE[state]?.label ?? state
}

export function lifecycleLabel(lifecycle: string | null | undefined): string {
  if (!lifecycle) return 'no lifecycle'
  return LIFECYCLE[lifecycle]?.label ?? lifecycle
}

/** How a badge shows a value: word, icon and tone; a value this dashboard does not know is marked so (title). */
export interface BadgeLook {
  tone: Tone
  icon: string
  label: string
  title?: string
}

/** A job's state as a badge shows it. */
export function stateLook(state: string | null | undefined): BadgeLook {
  return (state && STATE[state]) || { tone: 'muted', icon: '?', label: state ?? 'no state', title: 'State not known to this dashboard' }
}

/** A job's lifecycle as a badge shows it. */
export function lifecycleLook(lifecycle: string | null | undefined): BadgeLook {
  return (lifecycle && LIFECYCLE[lifecycle]) || { tone: 'muted', icon: '?', label: lifecycle ?? 'no lifecycle', title: 'Lifecycle not known to this dashboard' }
}

export interface JobStatus {
  /** One word or two, as a person says it: "failure", "running", "on hold", "queued". */
  label: string
  tone: Tone
  icon: string
  /** Finished jobs say how they ended; others what they are doing. */
  finished: boolean
}

export type StatusInput = { state?: string | null; lifecycle?: string | null }

export const ACTIVE: Record<string, { tone: Tone; icon: string; label: string }> = {
  ready: { tone: 'info', icon: '…', label: 'queued' },
  assigned: { tone: 'info', icon: '◔', label: 'running' },
  started: { tone: 'info', icon: '◔', label: 'running' },
  onhold: { tone: 'warning', icon: '‖', label: 'on hold' },
  syncing: { tone: 'info', icon: '⇅', label: 'syncing' },
  locked: { tone: 'warning', icon: '▣', label: 'locked' },
}

/**
 * The one status of a job, the way the jobs list and the job page lead with it: how a finished job
 * ended (its state: the same words as the State filter), or what an unfinished one is doing (its
 * lifecycle).
 */
export function jobStatus(job: StatusInput): JobStatus {
  const lc = job.lifecycle ?? ''
  const active = ACTIVE[lc]
  if (active) return { ...active, finished: false }
  if (lc === 'canceled' || lc === 'expired') return { ...LIFECYCLE[lc]!, finished: true }
  if (lc === 'finished' || lc === 'terminated' || lc === 'completed') {
    const s = job.state ? STATE[job.state] : undefined
    if (s && job.state !== 'in_progress') return { ...s, finished: true }
    return { tone: 'neutral', icon: '■', label: job.state ? `${lc} (${job.state})` : lc, finished: true }
  }
  // A lifecycle this dashboard does not know: say what there is, marked unknown.
  return { tone: 'muted', icon: '?', label: lc || stateLabel(job.state), finished: false }
}


/** The status badge's hover text: both raw values, or that the lifecycle is unknown. */
export function jobStatusTitle(job: StatusInput): string {
  const known = !!job.lifecycle && (!!ACTIVE[job.lifecycle] || !!LIFECYCLE[job.lifecycle])
  return known ? `state ${stateLabel(job.state)}, lifecycle ${lifecycleLabel(job.lifecycle)}` : 'Lifecycle not known to this dashboard'
}
