import { Badge } from './badge'
import { jobStatus, jobStatusTitle, LIFECYCLE, STATE, type StatusInput } from './status-meta'

export { jobStatus, lifecycleLabel, stateLabel, type JobStatus } from './status-meta'

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

export function JobStatusBadge({ job, className }: { job: StatusInput; className?: string }) {
  const s = jobStatus(job)
  return (
    <Badge tone={s.tone} icon={s.icon} className={className} title={jobStatusTitle(job)}>
      {s.label}
    </Badge>
  )
}
