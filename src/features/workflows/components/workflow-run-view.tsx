import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { isApiError } from '@/api/errors'
import { isFinished, type Job } from '@/api/schemas/job'
import { Callout } from '@/components/ui/callout'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { useNow } from '@/components/ui/time'
import { workflowPath } from '@/lib/links'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { runPollInterval, workflowQueries } from '../queries'
import { buildWorkflowGraph, mapRun, runHeadline } from '../run-graph'
import { RunActions } from './run-actions'
import { NeedsYou } from './run-needs-you'
import { StepsList } from './run-steps-list'
import { RunTimeline } from './run-timeline'
import { WorkflowGraph } from './workflow-graph'

/**
 * A workflow run (the WorkflowJob's page): where it is now, what waits on whom, the graph with the
 * path it took, its steps in words, its timeline, and the actions that apply, all in place. Reads the
 * workflow's definition and the run's steps; both refresh while the run moves.
 */
export function WorkflowRunView({ run }: { run: Job }) {
  const { config } = useSession()
  const refreshMs = config.refreshIntervalMs
  const workflowId = run.workflow_id
  const definition = useQuery({ ...workflowQueries.detail(workflowId ?? ''), enabled: !!workflowId })
  const tasks = useQuery({ ...workflowQueries.tasks(workflowId ?? ''), enabled: !!workflowId })
  const steps = useQuery({ ...workflowQueries.runSteps(run.id, workflowId), refetchInterval: runPollInterval(run, refreshMs) })
  const finished = isFinished(run.lifecycle)
  const now = useNow(1000, !finished)

  const knownTaskIds = useMemo(() => (tasks.data ? new Set(tasks.data.map((t) => t.id)) : undefined), [tasks.data])
  const graph = useMemo(
    () => buildWorkflowGraph(definition.data ?? { graph: null, version: 2, start_task_id: undefined }, { knownTaskIds }),
    [definition.data, knownTaskIds],
  )
  const map = useMemo(() => mapRun(graph, run, steps.data ?? []), [graph, run, steps.data])

  const definitionMissing = isApiError(definition.error) && definition.error.code === 'not_found'
  const loading = (definition.isPending && !!workflowId) || steps.isPending

  return (
    <section aria-labelledby="workflow-run-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 id="workflow-run-heading" className="text-lg font-semibold">
            Workflow run
            {definition.data && (
              <>
                {' of '}
                <Link to={workflowPath(definition.data.id)} className="text-indigo-700 underline dark:text-indigo-300">
                  {plainText(definition.data.name, 120)}
                </Link>
              </>
            )}
          </h2>
          {!loading && (
            <p className="text-sm" data-testid="run-headline">
              <span className="font-semibold">Now: </span>
              {runHeadline(map, run)}
            </p>
          )}
        </div>
        <RunActions run={run} canRun={!!workflowId && !definitionMissing} />
      </div>

      {!workflowId && <Callout size="sm">This run does not say which workflow it belongs to: its steps are listed as they ran.</Callout>}
      {definitionMissing && <Callout size="sm">The workflow of this run no longer exists: its steps are listed as they ran, without the graph.</Callout>}
      {definition.isError && !definitionMissing && (
        <ErrorPanel error={definition.error} title="The workflow's graph could not be loaded; its steps are listed as they ran" onRetry={() => definition.refetch()} />
      )}
      {steps.isError && <ErrorPanel error={steps.error} title="The steps of this run could not be loaded" onRetry={() => steps.refetch()} />}

      {loading ? (
        <SkeletonRows rows={4} label="Loading the run's graph and steps" />
      ) : (
        <>
          <NeedsYou map={map} run={run} />
          {map.notes.length > 0 && (
            <ul aria-label="Notes about this run" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
              {[...(definition.data ? graph.notes : []), ...map.notes].map((n, i) => (
                <li key={i}>
                  <span aria-hidden="true">ℹ </span>
                  {plainText(n, 400)}
                </li>
              ))}
            </ul>
          )}
          <WorkflowGraph graph={graph} run={map} />
          <StepsList map={map} />
          <RunTimeline jobs={[...map.steps, ...map.outside].flatMap((s) => s.jobs)} now={now} runStart={run.creation_date} />
        </>
      )}
    </section>
  )
}
