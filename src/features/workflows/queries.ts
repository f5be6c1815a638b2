import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { getTask, listJobs, listWorkflowJobs, listWorkflowRunJobs, submitJobInput } from '@/api/jobs'
import { isFinished, type Job } from '@/api/schemas/job'
import { getWorkflow, listWorkflows, listWorkflowTasks } from '@/api/workflows'
import { jobKeys } from '@/lib/job-queries'

/**
 * Keys of this feature. Definitions live under `workflows`; everything that is a job (runs, their
 * steps) lives under the shared `jobs` root, so every job invalidation (a decision, a cancel, the
 * live push) reaches the graph and the timeline too.
 */
export const workflowKeys = {
  all: ['workflows'] as const,
  list: () => [...workflowKeys.all, 'list'] as const,
  detail: (id: string) => [...workflowKeys.all, 'detail', id] as const,
  tasks: (id: string) => [...workflowKeys.all, 'tasks', id] as const,
  startTask: (taskId: string) => [...jobKeys.tasks, 'detail', taskId] as const,
  /** All jobs (runs and steps) of one workflow, #31. */
  jobs: (workflowId: string) => [...jobKeys.workflowJobs(), workflowId] as const,
  /**
   * The steps of one run, #33: the shape the live push merges step events into (`['jobs',
   * 'workflow-run', runId, …]` holding the run's task jobs).
   */
  runSteps: (runId: string) => [...jobKeys.all, 'workflow-run', runId] as const,
  /** Every WorkflowJob of the organization (the list page). */
  allRuns: () => jobKeys.workflowRuns(),
}

/** A run's task jobs: #33, or (servers without it) #31 grouped by workflow_job_id as the official UI does. */
async function runSteps(runId: string, workflowId: string | undefined, signal: AbortSignal): Promise<Job[]> {
  if (!workflowId) {
    const list = await listJobs({ limit: 1000 }, { signal })
    return list.jobs.filter((j) => j.workflow_job_id === runId)
  }
  try {
    return (await listWorkflowRunJobs(workflowId, runId, { signal })).jobs.filter((j) => j.id !== runId)
  } catch (error) {
    if (signal.aborted) throw error
    const list = await listWorkflowJobs(workflowId, { signal })
    return list.jobs.filter((j) => j.workflow_job_id === runId)
  }
}

export const workflowQueries = {
  list: () => queryOptions({ queryKey: workflowKeys.list(), queryFn: ({ signal }) => listWorkflows({ signal }), staleTime: 60_000 }),
  detail: (id: string) => queryOptions({ queryKey: workflowKeys.detail(id), queryFn: ({ signal }) => getWorkflow(id, { signal }), staleTime: 60_000 }),
  tasks: (id: string) =>
    queryOptions({
      queryKey: workflowKeys.tasks(id),
      queryFn: ({ signal }) => listWorkflowTasks(id, { signal }),
      staleTime: 5 * 60_000,
      // Only used to mark deleted tasks: a server that refuses it just shows no such marks.
      retry: false,
    }),
  startTask: (taskId: string) =>
    queryOptions({ queryKey: workflowKeys.startTask(taskId), queryFn: ({ signal }) => getTask(taskId, { signal }), staleTime: 5 * 60_000 }),
  jobs: (workflowId: string) =>
    queryOptions({ queryKey: workflowKeys.jobs(workflowId), queryFn: ({ signal }) => listWorkflowJobs(workflowId, { signal }) }),
  runSteps: (runId: string, workflowId: string | undefined) =>
    queryOptions({ queryKey: [...workflowKeys.runSteps(runId), workflowId ?? null], queryFn: ({ signal }) => runSteps(runId, workflowId, signal) }),
  allRuns: () =>
    queryOptions({
      queryKey: workflowKeys.allRuns(),
      // One request for every workflow's runs: the job list filtered by type (no N+1 per workflow).
      queryFn: ({ signal }) => listJobs({ types: ['WorkflowJob'], limit: 1000 }, { signal }),
    }),
}

/** Keep polling while anything of the run can still move; stop when the run and its steps are done. */
export function runPollInterval(run: Pick<Job, 'lifecycle'> | undefined, refreshMs: number) {
  return (query: { state: { data?: Job[] } }): number | false => {
    const steps = query.state.data
    if (run && isFinished(run.lifecycle) && steps && steps.every((s) => isFinished(s.lifecycle))) return false
    return refreshMs
  }
}

/** After a decision or a cancel on a run's step: the graph and the timeline read it back. */
export function invalidateRun(qc: ReturnType<typeof useQueryClient>, runId: string, workflowId: string | undefined) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: workflowKeys.runSteps(runId) }),
    qc.invalidateQueries({ queryKey: jobKeys.detail(runId) }),
    qc.invalidateQueries({ queryKey: jobKeys.lifecycle(runId) }),
    workflowId ? qc.invalidateQueries({ queryKey: workflowKeys.jobs(workflowId) }) : undefined,
  ])
}

/** Submit the input a step waits for (PUT /:customer/job/:id/input). One request per call; the run reads back after. */
export function useSubmitStepInput(runId: string, workflowId: string | undefined) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, args }: { id: string; args: unknown[] }) => submitJobInput(id, args),
    onSettled: (_data, _error, { id }) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: jobKeys.detail(id) }),
        qc.invalidateQueries({ queryKey: jobKeys.lifecycle(id) }),
        qc.invalidateQueries({ queryKey: jobKeys.lists() }),
        invalidateRun(qc, runId, workflowId),
      ]),
  })
}
