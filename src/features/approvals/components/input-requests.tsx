import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link } from 'react-router'
import type { Job } from '@/api/schemas/job'
import { Badge } from '@/components/ui/badge'
import { errorMessage } from '@/components/ui/error-panel'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { inputRequestsFor, type InboxMode } from '../approval-logic'
import { approvalQueries } from '../queries'
import { itemName, WaitingFor } from './approval-item'
import { jobPath } from '@/lib/links'

function InputRow({ job }: { job: Job }) {
  const name = itemName(job)
  const taskName = job.task?.name
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
      <h3 className="min-w-0 text-sm font-semibold break-words">
        <Link to={jobPath(job.id)} className="underline-offset-2 hover:underline">
          {name}
        </Link>
      </h3>
      <Badge tone="warning" icon="✎">
        input requested
      </Badge>
      <span className="text-xs text-slate-600 dark:text-slate-300">
        <WaitingFor since={job.creation_date} />
      </span>
      {taskName && <span className="text-xs text-slate-600 dark:text-slate-300">task {plainText(taskName, 120)}</span>}
      <Link
        to={jobPath(job.id)}
        className="ml-auto inline-flex h-8 items-center rounded-md border border-slate-300 px-2.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
        aria-label={`Give input to ${name}`}
      >
        Give input
      </Link>
    </li>
  )
}

/**
 * The other half of "what waits on me": jobs on hold until someone gives them input. The form
 * lives on the job's page (it needs the task's argument definitions); each row links there.
 */
export function InputRequests({ mode }: { mode: InboxMode }) {
  const { config, profile, signedIn } = useSession()
  const query = useQuery({ ...approvalQueries.inputs(config.refreshIntervalMs), enabled: signedIn })
  const jobs = useMemo(() => inputRequestsFor(query.data?.jobs ?? [], mode, profile?.memberId), [query.data, mode, profile?.memberId])

  if (query.isPending || mode.kind === 'loading') return null
  if (query.isError && !query.data)
    return (
      <p role="alert" className="text-sm text-amber-900 dark:text-amber-200">
        <span aria-hidden="true">⚠ </span>Could not load the jobs waiting for input: {errorMessage(query.error)}{' '}
        <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
          Retry loading input requests
        </button>
      </p>
    )
  if (jobs.length === 0) return null
  return (
    <section aria-labelledby="input-requests-heading" className="space-y-2">
      <h2 id="input-requests-heading" className="text-base font-semibold">
        Input requested ({jobs.length})
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">Jobs on hold until someone gives them the values they ask for.</p>
      <ul aria-label="Input requests waiting on you" className="space-y-2">
        {jobs.map((job) => (
          <InputRow key={job.id} job={job} />
        ))}
      </ul>
    </section>
  )
}
