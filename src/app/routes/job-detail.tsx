import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useMemo } from 'react'
import { useParams } from 'react-router'
import type { Job } from '@/api/schemas/job'
import { Badge } from '@/components/ui/badge'
import { SkeletonRows } from '@/components/ui/skeleton'
import { JobDetailPage } from '@/features/job-detail/components/job-detail-page'
import { buildHistory, compactDuration, detectRunaway, elapsedSince, formatRatio, MIN_HISTORY_RUNS, stateSince } from '@/features/runaway/detect'
import { runawayQueries } from '@/features/runaway/queries'
import { median } from '@/lib/stats'

/**
 * The runaway feature's judgement of a job in progress, for the job page's verdict line. Features
 * meet here: the job page does not know the runaway rules, the runaway feature does not know the
 * page. The history is the runaway view's own query (shared cache: the navigation count has
 * usually loaded it already).
 */
function RunawayExpectation({ job, now }: { job: Job; now: number }) {
  const history = useQuery(runawayQueries.history())
  const index = useMemo(() => buildHistory(history.data?.jobs ?? [], [job]), [history.data, job])
  const flag = detectRunaway(job, index, now)
  const runs = (job.task_id && index.get(job.task_id)?.runs) || []
  const usual = job.lifecycle === 'assigned' && runs.length >= MIN_HISTORY_RUNS ? median(runs) : null
  // Counted like the runaway view: from when the agent took the job.
  const elapsed = elapsedSince(stateSince(job), now)
  const expected =
    usual === null
      ? null
      : elapsed !== null && usual > 0 && elapsed > usual
        ? `${formatRatio(elapsed / usual)} longer than usual (usually ${compactDuration(usual)}, median of ${runs.length} runs)`
        : `usually takes ${compactDuration(usual)} (median of ${runs.length} runs)`
  if (flag) {
    return (
      <p className="flex flex-wrap items-center gap-2 text-base">
        <Badge tone="danger" icon="⚠" className="text-sm">
          Runaway
        </Badge>
        <span className="font-semibold">
          {formatRatio(flag.ratio)} {flag.limit.label}
        </span>
        {expected && flag.limit.basis !== 'history' && <span className="text-sm">· {expected}</span>}
      </p>
    )
  }
  return expected ? <p className="text-sm">— {expected}</p> : null
}

// The workflow run view draws a graph (dagre): loaded only when the job is a workflow run.
const WorkflowRunView = lazy(async () => ({ default: (await import('@/features/workflows/components/workflow-run-view')).WorkflowRunView }))

/**
 * `/jobs/:jobId`: the job detail page (lifecycle timeline, output, actions). A WorkflowJob's page also
 * shows the run on its graph and timeline, with its actions in place (the workflows feature); a job
 * in progress says what the runaway rules make of it (the runaway feature).
 */
export function JobDetailRoute() {
  const { jobId } = useParams()
  return (
    <JobDetailPage
      jobId={jobId}
      Expectation={RunawayExpectation}
      workflowRunView={(run) => (
        <Suspense fallback={<SkeletonRows rows={4} label="Loading the workflow run" />}>
          <WorkflowRunView run={run} />
        </Suspense>
      )}
    />
  )
}
