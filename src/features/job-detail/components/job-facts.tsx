import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { Participant, Participants } from '@/api/jobs'
import { isRunning, type Job } from '@/api/schemas/job'
import { formatDuration, formatElapsed, formatExact, RelativeTime, useNow } from '@/components/ui/time'
import { jobDurationMs } from '@/lib/stats'
import { plainText } from '@/lib/text'
import { serverNow } from '@/api/client'
import { jobPath } from '@/lib/links'

function Fact({ term, children }: { term: string; children: ReactNode }) {
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
      {live ? formatElapsed(ms) : formatDuration(ms)}
      {live && <span className="text-slate-600 dark:text-slate-400"> so far</span>}
    </span>
  )
}

/** Type, task, host, people, origin, trigger, times and duration. */
export function JobFacts({ job, participants, hostName }: { job: Job; participants: UseQueryResult<Participants>; hostName?: string }) {
  const taskName = job.task?.name
  const p = participants.data
  const participantsNote = participants.isError ? <span className="text-slate-600 italic dark:text-slate-400">participants unavailable</span> : null
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-4">
      <Fact term="Type">{plainText(job._type, 60)}</Fact>
      <Fact term="Task">
        {job.task_id ? (
          <Link to={`/jobs?task=${encodeURIComponent(job.task_id)}`} className="text-indigo-700 underline dark:text-indigo-300">
            {taskName ? plainText(taskName, 120) : `task ${job.task_id}`}
            {' '}
            <span className="sr-only">(jobs of this task)</span>
          </Link>
        ) : (
          none
        )}
      </Fact>
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
      <Fact term="Created">{job.creation_date ? <><RelativeTime date={job.creation_date} /> <span className="text-xs text-slate-600 dark:text-slate-400">({formatExact(job.creation_date)})</span></> : none}</Fact>
      <Fact term="Last update">{job.last_update ? <><RelativeTime date={job.last_update} /> <span className="text-xs text-slate-600 dark:text-slate-400">({formatExact(job.last_update)})</span></> : none}</Fact>
      <Fact term="Duration">
        <Duration job={job} />
      </Fact>
      {job.workflow_job_id && (
        <Fact term="Workflow run">
          <Link to={jobPath(job.workflow_job_id)} className="text-indigo-700 underline dark:text-indigo-300">
            Open the workflow run
          </Link>
        </Fact>
      )}
    </dl>
  )
}
