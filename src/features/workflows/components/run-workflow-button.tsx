import { useNavigate } from 'react-router'
import { Button } from '@/components/ui/button'
import { workflowRunFormPath } from '@/lib/links'

/**
 * "Run workflow": opens the workflow's run form (`/workflows/:id/run`, the start task's arguments in
 * the one run form every task uses, with its pre-flight summary and validation).
 */
export function RunWorkflowButton({ workflowId }: { workflowId: string }) {
  const navigate = useNavigate()
  return (
    <Button variant="primary" onClick={() => navigate(workflowRunFormPath(workflowId))}>
      Run workflow
    </Button>
  )
}
