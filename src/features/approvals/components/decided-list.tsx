import { useQueries, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { Job } from '@/api/schemas/job'
import { Badge, type Tone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { RelativeTime } from '@/components/ui/time'
import { jobQueries } from '@/lib/job-queries'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { decidedOutcome, outcomeText } from '../approval-logic'
import { approvalQueries } from '../queries'
import { itemName } from './approval-item'
import { jobPath } from '@/lib/links'

const PAGE = 15

const OUTCOME: Record<ReturnType<typeof decidedOutcome>, { tone: Tone; icon: string }> = {
  approved: { tone: 'success', icon: '✓' },
  rejected: { tone: 'danger', icon: '✕' },
  canceled: { tone: 'muted', icon: '⊘' },
  other: { tone: 'neutral', icon: '■' },
}

function lastUpdate(job: Job): number {
  const t = Date.parse(job.last_update ?? job.creation_date ?? '')
  return Number.isFinite(t) ? t : 0
}

function decider(job: Job | undefined, meId: string | null): string | null {
  const user = job?.result?.user
  if (!user) return null
  if (meId && user.id === meId) return 'you'
  return plainText(user.username || user.email || user.id || 'someone', 80)
}

/**
 * Recent decisions: approval jobs that finished or were canceled, newest change first, with who
 * decided (result.user, which only the full document carries: fetched for the rows shown).
 */
export function DecidedList({ meId }: { meId: string | null }) {
  const { config } = useSession()
  const query = useQuery(approvalQueries.decided(config.refreshIntervalMs))
  const [limit, setLimit] = useState(PAGE)
  const sorted = useMemo(() => [...(query.data?.jobs ?? [])].filter((j) => j._type === 'ApprovalJob').sort((a, b) => lastUpdate(b) - lastUpdate(a)), [query.data])
  const shown = sorted.slice(0, limit)
  const details = useQueries({
    // A decided job does not change again: its document is fetched once.
    queries: shown.map((job) => ({ ...jobQueries.detail(job.id), staleTime: Infinity })),
  })

  if (query.isPending) return <SkeletonRows rows={5} label="Loading recent decisions" />
  if (query.isError && !query.data) return <ErrorPanel error={query.error} title="Could not load recent decisions" onRetry={() => void query.refetch()} />
  if (shown.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-300">No recent decisions.</p>

  return (
    <div>
      <ul aria-label="Recent decisions" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-700 dark:border-slate-700 dark:bg-slate-900">
        {shown.map((job, i) => {
          const full = details[i]?.data
          const outcome = decidedOutcome(full ?? job)
          const who = decider(full, meId)
          const style = OUTCOME[outcome]
          return (
            <li key={job.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm">
              <Link to={jobPath(job.id)} className="min-w-0 font-medium break-words underline-offset-2 hover:underline">
                {itemName(job)}
              </Link>
              <Badge tone={style.tone} icon={style.icon}>
                {outcomeText(full ?? job)}
              </Badge>
              <span className="text-slate-600 dark:text-slate-300">
                {details[i]?.isPending ? 'by …' : who ? `by ${who}` : 'decider not recorded'}
              </span>
              <span className="text-slate-600 dark:text-slate-300">
                <RelativeTime date={job.last_update ?? job.creation_date} />
              </span>
            </li>
          )
        })}
      </ul>
      {sorted.length > shown.length && (
        <Button className="mt-3" onClick={() => setLimit((l) => l + PAGE)}>
          Show more decisions
        </Button>
      )}
    </div>
  )
}
