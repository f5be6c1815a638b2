import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { Participant, Participants } from '@/api/jobs'
import { isRunning, type Job } from '@/api/schemas/job'
import { formatDuration, formatExact, RelativeTime, useNow } from '@/components/ui/time'
import { jobDurationMs } from '@/lib/stats'
import { plainText } from '@/lib/text'
import { serverNow } from '@/api/client'
import { jobPath } from '@/lib/links'

/** One term and its value in a job's facts (a <dl> of them). */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  )
}

const none = <span className="text-slate-500 dark:text-slate-400">—</span>

export function personName(p: Participant | undefined): string | undefined {
  if (!p) return undefined
  const name = p.username || p.name
  if (name && p.email) return `${plainText(name, 80)} (${plainText(p.email, 120)})`
  return name ? plainText(name, 80) : p.email ? plainText(p.email, 120) : p.id ? `user ${p.id}` : undefined
}

function people(list: Participant[]): ReactNode {
  const names = list.map(personName).filter((n): n is string => !!n)
  return names.length ? names.join(', ') : none
}

function Duration({ job }: { job: Job }) {
  const live = isRunning(job.lifecycle)
  // Re-render every second while running; measure against the server's clock (the dates are the server's).
  useNow(1000, live)
  const now = live ? serverNow() : 0
  const ms = jobDurationMs(job, now)
  return (
    <span>
      {formatDuration(ms)}
      {live && <span className="text-slate-600 dark:text-slate-400"> so far</span>}
    </span>
  )
}

/**
 * The facts that place the job, on one line under its title: its task (a link to the task's jobs),
 * where it ran, who started it, when, and the workflow run it belongs to.
 */
export function JobSummary({ job, participants, hostName }: { job: Job; participants: UseQueryResult<Participants>; hostName?: string }) {
  const taskName = job.task?.name
  const owner = personName(participants.data?.owner)
  const now = useNow(1000)
  const sep = <span aria-hidden="true" className="text-slate-400"> · </span>
  return (
    <p className="flex flex-wrap items-center gap-x-1 gap-y-0.5 text-sm text-slate-700 dark:text-slate-300">
      {job.task_id ? (
        <Link to={`/jobs?task=${encodeURIComponent(job.task_id)}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {taskName ? plainText(taskName, 120) : `task ${job.task_id}`}{' '}
          <span className="sr-only">(jobs of this task)</span>
        </Link>
      ) : (
        <span>{plainText(job._type, 60)}</span>
      )}
      {job.host_id && (
        <>
          {sep}
          <span title={`host id ${job.host_id}`}>on {hostName ?? `host ${job.host_id}`}</span>
        </>
      )}
      {(owner || job.user_id) && (
        <>
          {sep}
          <span>started by {owner ?? `user ${job.user_id}`}</span>
        </>
      )}
      {job.creation_date && (
        <>
          {sep}
          <span>
            created <RelativeTime date={job.creation_date} now={now} />
          </span>
        </>
      )}
      {job.workflow_job_id && (
        <>
          {sep}
          <Link to={jobPath(job.workflow_job_id)} className="text-indigo-700 underline dark:text-indigo-300">
            Open the workflow run
          </Link>
        </>
      )}
    </p>
  )
}

/** Every fact of the job (the secondary ones included: observers, origin, trigger), folded below the log. */
export function JobFacts({ job, participants, hostName }: { job: Job; participants: UseQueryResult<Participants>; hostName?: string }) {
  const p = participants.data
  const participantsNote = participants.isError ? <span className="text-slate-600 italic dark:text-slate-400">participants unavailable</span> : null
  const now = useNow(1000)
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
      <Fact term="Type">{plainText(job._type, 60)}</Fact>
      <Fact term="Task">{job.task?.name ? plainText(job.task.name, 120) : job.task_id ? `task ${job.task_id}` : none}</Fact>
      <Fact term="Host">
        {job.host_id ? (
          <span title={`host id ${job.host_id}`}>{hostName ?? <span className="font-mono text-xs">{job.host_id}</span>}</span>
        ) : (
          none
        )}
      </Fact>
      <Fact term="Owner">
        {participants.isPending ? (
          <span className="text-slate-500">loading…</span>
        ) : (
          (personName(p?.owner) ?? participantsNote ?? (job.user_id ? `user ${job.user_id}` : none))
        )}
      </Fact>
      <Fact term="Assignees">{participants.isPending ? <span className="text-slate-500">loading…</span> : p ? people(p.assignee) : participantsNote}</Fact>
      <Fact term="Observers">{participants.isPending ? <span className="text-slate-500">loading…</span> : p ? people(p.observers) : participantsNote}</Fact>
      <Fact term="Origin">{job.origin ? plainText(job.origin, 40) : none}</Fact>
      <Fact term="Trigger name">{job.trigger_name ? plainText(job.trigger_name, 80) : none}</Fact>
      <Fact term="Created">{job.creation_date ? <><RelativeTime date={job.creation_date} now={now} /> <span className="text-xs text-slate-600 dark:text-slate-400">({formatExact(job.creation_date)})</span></> : none}</Fact>
      <Fact term="Last update">{job.last_update ? <><RelativeTime date={job.last_update} now={now} /> <span className="text-xs text-slate-600 dark:text-slate-400">({formatExact(job.last_update)})</span></> : none}</Fact>
      <Fact term="Duration">
        <Duration job={job} />
      </Fact>
    </dl>
  )
}
