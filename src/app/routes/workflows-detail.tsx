import { useParams } from 'react-router'
import { WorkflowPage } from '@/features/workflows/components/workflow-page'

/** `/workflows/:workflowId`: the workflow's graph and its runs. */
export function WorkflowDetailRoute() {
  const { workflowId } = useParams()
  return <WorkflowPage workflowId={workflowId} />
}
