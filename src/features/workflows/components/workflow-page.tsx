import { Breadcrumb } from '@/components/ui/breadcrumb'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { isRunning } from '@/api/schemas/job'
import { StartedBy } from '@/components/started-by'
import { Button } from '@/components/ui/button'
import { ErrorPanel } from '@/components/ui/error-panel'
import { PageLoading } from '@/components/ui/page-state'
import { SkeletonRows } from '@/components/ui/skeleton'
import { StateBadge } from '@/components/ui/status'
import { formatDuration, RelativeTime, useNow } from '@/components/ui/time'
import { useSession } from '@/lib/session'
import { jobDurationMs } from '@/lib/stats'
import { plainText } from '@/lib/text'
import { useDocumentTitle } from '@/lib/use-document-title'
import { workflowQueries } from '../queries'
import { buildWorkflowGraph, mapRun } from '../run-graph'
import { groupRuns, runStats, runWord } from '../workflow-runs'
import { RunWorkflowButton } from './run-workflow-button'
import { WorkflowGraph } from './workflow-graph'
import { InvalidWorkflowId, WorkflowUnavailable } from './workflow-start'
import { isObjectId, jobPath } from '@/lib/links'

/** `/workflows/:workflowId`: the definition drawn as a graph, its runs beside it; selecting a run lights its path. */
export function WorkflowPage({ workflowId }: { workflowId: string | undefined }) {
  if (!isObjectId(workflowId)) return <InvalidWorkflowId workflowId={workflowId} />
  return <Workflow key={workflowId} workflowId={workflowId} />
}

function Workflow({ workflowId }: { workflowId: string }) {
  const { config } = useSession()
  const [params, setParams] = useSearchParams()
  const selectedId = params.get('run')
  const definition = useQuery(workflowQueries.detail(workflowId))
  const tasks = useQuery(workflowQueries.tasks(workflowId))
  const jobs = useQuery({
    ...workflowQueries.jobs(workflowId),
    refetchInterval: (q) => (q.state.data?.jobs.some((j) => j._type === 'WorkflowJob' && isRunning(j.lifecycle)) ? config.refreshIntervalMs : false),
  })
  const now = useNow(5000)
  useDocumentTitle(definition.data ? plainText(definition.data.name, 120) : 'Workflow')

  const knownTaskIds = useMemo(() => (tasks.data ? new Set(tasks.data.map((t) => t.id)) : undefined), [tasks.data])
  const graph = useMemo(() => (definition.data ? buildWorkflowGraph(definition.data, { knownTaskIds }) : null), [definition.data, knownTaskIds])
  const runs = useMemo(() => groupRuns(jobs.data?.jobs ?? []), [jobs.data])
  const selected = runs.find((r) => r.run.id === selectedId)
  const map = useMemo(() => (graph && selected ? mapRun(graph, selected.run, selected.steps) : undefined), [graph, selected])
  const stats = runStats(runs.map((r) => r.run))

  if (definition.isPending) return <PageLoading label="Loading the workflow" className="mx-auto max-w-6xl p-6" />
  if (definition.isError) return <WorkflowUnavailable workflowId={workflowId} error={definition.error} onRetry={() => void definition.refetch()} />
  const wf = definition.data
  const select = (id: string | null) => setParams(id ? { run: id } : {}, { replace: true })

  return (
    <div className="mx-auto max-w-screen-2xl space-y-4 p-4 sm:p-6">
      <Breadcrumb parent={{ to: '/workflows', label: 'Workflows' }} current={plainText(wf.name, 120)} />
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold break-words">{plainText(wf.name, 200)}</h1>
          {wf.description && <p className="text-sm text-slate-600 dark:text-slate-400">{plainText(wf.description, 400)}</p>}
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {stats.running > 0 ? `${stats.running} running now · ` : ''}
            {stats.successRate === null ? 'no finished run kept' : `${Math.round(stats.successRate * 100)}% success over ${stats.finished} finished runs kept`}
            {wf.multitasking === false ? ' · runs one at a time' : ''}
          </p>
        </div>
        <RunWorkflowButton workflowId={wf.id} />
      </header>
      {wf.problems.length > 0 && (
        <p className="text-sm text-amber-900 dark:text-amber-200">Unexpected data in this workflow: {wf.problems.map((p) => plainText(p, 120)).join('; ')}.</p>
      )}
      {graph && graph.notes.length > 0 && (
        <ul aria-label="Notes about this workflow" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          {graph.notes.map((n, i) => (
            <li key={i}>
              <span aria-hidden="true">ℹ </span>
              {plainText(n, 400)}
            </li>
          ))}
        </ul>
      )}
      <div className="grid gap-4 2xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-2">
          {selected && map ? (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span>
                Showing the path of{' '}
                <Link to={jobPath(selected.run.id)} className="font-medium text-indigo-700 underline dark:text-indigo-300">
                  run {selected.run.order ? `#${selected.run.order}` : `…${selected.run.id.slice(-6)}`}
                </Link>{' '}
                ({runWord(selected.run)}): taken edges are bold, steps that did not run are greyed.
              </span>
              <Button size="sm" variant="ghost" onClick={() => select(null)}>
                Show the definition only
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Select a run to light up the path it took.</p>
          )}
          {graph && <WorkflowGraph graph={graph} run={map} />}
          {map && map.notes.length > 0 && (
            <ul aria-label="Notes about the selected run" className="list-disc pl-5 text-sm text-slate-700 dark:text-slate-300">
              {map.notes.map((n, i) => (
                <li key={i}>{plainText(n, 400)}</li>
              ))}
            </ul>
          )}
        </div>
        <section aria-labelledby="runs-heading" className="min-w-0 space-y-2">
          <h2 id="runs-heading" className="text-lg font-semibold">
            Runs
          </h2>
          {jobs.isPending ? (
            <SkeletonRows rows={4} label="Loading runs" />
          ) : jobs.isError ? (
            <ErrorPanel error={jobs.error} title="The runs could not be loaded" onRetry={() => jobs.refetch()} />
          ) : runs.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No run kept. The server removes old runs beyond its history limit.</p>
          ) : (
            <ol aria-label="Runs" className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-1">
              {runs.map(({ run }) => {
                const isSelected = run.id === selected?.run.id
                const label = run.order ? `Run #${run.order}` : `Run …${run.id.slice(-6)}`
                return (
                  <li key={run.id} className={`rounded-md border p-2 text-sm ${isSelected ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950' : 'border-slate-200 dark:border-slate-700'}`}>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <Link to={jobPath(run.id)} className="font-medium text-indigo-700 underline dark:text-indigo-300">
                        {label}
                      </Link>
                      {runWord(run) === 'running' ? <span className="font-medium text-indigo-800 dark:text-indigo-300">▶ running</span> : <StateBadge state={run.state} />}
                    </div>
                    <p className="text-slate-600 dark:text-slate-400">
                      <RelativeTime date={run.creation_date} now={now} /> · {formatDuration(jobDurationMs(run, now))} · by <StartedBy job={run} />
                    </p>
                    <Button size="sm" variant={isSelected ? 'primary' : 'secondary'} className="mt-1" aria-pressed={isSelected} onClick={() => select(isSelected ? null : run.id)}>
                      {isSelected ? 'Shown on the graph' : 'Show on the graph'}
                      <span className="sr-only"> ({label})</span>
                    </Button>
                  </li>
                )
              })}
            </ol>
          )}
        </section>
      </div>
    </div>
  )
}
