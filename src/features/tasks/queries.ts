import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { getRunningCounts, getTask } from '@/api/jobs'
import { listHostLiveness, runTask } from '@/api/tasks'
import { runWorkflow } from '@/api/workflows'
import { jobKeys, jobQueries } from '@/lib/job-queries'

/** How many recent jobs the catalog reads for "last run" and success rates (the server keeps ~5 finished per task). */
export const CATALOG_JOBS_LIMIT = 500

export const taskKeys = {
  detail: (id: string) => [...jobKeys.tasks, 'detail', id] as const,
  liveness: ['host-liveness'] as const,
  runningCounts: [...jobKeys.all, 'running-count'] as const,
}

export const taskQueries = {
  list: () => jobQueries.tasks(),
  hosts: () => jobQueries.hosts(),
  detail: (id: string) => queryOptions({ queryKey: taskKeys.detail(id), queryFn: ({ signal }) => getTask(id, { signal }) }),
  recentJobs: () => jobQueries.list({ limit: CATALOG_JOBS_LIMIT }),
  runningCounts: () => queryOptions({ queryKey: taskKeys.runningCounts, queryFn: ({ signal }) => getRunningCounts({ signal }) }),
  liveness: () =>
    queryOptions({
      queryKey: taskKeys.liveness,
      queryFn: ({ signal }) => listHostLiveness({ signal }),
      staleTime: 30_000,
      // Non-admins are usually refused host resources: "unknown" is shown, not retried.
      retry: false,
    }),
  job: (id: string) => jobQueries.detail(id),
}

export type RunTarget = { kind: 'task'; taskId: string } | { kind: 'workflow'; workflowId: string }

/**
 * Starts a task (or a workflow through its start task's form). Never retried: a retry after a
 * timeout could start a second job. The jobs lists are refreshed; the caller navigates.
 */
export function useRunTask() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ target, args }: { target: RunTarget; args: unknown[] }) =>
      target.kind === 'task' ? runTask(target.taskId, args) : runWorkflow(target.workflowId, args),
    retry: false,
    onSuccess: (_job, { target }) => {
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
      void qc.invalidateQueries({ queryKey: taskKeys.runningCounts })
      if (target.kind === 'workflow') {
        // The workflow pages list their runs under these keys.
        void qc.invalidateQueries({ queryKey: jobKeys.workflowRuns() })
        void qc.invalidateQueries({ queryKey: jobKeys.workflowJobs() })
      }
    },
  })
}
