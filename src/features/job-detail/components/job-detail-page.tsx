import { Breadcrumb } from '@/components/ui/breadcrumb'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { isFinished, jobDisplayName, type Job } from '@/api/schemas/job'
import { Callout } from '@/components/ui/callout'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageLoadFailed, PageLoading, PageMessage } from '@/components/ui/page-state'
import { useHostName } from '@/lib/job-queries'
import { QueryWait } from '@/lib/query-wait'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { useDocumentTitle } from '@/lib/use-document-title'
import type { ObservedTransition } from '../lifecycle-steps'
import { isValidJobId, jobDetailQueries, livePollInterval } from '../queries'
import { BuildFailureNotice } from './build-failure-notice'
import { JobActions } from './job-actions'
import { JobArguments } from './job-arguments'
import { JobFacts, JobSummary } from './job-facts'
import { JobVerdict, type JobExpectation } from './job-verdict'
import { LifecycleTimeline } from './lifecycle-timeline'
import { OutputSection } from './output-section'

const BACK = { to: '/jobs', label: 'Back to jobs' }

/**
 * Slot for a workflow run's own view (graph, steps, timeline, run actions), given by the route: when
 * set, a WorkflowJob's page shows it instead of the plain steps list and the job actions.
 */
export type WorkflowRunSlot = (run: Job) => ReactNode

/**
 * `/jobs/:jobId`: validates the id before asking the server anything. The route composes what other
 * features add: `Expectation` (how long the job should take, in the verdict line) and
 * `workflowRunView`.
 */
export function JobDetailPage({ jobId, workflowRunView, Expectation }: { jobId: string | undefined; workflowRunView?: WorkflowRunSlot; Expectation?: JobExpectation }) {
  if (!isValidJobId(jobId)) return <InvalidJobId jobId={jobId} />
  // A new id is a new page: no state (observed transitions, open dialogs) carries over.
  return <JobDetail key={jobId} jobId={jobId} workflowRunView={workflowRunView} Expectation={Expectation} />
}

function InvalidJobId({ jobId }: { jobId: string | undefined }) {
  useDocumentTitle('Invalid job id')
  return (
    <PageMessage title="This is not a valid job id" back={BACK}>
      “{plainText(jobId ?? '', 80)}” is not a job id: job ids have 24 hexadecimal characters. Check the link you followed.
    </PageMessage>
  )
}

/**
 * Transitions this page saw: appended when a refetch shows a new lifecycle. This is UI state (what
 * the user watched happen), updated during render from the latest reading rather than in an effect.
 */
/**
 * The lifecycle changes seen while the page was open. A change's server time is the job's last_update
 * as the document that shows the change carries it: the lifecycle endpoint (a bare string) often sees
 * the change first, while the document still holds the previous state and its older last_update; the
 * entry then has no server time until the document, re-read, shows the change too.
 */
function useObservedTransitions(lifecycle: string | undefined, observedAt: number, doc: { lifecycle?: string; lastUpdate?: string }): ObservedTransition[] {
  const [log, setLog] = useState<{ last: string | undefined; entries: ObservedTransition[] }>({ last: lifecycle, entries: [] })
  const serverTimeOf = (to: string) => (doc.lifecycle === to ? doc.lastUpdate : undefined)
  if (lifecycle && lifecycle !== log.last) {
    setLog({
      last: lifecycle,
      entries: log.last === undefined ? log.entries : [...log.entries, { from: log.last, to: lifecycle, observedAt, serverAt: serverTimeOf(lifecycle) }],
    })
  } else {
    const latest = log.entries.at(-1)
    const serverAt = latest && !latest.serverAt && latest.to === log.last ? serverTimeOf(latest.to) : undefined
    if (latest && serverAt) setLog({ last: log.last, entries: [...log.entries.slice(0, -1), { ...latest, serverAt }] })
  }
  return log.entries
}

function JobDetail({ jobId, workflowRunView, Expectation }: { jobId: string; workflowRunView?: WorkflowRunSlot; Expectation?: JobExpectation }) {
  const { config } = useSession()
  const refreshMs = config.refreshIntervalMs
  // While the job runs, the cheap lifecycle endpoint (a bare string) is what polls; the full
  // document (which can carry a 2 MB log) is re-read when the lifecycle moves, and slowly as a
  // safety net. Where the lifecycle endpoint fails (viewers get 403), the document polls instead.
  const qc = useQueryClient()
  const detail = useQuery({
    ...jobDetailQueries.detail(jobId),
    refetchInterval: (q) => {
      const lifecycleFailed = qc.getQueryState(jobDetailQueries.lifecycle(jobId).queryKey)?.status === 'error'
      return livePollInterval(lifecycleFailed ? refreshMs : Math.max(30_000, refreshMs * 6))(q)
    },
  })
  const job = detail.data
  const running = !!job && !isFinished(job.lifecycle)
  const lifecycle = useQuery({
    ...jobDetailQueries.lifecycle(jobId),
    enabled: !!job,
    refetchInterval: (q) => (!running || isFinished(q.state.data?.current) || q.state.status === 'error' ? false : refreshMs),
  })
  const endpointLifecycle = lifecycle.data?.current
  const documentLifecycle = job?.lifecycle
  const { refetch: refetchDetail } = detail
  useEffect(() => {
    if (endpointLifecycle && documentLifecycle && endpointLifecycle !== documentLifecycle) void refetchDetail()
  }, [endpointLifecycle, documentLifecycle, refetchDetail])
  const participants = useQuery({ ...jobDetailQueries.participants(jobId), enabled: !!job })
  const isWorkflow = job?._type === 'WorkflowJob'
  const ownRunView = isWorkflow && !!workflowRunView
  const workflowRun = useQuery({
    ...jobDetailQueries.workflowRun(jobId, job?.workflow_id),
    enabled: isWorkflow && !ownRunView,
    refetchInterval: running ? refreshMs : false,
  })

  // The newest reading wins: the lifecycle endpoint when it answered after the document.
  const fromEndpoint = lifecycle.data && lifecycle.dataUpdatedAt >= detail.dataUpdatedAt ? lifecycle.data.current : undefined
  const current = fromEndpoint ?? job?.lifecycle ?? lifecycle.data?.current
  const observedAt = Math.max(detail.dataUpdatedAt, lifecycle.dataUpdatedAt)
  const observed = useObservedTransitions(current, observedAt, { lifecycle: job?.lifecycle, lastUpdate: job?.last_update })
  const hostName = useHostName()

  const title = job ? plainText(jobDisplayName(job), 120) : detail.isError ? 'Job not available' : 'Job'
  useDocumentTitle(title)

  if (detail.isPending) {
    return (
      <PageLoading label="Loading the job">
        <QueryWait query={detail} what="the server to send the job" />
      </PageLoading>
    )
  }

  // An error with no data yet: the page cannot show the job. (A failed refresh keeps the data and shows below.)
  if (!detail.data) {
    return (
      <PageLoadFailed
        thing="Job"
        error={detail.error}
        onRetry={() => detail.refetch()}
        back={BACK}
        notFound={`There is no job with id ${jobId} in this organization. It may have been removed: the server keeps only the last few runs of each task.`}
      />
    )
  }

  const current_job = detail.data
  const host = current_job.host_id ? hostName(current_job.host_id) : undefined
  const refreshError = detail.isError ? detail.error : null
  return (
    <div className="space-y-5">
      <Breadcrumb parent={{ to: '/jobs', label: 'Jobs' }} current={current_job.id} />
      <header className="space-y-3">
        {/* The first line is the verdict: how it ended (or what it is doing), and for how long. */}
        <JobVerdict job={current_job} lifecycle={current} Expectation={Expectation} />
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 text-2xl font-semibold break-words">{plainText(jobDisplayName(current_job), 300)}</h1>
          {detail.isFetching && !detail.isPending && <span className="text-xs text-slate-500 dark:text-slate-400">refreshing…</span>}
        </div>
        <JobSummary job={current_job} participants={participants} hostName={host} />
        {refreshError && <ErrorPanel error={refreshError} title="The latest refresh failed; showing the last known data" onRetry={() => detail.refetch()} />}
        {current_job.problems.length > 0 && (
          <Callout className="p-3" title="Unexpected data">
            <p>The server sent some fields this dashboard did not expect; they are shown as far as possible.</p>
            <ul className="mt-1 list-disc pl-5">
              {current_job.problems.map((p, i) => (
                <li key={i}>{plainText(p, 200)}</li>
              ))}
            </ul>
          </Callout>
        )}
        <BuildFailureNotice job={current_job} />
        {!ownRunView && <JobActions job={current_job} />}
      </header>
      {ownRunView && workflowRunView(current_job)}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <LifecycleTimeline
          job={current_job}
          current={current}
          history={lifecycle.data?.transitions ?? []}
          observed={observed}
          host={host}
          refreshMs={refreshMs}
          workflowRun={isWorkflow && !ownRunView ? workflowRun : undefined}
        />
        <div className="min-w-0 space-y-6">
          <OutputSection job={current_job} />
          <JobArguments job={current_job} />
        </div>
      </div>
      <details className="group rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
        <summary className="cursor-pointer px-4 py-2 text-sm font-semibold">
          Details <span className="font-normal text-slate-600 dark:text-slate-400">(type, people, observers, origin, trigger, times)</span>
        </summary>
        <div className="border-t border-slate-200 px-4 py-3 dark:border-slate-700">
          <JobFacts job={current_job} participants={participants} hostName={host} />
        </div>
      </details>
    </div>
  )
}
