import { useParams } from 'react-router'
import { RunTaskPage } from '@/features/tasks/components/run-task-page'

/** `/tasks/:taskId/run`: the run form (`?arg.<label or order>=` pre-fills, `?from=<job id>` reuses a job's values). */
export function TaskRunRoute() {
  const { taskId } = useParams()
  return <RunTaskPage taskId={taskId} />
}
