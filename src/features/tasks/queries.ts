import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { getRunningCounts, getTask } from '@/api/jobs'
import { fetchRemoteOptions, listHostLiveness, remoteOptionsUrl, runTask } from '@/api/tasks'
import { runWorkflow } from '@/api/workflows'
import { jobKeys, jobQueries } from '@/lib/job-queries'
import { isBlockedByPagePolicy } from './csp'

/** How many recent jobs the catalog reads for "last run" and success rates (the server keeps ~5 finished per task). */
export const CATALOG_JOBS_LIMIT = 500

export const taskKeys = {
  detail: (id: string) => [...jobKeys.tasks, 'detail', id] as const,
  liveness: ['host-liveness'] as const,
  runningCounts: [...jobKeys.all, 'running-count'] as const,
  remoteOptions: (url: string, idAttribute?: string, textAttribute?: string) => ['remote-options', url, idAttribute ?? '', textAttribute ?? ''] as const,
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
  /**
   * Options of a remote-options argument, fetched in the browser with no token. Never retried
   * by itself: the user sees the error and a Retry button.
   */
  remoteOptions: (endpointUrl: string, idAttribute: string | undefined, textAttribute: string | undefined, userEmail: string | undefined) =>
    queryOptions({
      queryKey: taskKeys.remoteOptions(endpointUrl.replace(/%THEEYE_USER_EMAIL%/g, userEmail ?? ''), idAttribute, textAttribute),
      queryFn: ({ signal }) =>
        fetchRemoteOptions(
          { url: remoteOptionsUrl(endpointUrl, userEmail, window.location.href), idAttribute, textAttribute, isBlocked: isBlockedByPagePolicy },
          { signal },
        ),
      retry: false,
      staleTime: 60_000,
      refetchOnWindowFocus: false,
    }),
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
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: jobKeys.lists() })
      void qc.invalidateQueries({ queryKey: taskKeys.runningCounts })
    },
  })
}
