import { useQuery } from '@tanstack/react-query'
import { useRef, useState, type ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import { CANCELABLE_LIFECYCLES, isFinished, jobDisplayName, type Job } from '@/api/schemas/job'
import type { TaskArgument } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Dialog } from '@/components/ui/dialog'
import { errorMessage } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { useCancelJob, useCancelWorkflowRun, useDecideApproval, type CancelResult } from '@/lib/job-queries'
import { isAdminCredential, useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { useToast } from '@/components/ui/toast'
import { argumentsFromValues, initialArgumentValues } from '../argument-values'
import { jobDetailQueries, useRestartJob, useRunAgain, useSubmitInput } from '../queries'
import { useSingleFlight } from '../use-single-flight'
import { ArgumentForm } from './argument-form'

/** Which actions apply to a job (each button shows only when it does). */
export function availableActions(job: Job) {
  const onhold = job.lifecycle === 'onhold'
  const approval = job._type === 'ApprovalJob'
  return {
    cancel: !!job.lifecycle && CANCELABLE_LIFECYCLES.includes(job.lifecycle),
    /** A started workflow run is cancelled through the workflow route (admins only). */
    cancelWorkflow: job._type === 'WorkflowJob' && job.lifecycle === 'started' && !!job.workflow_id,
    runAgain: !!job.task_id && job._type !== 'WorkflowJob' && job._type !== 'AgentUpdateJob',
    restart: isFinished(job.lifecycle) && (job._type === 'ScriptJob' || job._type === 'NodejsJob'),
    submitInput: onhold && !approval && (job.user_inputs === true || job._type === 'DummyJob' || job._type === 'ScriptJob'),
    decide: approval && onhold,
  }
}

export function cancelMessage(result: CancelResult): string {
  switch (result.outcome) {
    case 'canceled':
      return 'Job canceled.'
    case 'terminated':
      return 'Job terminated: it was already running, so it was stopped and its result will be ignored.'
    case 'unchanged':
      return 'The server accepted the cancel but the job did not change — it may not be cancellable.'
    case 'gone':
      return 'The cancel was sent, but the job could not be read back afterwards (it may have been removed).'
    default:
      return `The cancel was sent; the job is now ${result.after?.lifecycle ?? 'in an unknown lifecycle'}.`
  }
}

type Notice = { kind: 'status'; text: string } | { kind: 'error'; title: string; error: unknown }

/** The task's argument definitions: embedded in the job document, else fetched (when needed). */
function useArgumentDefinitions(job: Job, enabled: boolean): { args: TaskArgument[] | undefined; loading: boolean } {
  const embedded = job.task?.task_arguments
  const query = useQuery({ ...jobDetailQueries.task(job.task_id ?? ''), enabled: enabled && !job.task && !!job.task_id })
  if (job.task) return { args: embedded, loading: false }
  if (query.isPending && enabled && job.task_id) return { args: undefined, loading: true }
  if (query.data) return { args: query.data.task_arguments, loading: false }
  // No definitions at all: one plain field per value the job had.
  return { args: argumentsFromValues(job.task_arguments_values ?? []), loading: false }
}

function ArgumentsDialog({
  job,
  open,
  onClose,
  title,
  description,
  submitLabel,
  pending,
  error,
  onSubmit,
  returnFocus,
}: {
  job: Job
  open: boolean
  onClose: () => void
  returnFocus?: () => HTMLElement | null | undefined
  title: string
  description: ReactNode
  submitLabel: string
  pending: boolean
  error: unknown
  onSubmit: (args: unknown[]) => Promise<unknown>
}) {
  const { args, loading } = useArgumentDefinitions(job, open)
  return (
    <Dialog open={open} onClose={onClose} title={title} description={description} returnFocus={returnFocus}>
      {loading || !args ? (
        <SkeletonRows rows={3} label="Loading the task's arguments" />
      ) : (
        <ArgumentForm
          args={args}
          initialValues={initialArgumentValues(args, job.task_arguments_values)}
          submitLabel={submitLabel}
          pending={pending}
          error={error}
          onSubmit={onSubmit}
          footer={
            <Button variant="ghost" onClick={onClose}>
              Close
            </Button>
          }
        />
      )}
    </Dialog>
  )
}

function SubmitInputPanel({ job, onDone, onError }: { job: Job; onDone: (text: string) => void; onError: () => void }) {
  const submit = useSubmitInput()
  const { args, loading } = useArgumentDefinitions(job, true)
  return (
    <section aria-labelledby={`input-${job.id}`} className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
      <h2 id={`input-${job.id}`} className="text-lg font-semibold">
        Input requested
      </h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">This job is on hold until someone submits these values.</p>
      {loading || !args ? (
        <SkeletonRows rows={2} label="Loading the task's arguments" />
      ) : (
        <ArgumentForm
          key={job.id}
          args={args}
          initialValues={initialArgumentValues(args, job.task_arguments_values)}
          submitLabel="Submit input"
          pending={submit.isPending}
          error={submit.error}
          onSubmit={(values) =>
            submit.mutateAsync({ id: job.id, args: values }).then(
              (after) => onDone(after.lifecycle === 'finished' ? 'Input submitted: the job finished.' : `Input submitted: the job is now ${after.lifecycle ?? 'updated'}.`),
              (error: unknown) => {
                onError()
                throw error
              },
            )
          }
        />
      )}
    </section>
  )
}

/**
 * Cancel, Run again, Restart, approve/reject and Submit input — each only when it applies, each
 * disabled while its request runs. Dialogs act on a snapshot of the job taken when they open, so
 * a refresh in the background never changes or closes them.
 */
export function JobActions({ job }: { job: Job }) {
  const actions = availableActions(job)
  const navigate = useNavigate()
  const toast = useToast()
  const { profile } = useSession()
  const cancelJobMutation = useCancelJob()
  const cancelRun = useCancelWorkflowRun()
  const isAdmin = isAdminCredential(profile?.credential) === true
  const canCancel = actions.cancel || (actions.cancelWorkflow && isAdmin)
  const cancel = { isPending: cancelJobMutation.isPending || cancelRun.isPending }
  const decide = useDecideApproval()
  const runAgain = useRunAgain()
  const restart = useRestartJob()
  const singleFlight = useSingleFlight()
  const [notice, setNotice] = useState<Notice | null>(null)
  const [cancelSnapshot, setCancelSnapshot] = useState<Job | null>(null)
  const [runSnapshot, setRunSnapshot] = useState<Job | null>(null)
  const [restartSnapshot, setRestartSnapshot] = useState<Job | null>(null)
  const statusRef = useRef<HTMLParagraphElement>(null)
  const alertRef = useRef<HTMLDivElement>(null)
  const actionsRef = useRef<HTMLDivElement>(null)
  // After a dialog: back to the button that opened it, else (the action is gone) to what happened.
  const afterDialog = () => statusRef.current ?? alertRef.current ?? actionsRef.current?.querySelector<HTMLElement>('button:not(:disabled)')

  const name = plainText(jobDisplayName(job), 120)
  const successLabel = plainText(job.task?.success_label || job.success_label || 'Approve', 60)
  const failureLabel = plainText(job.task?.failure_label || job.failure_label || 'Reject', 60)
  const approvers = job.approvers ?? job.task?.approvers
  const notAnApprover = !!profile?.id && !!approvers && approvers.length > 0 && !approvers.includes(profile.id)

  const confirmCancel = () => {
    const target = cancelSnapshot
    if (!target) return
    singleFlight.run(() =>
      (target._type === 'WorkflowJob' && target.lifecycle === 'started'
        ? cancelRun.mutateAsync({ run: target })
        : cancelJobMutation.mutateAsync({ id: target.id, before: target })
      ).then(
        (result) => {
          setCancelSnapshot(null)
          setNotice({ kind: 'status', text: cancelMessage(result) })
        },
        (error: unknown) => {
          setCancelSnapshot(null)
          setNotice({ kind: 'error', title: 'The job was not canceled', error })
          throw error
        },
      ),
    )
  }

  const decideApproval = (decision: 'approve' | 'reject') => {
    const label = decision === 'approve' ? successLabel : failureLabel
    singleFlight.run(() => {
      setNotice(null)
      return decide.mutateAsync({ id: job.id, decision }).then(
        () => setNotice({ kind: 'status', text: `Decision sent: ${label}.` }),
        (error: unknown) => {
          setNotice({ kind: 'error', title: `“${label}” was not recorded`, error })
          throw error
        },
      )
    })
  }

  return (
    <div className="space-y-3">
      <div ref={actionsRef} className="flex flex-wrap items-center gap-2">
        {actions.decide && (
          <>
            {job.task?.success_enabled !== false && (
              <Button
                variant="success"
                onClick={() => decideApproval('approve')}
                pending={decide.isPending && decide.variables?.decision === 'approve'}
                disabled={decide.isPending || notAnApprover}
              >
                {successLabel}
              </Button>
            )}
            {job.task?.failure_enabled !== false && (
              <Button
                variant="danger"
                onClick={() => decideApproval('reject')}
                pending={decide.isPending && decide.variables?.decision === 'reject'}
                disabled={decide.isPending || notAnApprover}
              >
                {failureLabel}
              </Button>
            )}
          </>
        )}
        {canCancel && (
          <Button
            variant="danger"
            pending={cancel.isPending}
            onClick={() => {
              // A new confirmation: a new request may start.
              singleFlight.reset()
              setCancelSnapshot(job)
            }}
          >
            Cancel job
          </Button>
        )}
        {actions.runAgain && (
          <Button
            pending={runAgain.isPending}
            onClick={() => {
              runAgain.reset()
              setRunSnapshot(job)
            }}
          >
            Run again
          </Button>
        )}
        {actions.runAgain && (
          // The full run form (every rule checked, pre-flight summary) with this job's values; features/tasks owns it.
          <Link
            to={`/tasks/${job.task_id}/run?from=${job.id}`}
            className="inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-indigo-700 underline hover:bg-slate-100 dark:text-indigo-300 dark:hover:bg-slate-800"
          >
            Use these values in the run form
          </Link>
        )}
        {actions.restart && (
          <Button
            pending={restart.isPending}
            onClick={() => {
              restart.reset()
              setRestartSnapshot(job)
            }}
          >
            Restart
          </Button>
        )}
      </div>
      {actions.decide && notAnApprover && (
        <p className="text-sm text-slate-700 dark:text-slate-300">You are not one of this approval's approvers, so you cannot decide it.</p>
      )}
      <div role="status" className="text-sm">
        {notice?.kind === 'status' && (
          <p ref={statusRef} tabIndex={-1} className="rounded-md border border-slate-300 bg-white p-2 dark:border-slate-600 dark:bg-slate-800">
            <span aria-hidden="true">ℹ </span>
            {notice.text}
          </p>
        )}
      </div>
      {notice?.kind === 'error' && (
        <div ref={alertRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-semibold">
            <span aria-hidden="true">⚠ </span>
            {notice.title}
          </p>
          <p>{errorMessage(notice.error)}</p>
          <Button size="sm" variant="ghost" className="mt-1" onClick={() => setNotice(null)}>
            Dismiss
          </Button>
        </div>
      )}

      {actions.submitInput && (
        <SubmitInputPanel
          job={job}
          onDone={(text) => setNotice({ kind: 'status', text })}
          onError={() => setNotice(null)}
        />
      )}

      <ConfirmDialog
        open={!!cancelSnapshot}
        returnFocus={afterDialog}
        onClose={() => setCancelSnapshot(null)}
        onConfirm={confirmCancel}
        pending={cancel.isPending}
        title={`Cancel job “${cancelSnapshot ? plainText(jobDisplayName(cancelSnapshot), 120) : name}”?`}
        description={
          (cancelSnapshot?._type === 'WorkflowJob' && cancelSnapshot.lifecycle === 'started'
            ? 'The workflow run is running: its current step will be cancelled and the run marked terminated.'
            : cancelSnapshot?.lifecycle === 'assigned'
              ? 'The job is running on an agent: it will be terminated and its result ignored.'
              : 'The job has not started running: it will be cancelled.') + ' Cancelling cannot be undone.'
        }
        confirmLabel="Cancel job"
      />

      {runSnapshot && (
        <ArgumentsDialog
          job={runSnapshot}
          open
          returnFocus={afterDialog}
          onClose={() => !runAgain.isPending && setRunSnapshot(null)}
          title={`Run “${plainText(jobDisplayName(runSnapshot), 120)}” again`}
          description="Starts a new job of the same task with these arguments. You can edit them first."
          submitLabel="Start new job"
          pending={runAgain.isPending}
          error={runAgain.error}
          onSubmit={(args) =>
            runAgain.mutateAsync({ taskId: runSnapshot.task_id!, args }).then((created) => {
              setRunSnapshot(null)
              toast.show(`New job started: ${plainText(jobDisplayName(created), 120)}.`, 'success')
              navigate(`/jobs/${created.id}`)
            })
          }
        />
      )}

      {restartSnapshot && (
        <ArgumentsDialog
          job={restartSnapshot}
          open
          returnFocus={afterDialog}
          onClose={() => !restart.isPending && setRestartSnapshot(null)}
          title={`Restart “${plainText(jobDisplayName(restartSnapshot), 120)}”`}
          description="Runs this same job again (its log and output are replaced). You can edit the arguments first."
          submitLabel="Restart job"
          pending={restart.isPending}
          error={restart.error}
          onSubmit={(args) =>
            restart.mutateAsync({ id: restartSnapshot.id, args }).then(() => {
              setRestartSnapshot(null)
              setNotice({ kind: 'status', text: 'Job restarted: it is queued to run again.' })
            })
          }
        />
      )}
    </div>
  )
}
