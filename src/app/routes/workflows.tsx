import { WorkflowsPage } from '@/features/workflows/components/workflows-page'

/** `/workflows`: every workflow with its latest runs. */
export function WorkflowsRoute() {
  return <WorkflowsPage />
}
