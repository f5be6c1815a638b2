import type { Task } from '@/api/schemas/task'
import { formatDuration, RelativeTime } from '@/components/ui/time'
import { reportingWords, type Reporting } from '../catalog-model'

export interface PreflightInfo {
  task: Task
  hostName?: string
  reporting: Reporting
  /** The bot's status is still being read. */
  checking?: boolean
  livenessState?: string
  lastUpdate?: string
  /** Approvers as people can read them (names, or "you"). */
  approvers: string[]
  masked: string[]
}

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000

/** What will happen when the task runs: where, how long it may take, who decides, what stays hidden. */
export function PreflightSummary({ info }: { info: PreflightInfo }) {
  const { task } = info
  const isApproval = task.type === 'approval' || task._type === 'ApprovalTask'
  const needsBot = !!task.host_id
  return (
    <section aria-labelledby="preflight-heading" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-900">
      <h2 id="preflight-heading" className="font-semibold">
        Before you run
      </h2>
      <ul className="mt-1 space-y-1">
        {needsBot ? (
          <li>
            Bot: <strong>{info.hostName ?? task.hostname ?? task.host_id}</strong> —{' '}
            {info.checking ? <span className="text-slate-700 dark:text-slate-300">checking whether it is reporting…</span> : <ReportingText reporting={info.reporting} state={info.livenessState} />}
            {info.lastUpdate && (
              <span className="text-slate-600 dark:text-slate-400">
                {' '}
                (last report <RelativeTime date={info.lastUpdate} />)
              </span>
            )}
            {info.reporting === 'not-reporting' && <span> The job will wait in the queue until the bot reports again.</span>}
            {info.reporting === 'unknown' && !info.checking && <span className="text-slate-600 dark:text-slate-400"> (this account cannot read the bot's status)</span>}
          </li>
        ) : (
          <li>No bot: the supervisor runs this {task.type ?? 'task'} itself.</li>
        )}
        {(task.type === 'script' || task.type === 'nodejs' || task.type === 'scraper' || task.timeout !== undefined) && (
          <li>
            Timeout: {task.timeout ? formatDuration(task.timeout) : `${formatDuration(DEFAULT_TIMEOUT_MS)} (the server's default)`}
          </li>
        )}
        {isApproval && (
          <li>
            Must be approved by:{' '}
            {task.approvals_target === 'initiator'
              ? 'you (the person who starts it)'
              : task.approvals_target === 'assignees'
                ? 'the job’s assignees'
                : info.approvers.length
                  ? info.approvers.join(', ')
                  : 'nobody is set as approver'}
          </li>
        )}
        <li>
          {info.masked.length
            ? `Masked values (hidden on the job's page): ${info.masked.join(', ')}. They are never remembered by this browser.`
            : 'No value is masked: everyone who can see the job can read its arguments.'}
        </li>
      </ul>
    </section>
  )
}

export function ReportingText({ reporting, state }: { reporting: Reporting; state?: string }) {
  const icon = reporting === 'reporting' ? '●' : reporting === 'not-reporting' ? '⚠' : '○'
  const tone =
    reporting === 'reporting'
      ? 'text-emerald-800 dark:text-emerald-300'
      : reporting === 'not-reporting'
        ? 'font-semibold text-red-800 dark:text-red-300'
        : 'text-slate-700 dark:text-slate-300'
  return (
    <span className={tone}>
      <span aria-hidden="true">{icon} </span>
      {reportingWords(reporting, state)}
    </span>
  )
}
