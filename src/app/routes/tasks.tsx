import { TaskCatalogPage } from '@/features/tasks/components/task-catalog-page'

/** `/tasks`: the task catalog. */
export function TasksRoute() {
  return <TaskCatalogPage />
}
