import type { ComponentType } from 'react'
import { isFinished, isRunning, type Job } from '@/api/schemas/job'
import { cn } from '@/components/ui/cn'
import { jobStatus } from '@/components/ui/status'
import { formatExact, formatRelative, useNow } from '@/components/ui/time'
import { VERDICT_CLASS, VERDICT_ICON_CLASS, VERDICT_LINE_CLASS, VERDICT_REASON_CLASS, VERDICT_TICKING_CLASS, VERDICT_TICKING_LINE_CLASS, VERDICT_TONE, verdictWords } from '../verdict-text'

export { verdictText } from '../verdict-text'

/**
 * What a page can add to the verdict of a job still in progress, composed by the route (the
 * runaway rules live in another feature): "— 3× longer than usual", "usually 2m".
 */
export type JobExpectation = ComponentType<{ job: Job; now: number }>

/**
 * The first line of the job page: the status as a large word with an icon (never colour alone) and
 * how long it took or has been going, when it ended, and (for a job in progress) what the route's
 * expectation says about it.
 */
export function JobVerdict({ job, lifecycle, Expectation }: { job: Job; lifecycle: string | undefined; Expectation?: JobExpectation }) {
  const current = lifecycle ?? job.lifecycle
  const live = isRunning(current)
  // The server's clock: a laptop hours off does not make a 7-hour-old job "now".
  const now = useNow(1000)
  const status = jobStatus({ state: job.state, lifecycle: current })
  const endedAt = isFinished(current) ? job.last_update : undefined
  const words = verdictWords(job, current, now)
  return (
    <section aria-label="Verdict" className={cn(VERDICT_CLASS, VERDICT_TONE[status.tone])}>
      <p className={words.ticking === undefined ? VERDICT_LINE_CLASS : VERDICT_TICKING_LINE_CLASS}>
        <span aria-hidden="true" className={VERDICT_ICON_CLASS}>
          {status.icon}
        </span>
        <span>
          <span className="sr-only">Status: {status.label}. </span>
          {words.before}
          {words.ticking !== undefined && <span className={VERDICT_TICKING_CLASS}>{words.ticking}</span>}
          {words.reason && (
            <>
              <span className="sr-only"> — </span>
              <span className={VERDICT_REASON_CLASS}>{words.reason}</span>
            </>
          )}
        </span>
      </p>
      {live && Expectation && <Expectation job={{ ...job, lifecycle: current }} now={now} />}
      {endedAt && Number.isFinite(Date.parse(endedAt)) && (
        <p className="text-sm">
          finished{' '}
          <time dateTime={new Date(endedAt).toISOString()} title={formatExact(endedAt)}>
            {formatRelative(endedAt, now)}
          </time>
        </p>
      )}
    </section>
  )
}
