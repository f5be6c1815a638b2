import { useParams } from 'react-router'
import { RunTaskPage } from '@/features/tasks/components/run-task-page'
import { WorkflowStart } from '@/features/workflows/components/workflow-start'

/** `/workflows/:workflowId/run`: the workflow's start task in the one run form; "Run workflow" starts a run (POST /workflows/:id/job). */
export function WorkflowRunFormRoute() {
  const { workflowId } = useParams()
  return <WorkflowStart workflowId={workflowId}>{(wf) => <RunTaskPage taskId={wf.start_task_id} workflow={{ id: wf.id, name: wf.name }} />}</WorkflowStart>
}
