import { isFinished, isRunning, type Job } from '@/api/schemas/job'
import { jobWord } from './run-graph'

/** The runs of a workflow, newest first, with their steps (from #31, grouped by workflow_job_id as the web does). */
export interface RunSummary {
  run: Job
  steps: Job[]
}

export function groupRuns(jobs: readonly Job[]): RunSummary[] {
  const runs = jobs.filter((j) => j._type === 'WorkflowJob')
  const byRun = new Map<string, Job[]>(runs.map((r) => [r.id, []]))
  for (const j of jobs) {
    if (j._type === 'WorkflowJob' || !j.workflow_job_id) continue
    byRun.get(j.workflow_job_id)?.push(j)
  }
  return runs
    .map((run) => ({ run, steps: byRun.get(run.id) ?? [] }))
    .sort((a, b) => (b.run.creation_date ?? '').localeCompare(a.run.creation_date ?? '') || b.run.id.localeCompare(a.run.id))
}

export interface WorkflowStats {
  /** Runs the server still keeps (it trims old ones). */
  kept: number
  finished: number
  succeeded: number
  running: number
  /** Share of finished runs that ended in success; null when none finished. */
  successRate: number | null
}

export function runStats(runs: readonly Pick<Job, 'lifecycle' | 'state'>[]): WorkflowStats {
  const finished = runs.filter((r) => isFinished(r.lifecycle))
  const succeeded = finished.filter((r) => r.state === 'success').length
  return {
    kept: runs.length,
    finished: finished.length,
    succeeded,
    running: runs.filter((r) => isRunning(r.lifecycle)).length,
    successRate: finished.length ? succeeded / finished.length : null,
  }
}

/** A run's outcome in a word (a WorkflowJob copies its last step's state; `started` while moving). */
export function runWord(run: Pick<Job, '_type' | 'lifecycle' | 'state'>): string {
  if (run.lifecycle === 'started') return 'running'
  return jobWord({ ...run, _type: 'WorkflowJob' }).word
}
