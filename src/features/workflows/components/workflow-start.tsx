import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { isApiError } from '@/api/errors'
import type { Workflow } from '@/api/schemas/workflow'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Skeleton, SkeletonRows } from '@/components/ui/skeleton'
import { workflowPath } from '@/lib/links'
import { plainText } from '@/lib/text'
import { workflowQueries } from '../queries'

const isObjectId = (id: string | undefined): id is string => !!id && /^[0-9a-f]{24}$/i.test(id)

function Problem({ title, children, backTo, backText }: { title: string; children: ReactNode; backTo: string; backText: string }) {
  return (
    <div className="mx-auto max-w-3xl space-y-3 p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <div role="alert" className="text-sm">
        {children}
      </div>
      <Link to={backTo} className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300">
        {backText}
      </Link>
    </div>
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
  if (!valid) {
    return (
      <Problem title="This is not a valid workflow id" backTo="/workflows" backText="Back to workflows">
        “{plainText(workflowId ?? '', 80)}” is not a workflow id: ids have 24 hexadecimal characters.
      </Problem>
    )
  }
  if (definition.isPending) {
    return (
      <div className="mx-auto max-w-3xl space-y-4 p-6">
        <Skeleton className="h-8 w-72" />
        <SkeletonRows rows={5} label="Loading the workflow" />
      </div>
    )
  }
  if (!definition.data) {
    const notFound = isApiError(definition.error) && definition.error.code === 'not_found'
    return (
      <div className="mx-auto max-w-3xl space-y-3 p-6">
        <h1 className="text-xl font-semibold">{notFound ? 'Workflow not found' : 'Workflow not available'}</h1>
        <ErrorPanel
          error={definition.error}
          title={notFound ? 'There is no such workflow in this organization' : 'The workflow could not be loaded'}
          onRetry={notFound ? undefined : () => definition.refetch()}
          backTo="/workflows"
        />
      </div>
    )
  }
  const wf = definition.data
  if (!wf.start_task_id) {
    return (
      <Problem title={`“${plainText(wf.name, 120)}” cannot be started here`} backTo={workflowPath(wf.id)} backText="Back to the workflow">
        This workflow has no start task, so there are no arguments to ask for and the server would not know where to begin.
      </Problem>
    )
  }
  return children({ ...wf, start_task_id: wf.start_task_id })
}
