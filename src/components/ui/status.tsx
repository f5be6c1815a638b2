import { Badge } from './badge'
import { jobStatus, jobStatusTitle, lifecycleLook, stateLook, type BadgeLook, type StatusInput } from './status-meta'

export { jobStatus, lifecycleLabel, stateLabel, type JobStatus } from './status-meta'

function LookBadge({ look }: { look: BadgeLook }) {
  return (
    <Badge tone={look.tone} icon={look.icon} title={look.title}>
      {look.label}
    </Badge>
  )
}

export function StateBadge({ state }: { state: string | null | undefined }) {
  return <LookBadge look={stateLook(state)} />
}

export function LifecycleBadge({ lifecycle }: { lifecycle: string | null | undefined }) {
  return <LookBadge look={lifecycleLook(lifecycle)} />
}

export function JobStatusBadge({ job, className }: { job: StatusInput; className?: string }) {
  const s = jobStatus(job)
  return (
    <Badge tone={s.tone} icon={s.icon} className={className} title={jobStatusTitle(job)}>
      {s.label}
    </Badge>
  )
}
