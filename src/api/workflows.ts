import { currentCustomer, request, type Call } from './client'
import { jobSchema, type Job } from './schemas/job'
import { parseTask, type Task } from './schemas/task'
import { fromParser } from './schemas/tolerant'
import { workflowListSchema, workflowSchema, type Workflow, type WorkflowList } from './schemas/workflow'

/**
 * Workflow definitions and runs, spoken as the real supervisor serves them
 * (theeye-api-workflows-tasks-sockets.md § A, theeye-api.md #29–#37): the definition routes have
 * no `/:customer/` prefix (`/:customer/workflows` is 404), and `GET /workflows/:id/graph` always
 * answers 400, so the graph is read from the workflow document. The run routes (#31, #33, #35)
 * live in jobs.ts beside the other job reads.
 */

/** Every workflow of the organization the caller may see (ACL-filtered by the server). */
export function listWorkflows({ signal }: Call = {}): Promise<WorkflowList> {
  return request({ path: ['workflows'], signal, schema: workflowListSchema })
}

/** One workflow document, with its graph. 400 "workflow id is invalid", 404 "workflow not found". */
export function getWorkflow(id: string, { signal }: Call = {}): Promise<Workflow> {
  return request({ path: ['workflows', id], signal, schema: workflowSchema })
}

const taskListSchema = fromParser((raw) => {
  if (!Array.isArray(raw)) throw new TypeError('expected a list of tasks')
  return raw.map(parseTask).filter((t): t is Task => t !== null)
})

/**
 * The workflow's tasks (they are not embedded in the workflow). `unassigned=true` keeps tasks
 * without a host or script, which the list hides otherwise (§ A.2). Filtered again here in case a
 * server ignores the `where`.
 */
export async function listWorkflowTasks(workflowId: string, { signal }: Call = {}): Promise<Task[]> {
  const tasks = await request({
    path: [currentCustomer(), 'task'],
    query: { where: { workflow_id: workflowId }, unassigned: true },
    signal,
    schema: taskListSchema,
  })
  return tasks.filter((t) => !t.workflow_id || t.workflow_id === workflowId)
}

/**
 * Start a run (#29). Arguments are checked against the start task: send the full array indexed by
 * the arguments' `order`. The answer is the published WorkflowJob (its `id` is the run's page).
 */
export function runWorkflow(workflowId: string, taskArguments: unknown[], { signal }: Call = {}): Promise<Job> {
  return request({
    method: 'POST',
    path: ['workflows', workflowId, 'job'],
    body: { task_arguments: taskArguments },
    signal,
    schema: jobSchema,
  })
}
