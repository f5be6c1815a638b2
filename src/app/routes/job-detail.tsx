import { lazy, Suspense } from 'react'
import { useParams } from 'react-router'
import { SkeletonRows } from '@/components/ui/skeleton'
import { JobDetailPage } from '@/features/job-detail/components/job-detail-page'

// The workflow run view draws a graph (dagre): loaded only when the job is a workflow run.
const WorkflowRunView = lazy(async () => ({ default: (await import('@/features/workflows/components/workflow-run-view')).WorkflowRunView }))

/**
 * `/jobs/:jobId`: the job detail page (lifecycle timeline, output, actions). A WorkflowJob's page also
 * shows the run on its graph and timeline, with its actions in place (the workflows feature).
 */
export function JobDetailRoute() {
  const { jobId } = useParams()
  return (
    <JobDetailPage
      jobId={jobId}
      workflowRunView={(run) => (
        <Suspense fallback={<SkeletonRows rows={4} label="Loading the workflow run" />}>
          <WorkflowRunView run={run} />
        </Suspense>
      )}
    />
  )
}
