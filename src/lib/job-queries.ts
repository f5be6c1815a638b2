import { queryOptions, useMutation, useQuery, useQueryClient, type Query, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import {
  approveJob,
  cancelJob,
  cancelWorkflowRun,
  getJob,
  getJobLifecycle,
  getJobParticipants,
  listHosts,
  listJobs,
  listTasks,
  rejectJob,
  type JobListQuery,
} from '@/api/jobs'
import type { Job } from '@/api/schemas/job'
import { plainText } from './text'

/**
 * Shared query-key factory for jobs. Every feature that reads jobs builds its queries from it
 * (the approvals inbox and the runaway view are `jobQueries.list(...)` with their own filters), so
 * one invalidation of `jobKeys.lists()` refreshes the list, the approvals and the runaway views.
 */
export const jobKeys = {
  all: ['jobs'] as const,
  lists: () => [...jobKeys.all, 'list'] as const,
  list: (q: JobListQuery) => [...jobKeys.lists(), q] as const,
  details: () => [...jobKeys.all, 'detail'] as const,
  detail: (id: string) => [...jobKeys.details(), id] as const,
  lifecycle: (id: string) => [...jobKeys.all, 'lifecycle', id] as const,
  participants: (id: string) => [...jobKeys.all, 'participants', id] as const,
  /** Jobs of workflows (runs and their steps): one key per workflow below this one. */
  workflowJobs: () => [...jobKeys.all, 'workflow-jobs'] as const,
  /** Every WorkflowJob of the organization. */
  workflowRuns: () => [...jobKeys.all, 'workflow-runs'] as const,
  tasks: ['tasks'] as const,
  hosts: ['hosts'] as const,
}

/**
 * A list that is heavy to read and moves slowly (the runaway view's 1,000 finished jobs). It stays
 * under `jobKeys.lists()`, so invalidating the lists or the jobs key refreshes it like any other;
 * only a change to one job that cannot matter to it (a decision: `invalidateJob(…, { slowLists: false })`)
 * leaves it to its own refetchInterval.
 */
const SLOW_LIST = 'slowList'
const isSlowList = (query: Query) => query.meta?.[SLOW_LIST] === true

export const jobQueries = {
  list: (q: JobListQuery) =>
    queryOptions({ queryKey: jobKeys.list(q), queryFn: ({ signal }) => listJobs(q, { signal }) }),
  /** A heavy list (see SLOW_LIST): stale after `staleTime`, and not re-read on every decision. */
  slowList: (q: JobListQuery, staleTime: number) => queryOptions({ ...jobQueries.list(q), staleTime, meta: { [SLOW_LIST]: true } }),
  detail: (id: string) => queryOptions({ queryKey: jobKeys.detail(id), queryFn: ({ signal }) => getJob(id, { signal }) }),
  lifecycle: (id: string) =>
    queryOptions({ queryKey: jobKeys.lifecycle(id), queryFn: ({ signal }) => getJobLifecycle(id, { signal }) }),
  participants: (id: string) =>
    queryOptions({ queryKey: jobKeys.participants(id), queryFn: ({ signal }) => getJobParticipants(id, { signal }), staleTime: 60_000 }),
  tasks: () => queryOptions({ queryKey: jobKeys.tasks, queryFn: ({ signal }) => listTasks({ signal }), staleTime: 5 * 60_000 }),
  hosts: () =>
    queryOptions({
      queryKey: jobKeys.hosts,
      queryFn: ({ signal }) => listHosts({ signal }),
      staleTime: 5 * 60_000,
      // Host names are a nicety: a server without the endpoint just shows ids.
      retry: false,
    }),
}

/** Host id -> host name, from the hosts list; falls back to a short id where unknown. */
export function useHostName(): (hostId: string | null | undefined) => string {
  const { data } = useQuery(jobQueries.hosts())
  return useCallback(
    (hostId) => {
      if (!hostId) return '—'
      const host = data?.find((h) => h.id === hostId)
      return host ? plainText(host.hostname, 80) : `host …${hostId.slice(-6)}`
    },
    [data],
  )
}

export type CancelOutcome = 'canceled' | 'terminated' | 'unchanged' | 'gone' | 'other'

export interface CancelResult {
  before?: Job
  after?: Job
  outcome: CancelOutcome
}

/** What really happened after a cancel's 204: the server answers 204 even when nothing changed. */
export function cancelOutcome(before: Job | undefined, after: Job | undefined): CancelOutcome {
  if (!after) return 'gone'
  if (after.lifecycle === 'canceled') return 'canceled'
  if (after.lifecycle === 'terminated') return 'terminated'
  if (before && after.lifecycle === before.lifecycle && after.state === before.state) return 'unchanged'
  return 'other'
}

/** Reads a job back after a cancel's 204 and says what really happened. */
async function readBack(qc: QueryClient, id: string, before: Job | undefined): Promise<CancelResult> {
  let after: Job | undefined
  try {
    after = await qc.fetchQuery({ ...jobQueries.detail(id), staleTime: 0 })
  } catch {
    after = undefined
  }
  return { before, after, outcome: cancelOutcome(before, after) }
}

/**
 * After a job changed: every list of jobs (the jobs list, the approvals inbox, the runaway view and
 * the navigation counts all live under `jobKeys.lists()`), and that job's own document and
 * lifecycle. Resolves when they are fresh, so a button stays pending until then. With
 * `slowLists: false` the heavy lists (`jobQueries.slowList`) are left out: for a change that moves
 * them by one job at most, which their own refresh picks up.
 */
export function invalidateJob(qc: QueryClient, id: string, { slowLists = true }: { slowLists?: boolean } = {}) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: jobKeys.lists(), predicate: slowLists ? undefined : (query) => !isSlowList(query) }),
    qc.invalidateQueries({ queryKey: jobKeys.detail(id) }),
    qc.invalidateQueries({ queryKey: jobKeys.lifecycle(id) }),
  ])
}

/** After a cancel the document was just read back (readBack): the lists and the lifecycle. */
function invalidateAfterCancel(qc: QueryClient, id: string) {
  return Promise.all([qc.invalidateQueries({ queryKey: jobKeys.lists() }), qc.invalidateQueries({ queryKey: jobKeys.lifecycle(id) })])
}

/**
 * Cancel one job, then refetch it to learn the truth. Resolves once every affected view has been
 * told to refresh, so the button stays pending until then.
 */
export function useCancelJob() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async ({ id, before }: { id: string; before?: Job }): Promise<CancelResult> => {
      await cancelJob(id)
      return readBack(qc, id, before)
    },
    onSettled: (_data, _error, { id }) => invalidateAfterCancel(qc, id),
  })
}

/**
 * Cancel a running workflow execution (admin only on the server; the per-job cancel does nothing
 * on a started run). Its answer says nothing either: the run is read back the same way.
 */
export function useCancelWorkflowRun() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async ({ run }: { run: Job }): Promise<CancelResult> => {
      await cancelWorkflowRun(run.workflow_id ?? '', run.id)
      return readBack(qc, run.id, run)
    },
    onSettled: (_data, _error, { run }) => invalidateAfterCancel(qc, run.id),
  })
}

/**
 * Approve or reject an ApprovalJob. Exactly one request per call; no retry. Afterwards the lists
 * (the approvals among them), that job and its lifecycle are re-read, not the heavy history (a bulk
 * decision of 50 would re-read 1,000 finished jobs 50 times).
 */
export function useDecideApproval() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
      decision === 'approve' ? approveJob(id) : rejectJob(id),
    onSettled: (_data, _error, { id }) => invalidateJob(qc, id, { slowLists: false }),
  })
}
