import { Badge, type Tone } from './badge'

/**
 * Job state and lifecycle as a word plus an icon (never colour alone). Unknown values from the
 * server are shown as they are, marked as unknown.
 */
const STATE: Record<string, { tone: Tone; icon: string; label: string }> = {
  success: { tone: 'success', icon: '✓', label: 'success' },
  failure: { tone: 'danger', icon: '✕', label: 'failure' },
  error: { tone: 'danger', icon: '!', label: 'error' },
  timeout: { tone: 'warning', icon: '◷', label: 'timeout' },
  canceled: { tone: 'muted', icon: '⊘', label: 'canceled' },
  in_progress: { tone: 'info', icon: '◔', label: 'in progress' },
  unknown: { tone: 'muted', icon: '?', label: 'unknown' },
}

const LIFECYCLE: Record<string, { tone: Tone; icon: string; label: string }> = {
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

export function StateBadge({ state }: { state: string | null | undefined }) {
  const known = state ? STATE[state] : undefined
  if (!known) return <Badge tone="muted" icon="?" title="State not known to this dashboard">{state ?? 'no state'}</Badge>
  return <Badge tone={known.tone} icon={known.icon}>{known.label}</Badge>
}

export function LifecycleBadge({ lifecycle }: { lifecycle: string | null | undefined }) {
  const known = lifecycle ? LIFECYCLE[lifecycle] : undefined
  if (!known) return <Badge tone="muted" icon="?" title="Lifecycle not known to this dashboard">{lifecycle ?? 'no lifecycle'}</Badge>
  return <Badge tone={known.tone} icon={known.icon}>{known.label}</Badge>
}
