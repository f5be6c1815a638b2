import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { Link } from 'react-router'
import { decisionFailureTitle, isApiError } from '@/api/errors'
import type { Job } from '@/api/schemas/job'
import { initialValues } from '@/components/run-form/argument-values'
import { RunForm } from '@/components/run-form/run-form'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { errorMessage } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { focusAfter } from '@/lib/focus-after'
import { useDecideApproval } from '@/lib/job-queries'
import { jobPath } from '@/lib/links'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { invalidateRun, useSubmitStepInput, workflowQueries } from '../queries'
import type { RunMap, StepView } from '../run-graph'

/**
 * What waits on a person now, with the action in place: an approval waiting on me gets its decision
 * buttons (the task's labels); an input step links to its form. A decided step stays in place with
 * its outcome, so nothing moves under the pointer.
 */
export function NeedsYou({ map, run }: { map: RunMap; run: Job }) {
  const waiting = map.active.filter((s) => s.status === 'waiting' && s.latest)
  const [decided, setDecided] = useState<Record<string, string>>({})
  // Each item's outcome line, by job id: the keyboard goes there once an item is decided. Kept here, not
  // in the item: an input step can leave "waiting" before its answer is read back, and its item is drawn
  // anew (with the outcome) only then.
  const outcomes = useRef(new Map<string, HTMLElement>())
  const decidedWith = (id: string) => (text: string, from: Element | null) => {
    setDecided((d) => ({ ...d, [id]: text }))
    focusAfter(from, () => outcomes.current.get(id))
  }
  const outcomeRefFor = (id: string) => (el: HTMLElement | null) => {
    if (el) outcomes.current.set(id, el)
    else if (outcomes.current.get(id)?.isConnected === false) outcomes.current.delete(id)
  }
  const shown = [...waiting.map((s) => s.latest!.id), ...Object.keys(decided)]
  const items = [...map.steps, ...map.outside].flatMap((s) => s.jobs.filter((j) => shown.includes(j.id)).map((job) => ({ step: s, job })))
  if (items.length === 0) return null
  return (
    <ul aria-label="Waiting on a person" className="space-y-2">
      {items.map(({ step, job }) => (
        <WaitingItem key={job.id} step={step} job={job} run={run} outcome={decided[job.id]} outcomeRef={outcomeRefFor(job.id)} onDecided={decidedWith(job.id)} />
      ))}
    </ul>
  )
}

function WaitingItem({
  step,
  job,
  run,
  outcome,
  outcomeRef,
  onDecided,
}: {
  step: StepView
  job: Job
  run: Job
  outcome?: string
  outcomeRef: (el: HTMLElement | null) => void
  /** Decided: the outcome's text, and the control the user acted from (the keyboard goes to the outcome). */
  onDecided: (text: string, from: Element | null) => void
}) {
  const { profile } = useSession()
  const qc = useQueryClient()
  const decide = useDecideApproval()
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null)
  const inFlight = useRef(false)
  // Where the keyboard goes when a decision is refused (the buttons come back; the reason is here).
  const alertRef = useRef<HTMLDivElement>(null)
  const name = plainText(step.node.name, 120)
  const isApproval = job._type === 'ApprovalJob'
  const approvers = job.approvers ?? job.task?.approvers ?? []
  const mine = !!profile?.id && approvers.includes(profile.id)
  const unknownWho = !profile
  const successLabel = plainText(job.success_label || job.task?.success_label || 'Approve', 60)
  const failureLabel = plainText(job.failure_label || job.task?.failure_label || 'Reject', 60)

  const send = (decision: 'approve' | 'reject') => {
    if (inFlight.current) return
    inFlight.current = true
    setError(null)
    const label = decision === 'approve' ? successLabel : failureLabel
    const from = document.activeElement
    decide
      .mutateAsync({ id: job.id, decision })
      .then(
        () => onDecided(`You chose “${label}” for “${name}”. The run goes on along its ${decision === 'approve' ? 'success' : 'failure'} edge.`, from),
        (e: unknown) => {
          setError({ title: decisionFailureTitle(label, e), error: e })
          focusAfter(from, () => alertRef.current)
        },
      )
      .finally(() => {
        inFlight.current = false
        void invalidateRun(qc, run.id, run.workflow_id)
      })
  }

  return (
    <li className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/60">
      {outcome ? (
        <p ref={outcomeRef} role="status" tabIndex={-1} className="outline-none">
          <span aria-hidden="true">✓ </span>
          {outcome}
        </p>
      ) : isApproval ? (
        <div className="space-y-2">
          <p>
            <span className="font-semibold">{name}</span> is waiting for a decision
            {mine ? ' from you' : unknownWho ? '' : ' from its approvers (you are not one of them)'}.
          </p>
          {(mine || unknownWho) && (
            <div className="flex flex-wrap gap-2">
              {job.task?.success_enabled !== false && (
                <Button variant="success" onClick={() => send('approve')} pending={decide.isPending && decide.variables?.decision === 'approve'} disabled={decide.isPending}>
                  {successLabel}
                </Button>
              )}
              {job.task?.failure_enabled !== false && (
                <Button variant="danger" onClick={() => send('reject')} pending={decide.isPending && decide.variables?.decision === 'reject'} disabled={decide.isPending}>
                  {failureLabel}
                </Button>
              )}
            </div>
          )}
        </div>
      ) : (
        <InputForm step={step} job={job} run={run} onDone={onDecided} />
      )}
      {error && (
        <div ref={alertRef} role="alert" tabIndex={-1} className="mt-2 text-red-900 outline-none dark:text-red-200">
          <p className="font-semibold">{error.title}</p>
          <p>{errorMessage(error.error)}</p>
        </div>
      )}
    </li>
  )
}

/**
 * The form of an input step, in place: the task's arguments (embedded in the step, else read from the
 * task) in the one run form, "Submit input", and the outcome kept in place afterwards.
 */
function InputForm({ step, job, run, onDone }: { step: StepView; job: Job; run: Job; onDone: (text: string, from: Element | null) => void }) {
  const { profile } = useSession()
  const embedded = job.task?.task_arguments
  const task = useQuery({ ...workflowQueries.startTask(job.task_id ?? ''), enabled: !embedded?.length && !!job.task_id })
  const submit = useSubmitStepInput(run.id, run.workflow_id)
  const args = embedded?.length ? embedded : (task.data?.task_arguments ?? [])
  const name = plainText(step.node.name, 120)

  // One request per submit: RunForm waits for this promise. The promise, not mutate's callbacks: the
  // step may leave "waiting" (and this form unmount) before the answer's read-back ends; the outcome
  // is kept by the parent either way.
  const send = (taskArguments: unknown[]) => {
    const from = document.activeElement
    return submit
      .mutateAsync({ id: job.id, args: taskArguments })
      .then((after) => onDone(`Input sent for “${name}”${after.lifecycle ? `: the step is now ${after.lifecycle === 'finished' ? 'done' : after.lifecycle}` : ''}. The run goes on.`, from))
  }

  return (
    <div className="space-y-2">
      <p>
        <span className="font-semibold">{name}</span> is waiting for someone to provide its input.{' '}
        <Link to={jobPath(job.id)} className="text-indigo-700 underline dark:text-indigo-300">
          Open its job
        </Link>
      </p>
      {!embedded?.length && task.isPending && job.task_id ? (
        <SkeletonRows rows={2} label="Loading the step's arguments" />
      ) : (
        <div className="max-w-xl">
          <RunForm
            key={job.id}
            args={args}
            initial={initialValues(args)}
            label={`Input for ${name}`}
            submitLabel="Submit input"
            pending={submit.isPending}
            userEmail={profile?.email}
            serverFieldErrors={isApiError(submit.error) ? submit.error.fieldErrors : undefined}
            error={
              submit.isError ? (
                <Callout tone="danger" role="alert">
                  The input was not accepted: {errorMessage(submit.error)}
                </Callout>
              ) : null
            }
            onSubmit={({ taskArguments }) => send(taskArguments)}
          />
        </div>
      )}
    </div>
  )
}
