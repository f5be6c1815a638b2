import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useRef, useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import { isApiError } from '@/api/errors'
import { isFinished, jobDisplayName, type Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { ErrorPanel, errorMessage } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { useNow } from '@/components/ui/time'
import { useCancelJob, useCancelWorkflowRun, useDecideApproval, type CancelResult } from '@/lib/job-queries'
import { isAdminCredential, useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { buildWorkflowGraph, mapRun, runHeadline, type RunMap, type StepView } from '../run-graph'
import { invalidateRun, runPollInterval, useSubmitStepInput, workflowQueries } from '../queries'
import { RunTimeline } from './run-timeline'
import { buildRunArguments, Field, initialValue, RunWorkflowButton, validate, type Value } from './run-workflow'
import { taskIcon, taskTypeLabel } from './task-icon'
import { stepMark, stepWordLong, WorkflowGraph } from './workflow-graph'
import { jobPath, workflowPath } from '@/lib/links'

/**
 * A workflow run (the WorkflowJob's page): where it is now, what waits on whom, the graph with the
 * path it took, its steps in words, its timeline, and the actions that apply, all in place. Reads the
 * workflow's definition and the run's steps; both refresh while the run moves.
 */
export function WorkflowRunView({ run }: { run: Job }) {
  const { config } = useSession()
  const refreshMs = config.refreshIntervalMs
  const workflowId = run.workflow_id
  const definition = useQuery({ ...workflowQueries.detail(workflowId ?? ''), enabled: !!workflowId })
  const tasks = useQuery({ ...workflowQueries.tasks(workflowId ?? ''), enabled: !!workflowId })
  const steps = useQuery({ ...workflowQueries.runSteps(run.id, workflowId), refetchInterval: runPollInterval(run, refreshMs) })
  const finished = isFinished(run.lifecycle)
  const now = useNow(1000, !finished)

  const knownTaskIds = useMemo(() => (tasks.data ? new Set(tasks.data.map((t) => t.id)) : undefined), [tasks.data])
  const graph = useMemo(
    () => buildWorkflowGraph(definition.data ?? { graph: null, version: 2, start_task_id: undefined }, { knownTaskIds }),
    [definition.data, knownTaskIds],
  )
  const map = useMemo(() => mapRun(graph, run, steps.data ?? []), [graph, run, steps.data])

  const definitionMissing = isApiError(definition.error) && definition.error.code === 'not_found'
  const loading = (definition.isPending && !!workflowId) || steps.isPending

  return (
    <section aria-labelledby="workflow-run-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 id="workflow-run-heading" className="text-lg font-semibold">
            Workflow run
            {definition.data && (
              <>
                {' of '}
                <Link to={workflowPath(definition.data.id)} className="text-indigo-700 underline dark:text-indigo-300">
                  {plainText(definition.data.name, 120)}
                </Link>
              </>
            )}
          </h2>
          {!loading && (
            <p className="text-sm" data-testid="run-headline">
              <span className="font-semibold">Now: </span>
              {runHeadline(map, run)}
            </p>
          )}
        </div>
        <RunActions run={run} workflowName={definition.data?.name ?? run.name ?? 'workflow'} startTaskId={definition.data?.start_task_id} canRun={!!workflowId && !definitionMissing} />
      </div>

      {!workflowId && <p className="text-sm text-amber-900 dark:text-amber-200">This run does not say which workflow it belongs to: its steps are listed as they ran.</p>}
      {definitionMissing && <p className="text-sm text-amber-900 dark:text-amber-200">The workflow of this run no longer exists: its steps are listed as they ran, without the graph.</p>}
      {definition.isError && !definitionMissing && (
        <ErrorPanel error={definition.error} title="The workflow's graph could not be loaded; its steps are listed as they ran" onRetry={() => definition.refetch()} />
      )}
      {steps.isError && <ErrorPanel error={steps.error} title="The steps of this run could not be loaded" onRetry={() => steps.refetch()} />}

      {loading ? (
        <SkeletonRows rows={4} label="Loading the run's graph and steps" />
      ) : (
        <>
          <NeedsYou map={map} run={run} />
          {map.notes.length > 0 && (
            <ul aria-label="Notes about this run" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
              {[...(definition.data ? graph.notes : []), ...map.notes].map((n, i) => (
                <li key={i}>
                  <span aria-hidden="true">ℹ </span>
                  {plainText(n, 400)}
                </li>
              ))}
            </ul>
          )}
          <WorkflowGraph graph={graph} run={map} />
          <StepsList map={map} />
          <RunTimeline jobs={[...map.steps, ...map.outside].flatMap((s) => s.jobs)} now={now} runStart={run.creation_date} />
        </>
      )}
    </section>
  )
}

const STATUS_TEXT: Record<StepView['status'], string> = {
  success: 'text-emerald-800 dark:text-emerald-300',
  failure: 'text-red-800 dark:text-red-300',
  canceled: 'text-slate-700 dark:text-slate-300',
  running: 'text-indigo-800 dark:text-indigo-300',
  waiting: 'text-amber-900 dark:text-amber-300',
  queued: 'text-sky-900 dark:text-sky-300',
  other: 'text-slate-700 dark:text-slate-300',
  'not-reached': 'text-slate-600 dark:text-slate-400',
}

function StepItem({ step }: { step: StepView }) {
  const name = plainText(step.node.name, 120)
  const earlier = step.jobs.slice(0, -1)
  return (
    <li className={cn('flex flex-wrap items-baseline gap-x-2 gap-y-0.5 py-1 text-sm', step.reach === 'never' && 'text-slate-600 dark:text-slate-400')} data-step={step.node.id}>
      <span aria-hidden="true" className="w-5 text-center">
        {taskIcon(step.node.type)}
      </span>
      {step.latest ? (
        <Link to={jobPath(step.latest.id)} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {name}
        </Link>
      ) : (
        <span className="font-medium">{name}</span>
      )}
      <span className="sr-only">({taskTypeLabel(step.node.type)})</span>
      <span className={cn('font-medium', STATUS_TEXT[step.status])}>
        <span aria-hidden="true">{stepMark(step.status)} </span>
        {stepWordLong(step)}
      </span>
      {step.node.deleted && <span className="text-xs text-amber-900 dark:text-amber-200">(task deleted)</span>}
      {earlier.length > 0 && (
        <span className="text-xs text-slate-600 dark:text-slate-400">
          earlier passes:{' '}
          {earlier.map((j, i) => (
            <span key={j.id}>
              {i > 0 && ', '}
              <Link to={jobPath(j.id)} className="underline" aria-label={`${name}, pass ${i + 1}`}>
                {i + 1}
              </Link>
            </span>
          ))}
        </span>
      )}
    </li>
  )
}

/** The run's steps in words: one item per task node, then steps whose task is not in the graph. */
function StepsList({ map }: { map: RunMap }) {
  return (
    <div className="min-w-0 space-y-3">
      <div>
        <h3 className="text-base font-semibold">Steps</h3>
        {map.steps.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">The workflow’s graph has no task to list.</p>
        ) : (
          <ol aria-label="Steps" className="divide-y divide-slate-100 dark:divide-slate-800">
            {map.steps.map((s) => (
              <StepItem key={s.node.id} step={s} />
            ))}
          </ol>
        )}
      </div>
      {map.outside.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Steps not in the graph</h3>
          <ol aria-label="Ran outside the graph" className="divide-y divide-slate-100 dark:divide-slate-800">
            {map.outside.map((s) => (
              <StepItem key={s.node.id} step={s} />
            ))}
          </ol>
        </div>
      )}
    </div>
  )
}

/**
 * What waits on a person now, with the action in place: an approval waiting on me gets its decision
 * buttons (the task's labels); an input step links to its form. A decided step stays in place with
 * its outcome, so nothing moves under the pointer.
 */
function NeedsYou({ map, run }: { map: RunMap; run: Job }) {
  const waiting = map.active.filter((s) => s.status === 'waiting' && s.latest)
  const [decided, setDecided] = useState<Record<string, string>>({})
  const shown = [...waiting.map((s) => s.latest!.id), ...Object.keys(decided)]
  const items = [...map.steps, ...map.outside].flatMap((s) => s.jobs.filter((j) => shown.includes(j.id)).map((job) => ({ step: s, job })))
  if (items.length === 0) return null
  return (
    <ul aria-label="Waiting on a person" className="space-y-2">
      {items.map(({ step, job }) => (
        <WaitingItem key={job.id} step={step} job={job} run={run} outcome={decided[job.id]} onDecided={(text) => setDecided((d) => ({ ...d, [job.id]: text }))} />
      ))}
    </ul>
  )
}

function WaitingItem({ step, job, run, outcome, onDecided }: { step: StepView; job: Job; run: Job; outcome?: string; onDecided: (text: string) => void }) {
  const { profile } = useSession()
  const qc = useQueryClient()
  const decide = useDecideApproval()
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null)
  const inFlight = useRef(false)
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
    decide
      .mutateAsync({ id: job.id, decision })
      .then(
        () => onDecided(`You chose “${label}” for “${name}”. The run goes on along its ${decision === 'approve' ? 'success' : 'failure'} edge.`),
        (e: unknown) => setError({ title: `“${label}” was not recorded`, error: e }),
      )
      .finally(() => {
        inFlight.current = false
        void invalidateRun(qc, run.id, run.workflow_id)
      })
  }

  return (
    <li className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/60">
      {outcome ? (
        <p role="status">
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
        <div role="alert" className="mt-2 text-red-900 dark:text-red-200">
          <p className="font-semibold">{error.title}</p>
          <p>{errorMessage(error.error)}</p>
        </div>
      )}
    </li>
  )
}

/**
 * The form of an input step, in place: the task's arguments (embedded in the step, else read from the
 * task), "Submit input", and the outcome kept in place afterwards.
 */
function InputForm({ step, job, run, onDone }: { step: StepView; job: Job; run: Job; onDone: (text: string) => void }) {
  const embedded = job.task?.task_arguments
  const task = useQuery({ ...workflowQueries.startTask(job.task_id ?? ''), enabled: !embedded?.length && !!job.task_id })
  const submit = useSubmitStepInput(run.id, run.workflow_id)
  const args = embedded?.length ? embedded : (task.data?.task_arguments ?? [])
  const [values, setValues] = useState<Record<number, Value> | null>(null)
  const [errors, setErrors] = useState<Record<number, string>>({})
  const inFlight = useRef(false)
  const current = values ?? Object.fromEntries(args.map((a) => [a.order, initialValue(a)]))
  const name = plainText(step.node.name, 120)

  const send = (e: FormEvent) => {
    e.preventDefault()
    if (inFlight.current || submit.isPending) return
    const found = validate(args, current)
    setErrors(found)
    if (Object.keys(found).length) return
    inFlight.current = true
    // The promise, not mutate's callbacks: the step may leave "waiting" (and this form unmount) before the
    // answer's read-back ends; the outcome is kept by the parent either way.
    submit
      .mutateAsync({ id: job.id, args: buildRunArguments(args, current) })
      .then(
        (after) => onDone(`Input sent for “${name}”${after.lifecycle ? `: the step is now ${after.lifecycle === 'finished' ? 'done' : after.lifecycle}` : ''}. The run goes on.`),
        () => undefined,
      )
      .finally(() => {
        inFlight.current = false
      })
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
        <form onSubmit={send} noValidate aria-label={`Input for ${name}`} className="max-w-xl space-y-2">
          {args.map((a) => (
            <Field key={`${a.order}-${a.label}`} arg={a} value={current[a.order] ?? ''} error={errors[a.order]} onChange={(v) => setValues({ ...current, [a.order]: v })} />
          ))}
          {submit.isError && (
            <p role="alert" className="text-red-900 dark:text-red-200">
              The input was not accepted: {errorMessage(submit.error)}
            </p>
          )}
          <Button type="submit" variant="primary" pending={submit.isPending}>
            Submit input
          </Button>
        </form>
      )}
    </div>
  )
}

function cancelText(result: CancelResult): string {
  const after = result.after
  if (result.outcome === 'gone') return 'The cancel was sent, but the run could not be read back afterwards.'
  if (after && isFinished(after.lifecycle)) return `Run canceled: it is now ${after.lifecycle}${after.state ? ` (${after.state})` : ''}.`
  return `The server accepted the cancel but the run is still ${after?.lifecycle ?? 'in progress'}: it may not be cancellable now.`
}

/**
 * "Run workflow" for everyone; "Cancel run" for admins while the run is in progress (the supervisor's
 * PUT /workflows/:wf/job/:job/cancel is admin-only), and for others only while the run has not started
 * (the per-job cancel works on a queued or held WorkflowJob). The outcome is read back, not assumed.
 */
function RunActions({ run, workflowName, startTaskId, canRun }: { run: Job; workflowName: string; startTaskId?: string; canRun: boolean }) {
  const { profile } = useSession()
  const qc = useQueryClient()
  const isAdmin = isAdminCredential(profile?.credential) === true
  const cancelRun = useCancelWorkflowRun()
  const cancelJob = useCancelJob()
  const [confirming, setConfirming] = useState<Job | null>(null)
  const [notice, setNotice] = useState<{ kind: 'status' | 'error'; text: string } | null>(null)
  const inFlight = useRef(false)
  const inProgress = !isFinished(run.lifecycle)
  const notStarted = run.lifecycle === 'ready' || run.lifecycle === 'onhold'
  const canCancel = inProgress && (isAdmin ? !!run.workflow_id : notStarted)
  const pending = cancelRun.isPending || cancelJob.isPending
  const name = plainText(jobDisplayName(run), 120)

  const confirm = () => {
    const target = confirming
    if (!target || inFlight.current) return
    inFlight.current = true
    const op = isAdmin && target.workflow_id ? cancelRun.mutateAsync({ run: target }) : cancelJob.mutateAsync({ id: target.id, before: target })
    op.then(
      (result) => setNotice({ kind: 'status', text: cancelText(result) }),
      (error: unknown) => setNotice({ kind: 'error', text: `The run was not canceled: ${errorMessage(error)}` }),
    ).finally(() => {
      inFlight.current = false
      setConfirming(null)
      void invalidateRun(qc, run.id, run.workflow_id)
    })
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        {canRun && <RunWorkflowButton workflow={{ id: run.workflow_id!, name: workflowName, start_task_id: startTaskId }} />}
        {canCancel && (
          <Button variant="danger" pending={pending} onClick={() => setConfirming(run)}>
            Cancel run
          </Button>
        )}
      </div>
      <div role="status" className="text-sm">
        {notice?.kind === 'status' && <p>{notice.text}</p>}
      </div>
      {notice?.kind === 'error' && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {notice.text}
        </p>
      )}
      <ConfirmDialog
        open={!!confirming}
        onClose={() => setConfirming(null)}
        onConfirm={confirm}
        pending={pending}
        title={`Cancel run “${name}”?`}
        description={
          run.lifecycle === 'started'
            ? 'The workflow run is running: its current step will be cancelled and the run marked terminated; steps not reached will not run. Cancelling cannot be undone.'
            : 'The workflow run has not started its first step: it will be cancelled. Cancelling cannot be undone.'
        }
        confirmLabel="Cancel run"
      />
    </div>
  )
}
