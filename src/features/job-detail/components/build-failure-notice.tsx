import { Link } from 'react-router'
import type { Job } from '@/api/schemas/job'
import { Callout } from '@/components/ui/callout'
import { plainText } from '@/lib/text'

/**
 * The server's reason when it created the job already terminated/error (factory terminateBuild:
 * `result.log` = JSON.stringify(err.message)), e.g. InvalidTaskArguments for a missing argument.
 * The create call answered 200, so this page is where the user learns it; null for other jobs.
 */
export function buildFailureReason(job: Job): string | null {
  if (job.lifecycle !== 'terminated' || job.state !== 'error') return null
  const log = job.result?.log
  if (typeof log !== 'string' || !log.startsWith('"')) return null
  try {
    const reason: unknown = JSON.parse(log)
    return typeof reason === 'string' && reason.trim() ? reason : null
  } catch {
    return null
  }
}

const EXPLAIN: Record<string, string> = {
  InvalidTaskArguments:
    'a value for one of the task’s arguments was missing from the request (the server matches values by position). The server did not answer with an error: it created the job already failed.',
}

/** Says plainly that the job never ran, with the server's reason, and how to run it properly. */
export function BuildFailureNotice({ job }: { job: Job }) {
  const reason = buildFailureReason(job)
  if (!reason) return null
  return (
    <Callout tone="danger" role="alert" title="This job never ran: the server refused to build it">
      <p>
        Server’s reason: <code className="font-mono">{plainText(reason, 300)}</code>
        {EXPLAIN[reason] ? ` — ${EXPLAIN[reason]}` : '.'} Nothing was sent to a bot.
      </p>
      {job.task_id && job._type !== 'WorkflowJob' && (
        <p className="mt-1">
          <Link to={`/tasks/${job.task_id}/run?from=${job.id}`} className="font-medium underline">
            Open the task’s run form with these values
          </Link>{' '}
          to check every argument before running it again.
        </p>
      )}
    </Callout>
  )
}
