import { useQuery } from '@tanstack/react-query'
import type { Job } from '@/api/schemas/job'
import { jobQueries } from '@/lib/job-queries'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'

const ORIGIN: Record<string, string> = {
  scheduler: 'the scheduler',
  workflow: 'a workflow',
  trigger_by: 'a trigger',
  secret: 'a secret key call',
}

/**
 * Who started the job, for the runaway and approvals lists. List items carry only `user_id`; the
 * participants endpoint resolves it to a name (only the handful of listed rows ask, and the answer
 * is cached for a minute); until then, or if it fails, a short id stands in.
 */
export function StartedBy({ job }: { job: Job }) {
  const { profile } = useSession()
  const participants = useQuery({ ...jobQueries.participants(job.id), enabled: !!job.user_id })
  const via = job.origin && ORIGIN[job.origin]
  if (!job.user_id) return <span>{via ? `by ${via}` : '—'}</span>
  if (profile && job.user_id === profile.id) return <span>you{via ? ` (via ${via})` : ''}</span>
  const owner = participants.data?.owner
  const name = owner?.name || owner?.username || owner?.email
  return (
    <span title={owner?.email ?? job.user_id}>
      {name ? plainText(name, 80) : `user …${job.user_id.slice(-6)}`}
      {via ? ` (via ${via})` : ''}
    </span>
  )
}
