import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { Workflow } from '@/api/schemas/workflow'
import { PageLoadFailed, PageLoading, PageMessage } from '@/components/ui/page-state'
import { isObjectId, workflowPath } from '@/lib/links'
import { plainText } from '@/lib/text'
import { workflowQueries } from '../queries'

const BACK = { to: '/workflows', label: 'Back to workflows' }

/** A workflow page whose id is not an id. */
export function InvalidWorkflowId({ workflowId }: { workflowId: string | undefined }) {
  return (
    <PageMessage title="This is not a valid workflow id" back={BACK} className="mx-auto p-6">
      “{plainText(workflowId ?? '', 80)}” is not a workflow id: ids have 24 hexadecimal characters.
    </PageMessage>
  )
}

/** A workflow that could not be read: not found, or another error with Retry. */
export function WorkflowUnavailable({ workflowId, error, onRetry }: { workflowId: string; error: unknown; onRetry: () => void }) {
  return (
    <PageLoadFailed
      thing="Workflow"
      error={error}
      onRetry={onRetry}
      back={BACK}
      className="mx-auto p-6"
      notFound={`There is no workflow with id ${workflowId} in this organization. It may have been deleted.`}
    />
  )
}

/**
 * Reads a workflow for its run form (`/workflows/:id/run`) and hands its start task to `children`
 * (the route composes the tasks feature's run form there). Says plainly when the id is not one,
 * the workflow is gone, or it has no start task to take arguments from.
 */
export function WorkflowStart({ workflowId, children }: { workflowId: string | undefined; children: (workflow: Workflow & { start_task_id: string }) => ReactNode }) {
  const valid = isObjectId(workflowId)
  const definition = useQuery({ ...workflowQueries.detail(valid ? workflowId : ''), enabled: valid })
  if (!valid) return <InvalidWorkflowId workflowId={workflowId} />
  if (definition.isPending) return <PageLoading label="Loading the workflow" rows={5} className="mx-auto max-w-3xl p-6" />
  if (!definition.data) return <WorkflowUnavailable workflowId={workflowId} error={definition.error} onRetry={() => void definition.refetch()} />
  const wf = definition.data
  if (!wf.start_task_id) {
    return (
      <PageMessage title={`“${plainText(wf.name, 120)}” cannot be started here`} back={{ to: workflowPath(wf.id), label: 'Back to the workflow' }} className="mx-auto p-6">
        This workflow has no start task, so there are no arguments to ask for and the server would not know where to begin.
      </PageMessage>
    )
  }
  return children({ ...wf, start_task_id: wf.start_task_id })
}
