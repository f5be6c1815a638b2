import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/errors'
import { createJob, getTask, listJobs, listWorkflowJobs, listWorkflowRunJobs, restartJob, submitJobInput } from '@/api/jobs'
import { isFinished, type Job } from '@/api/schemas/job'
import { invalidateJob, jobKeys, jobQueries } from '@/lib/job-queries'
import { noteMovedBack } from '@/lib/live/moved-back'

/** Keys of this feature, under the shared `jobs` root so every job invalidation reaches them. */
export const jobDetailKeys = {
  workflowRun: (workflowJobId: string) => [...jobKeys.all, 'workflow-run', workflowJobId] as const,
  task: (taskId: string) => [...jobKeys.tasks, 'detail', taskId] as const,
}

/** A job id is a 24-hex ObjectId; anything else is not worth a request. */
export function isValidJobId(id: string | undefined): id is string {
  return !!id && /^[0-9a-f]{24}$/i.test(id)
}

/**
 * Poll while the job can still change; stop once it is finished, and on errors that will not
 * heal by themselves (404, 403): polling them would only repeat the same answer.
 */
export function livePollInterval(refreshMs: number) {
  return (query: { state: { data?: Job; error: Error | null } }): number | false => {
    const { data, error } = query.state
    if (error && !(isApiError(error) && error.isTransient)) return false
    if (data && isFinished(data.lifecycle)) return false
    return refreshMs
  }
}

/** The task jobs of a workflow run, in execution order. */
async function workflowRunJobs(workflowJobId: string, workflowId: string | undefined, signal: AbortSignal): Promise<Job[]> {
  let jobs: Job[]
  try {
    if (!workflowId) throw new Error('no workflow id')
    jobs = (await listWorkflowRunJobs(workflowId, workflowJobId, { signal })).jobs
  } catch (error) {
    if (signal.aborted) throw error
    // Servers without the per-run route: all jobs of the workflow (or, without its id, the job
    // list), grouped here by workflow_job_id as the official UI does.
    const list = workflowId ? await listWorkflowJobs(workflowId, { signal }) : await listJobs({ limit: 1000 }, { signal })
    jobs = list.jobs.filter((j) => j.workflow_job_id === workflowJobId)
  }
  return [...jobs]
    .filter((j) => j.id !== workflowJobId)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || (a.creation_date ?? '').localeCompare(b.creation_date ?? '') || a.id.localeCompare(b.id))
}

export const jobDetailQueries = {
  detail: jobQueries.detail,
  lifecycle: jobQueries.lifecycle,
  participants: jobQueries.participants,
  workflowRun: (workflowJobId: string, workflowId: string | undefined) =>
    queryOptions({
      queryKey: [...jobDetailKeys.workflowRun(workflowJobId), workflowId ?? null],
      queryFn: ({ signal }) => workflowRunJobs(workflowJobId, workflowId, signal),
    }),
  /** The task's argument definitions, when the job document does not embed the task. */
  task: (taskId: string) =>
    queryOptions({ queryKey: jobDetailKeys.task(taskId), queryFn: ({ signal }) => getTask(taskId, { signal }), staleTime: 5 * 60_000 }),
}

/**
 * A change to one job with arguments whose answer is the full job: it becomes the detail at once,
 * then the lists and the job's lifecycle are re-read.
 */
function useJobArgumentsUpdate(update: (id: string, args: unknown[]) => Promise<Job>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ id, args }: { id: string; args: unknown[] }) => update(id, args),
    onSuccess: async (job, { id }) => {
      // Queued again: events of its previous run still on their way must not show it finished.
      noteMovedBack(qc, id)
      qc.setQueryData(jobKeys.detail(id), job)
      await invalidateJob(qc, id)
    },
  })
}

/** Submit the input a job on hold waits for. */
export function useSubmitInput() {
  return useJobArgumentsUpdate(submitJobInput)
}

/** Restart a completed script/nodejs job with (possibly edited) arguments. */
export function useRestartJob() {
  return useJobArgumentsUpdate(restartJob)
}

/** The newest jobs of a task (to find what a create that got no answer may have made). */
export async function findRecentJobsOfTask(taskId: string): Promise<Job[]> {
  return (await listJobs({ taskIds: [taskId], limit: 20 })).jobs
}

/** Start a new job of the same task. The answer is the published (trimmed) job: only its id is used. */
export function useRunAgain() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: ({ taskId, args }: { taskId: string; args: unknown[] }) => createJob({ task: taskId, task_arguments: args }),
    onSuccess: () => qc.invalidateQueries({ queryKey: jobKeys.lists() }),
  })
}
