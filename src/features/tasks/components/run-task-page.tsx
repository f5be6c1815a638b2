import { Breadcrumb } from '@/components/ui/breadcrumb'
import { useQuery } from '@tanstack/react-query'
import { useMemo, useRef, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { isApiError } from '@/api/errors'
import type { Task } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { PageLoadFailed, PageLoading, PageMessage } from '@/components/ui/page-state'
import { formatRelative } from '@/components/ui/time'
import { clearDraft, readDraftEntry } from '@/lib/drafts'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { useDocumentTitle } from '@/lib/use-document-title'
import { definitionProblems, storableValues } from '@/components/run-form/argument-values'
import { hostReporting } from '../catalog-model'
import { forgetLastValues, readLastValues, writeLastValues } from '../last-values'
import { runStart, type FromJob, type Start } from '../run-start'
import { taskQueries, useRunTask, type RunTarget } from '../queries'
import { PreflightSummary } from './preflight-summary'
import { QueueAnywayDialog, RunError } from './run-dialogs'
import { maskedLabels, RunForm, type RunFormSubmit } from '@/components/run-form/run-form'
import { isObjectId, jobPath, workflowPath } from '@/lib/links'

/**
 * `/tasks/:taskId/run`: the run form of a task with its pre-flight summary. With `workflow`, the
 * same form (of the workflow's start task) starts the workflow instead (`POST /workflows/:id/job`).
 */
export function RunTaskPage({ taskId, workflow }: { taskId: string | undefined; workflow?: { id: string; name: string } }) {
  if (!isObjectId(taskId)) {
    return (
      <PageMessage title="This is not a valid task id" back={{ to: '/tasks', label: 'Back to tasks' }} className="mx-auto p-6">
        “{plainText(taskId ?? '', 80)}” is not a task id: task ids have 24 hexadecimal characters. Check the link you followed.
      </PageMessage>
    )
  }
  return <RunTaskLoader key={taskId} taskId={taskId} workflow={workflow} />
}

function RunTaskLoader({ taskId, workflow }: { taskId: string; workflow?: { id: string; name: string } }) {
  // The definitions decide what the server will match: always re-read them when the form opens (no socket event
  // tells us a task changed, so a cached copy may be old even while push is live).
  const task = useQuery({ ...taskQueries.detail(taskId), refetchOnMount: 'always' })
  const [params] = useSearchParams()
  const fromJobId = params.get('from')
  const validFrom = isObjectId(fromJobId) ? fromJobId : null
  const fromJob = useQuery({ ...taskQueries.job(validFrom ?? ''), enabled: !!validFrom })
  useDocumentTitle(task.data ? `Run ${plainText(workflow?.name ?? task.data.name, 100)}` : 'Run task')
  // The last-run values are kept per user: the form starts once it is known who that is.
  const { profilePending } = useSession()

  if (task.isPending || (validFrom && fromJob.isPending) || profilePending) return <PageLoading label="Loading the task" rows={5} className="mx-auto max-w-3xl p-6" />
  if (!task.data) {
    return (
      <PageLoadFailed
        thing="Task"
        error={task.error}
        onRetry={() => task.refetch()}
        back={{ to: '/tasks', label: 'Back to tasks' }}
        className="mx-auto p-6"
        notFound={`There is no task with id ${taskId} in this organization. It may have been deleted.`}
      />
    )
  }
  return (
    <RunTaskView
      task={task.data}
      workflow={workflow}
      fromJob={validFrom ? { id: validFrom, values: fromJob.data?.task_arguments_values, taskId: fromJob.data?.task_id, error: fromJob.error } : fromJobId ? { id: fromJobId, error: new Error('not a job id') } : undefined}
      params={params}
    />
  )
}

function RunTaskView({ task, workflow, fromJob, params }: { task: Task; workflow?: { id: string; name: string }; fromJob?: FromJob; params: URLSearchParams }) {
  const { customer, profile } = useSession()
  const scope = { customer, userId: profile?.id }
  const navigate = useNavigate()
  const args = task.task_arguments
  // What the user last ran: per task, and per workflow for a workflow's start form (the same task may start several).
  const memoryKey = workflow ? `workflow:${workflow.id}` : task.id
  const draftKey = `run:${memoryKey}`
  const home = workflow ? { to: workflowPath(workflow.id), text: 'Runs of this workflow' } : { to: `/jobs?task=${encodeURIComponent(task.id)}`, text: 'Jobs of this task' }
  const hosts = useQuery(taskQueries.hosts())
  const liveness = useQuery({ ...taskQueries.liveness(), enabled: !!task.host_id })
  const run = useRunTask()
  const inFlight = useRef(false)
  const [confirming, setConfirming] = useState<RunFormSubmit | null>(null)
  const [formKey, setFormKey] = useState(0)

  // Where the form starts (run-start.ts). Once per page (and again on "Start from the task's defaults"):
  // later refreshes of the task never overwrite what the user typed.
  const start = useMemo<Start>(
    () =>
      runStart(
        args,
        task,
        fromJob,
        params,
        () => readLastValues(scope, memoryKey),
        () => readDraftEntry(draftKey),
      ),
    // Only formKey on purpose: see above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [formKey],
  )

  const hostName = task.host_id ? (hosts.data?.find((h) => h.id === task.host_id)?.hostname ?? task.hostname) : undefined
  const reporting = hostReporting(task.host_id, liveness.data)
  const resource = liveness.data?.find((r) => r.hostId === task.host_id)
  const masked = maskedLabels(args)
  const approvers = (task.approvers ?? []).map((id) => (profile?.id && id === profile.id ? 'you' : id))
  const problems = definitionProblems(args)
  const target: RunTarget = workflow ? { kind: 'workflow', workflowId: workflow.id } : { kind: 'task', taskId: task.id }
  const submitLabel = workflow ? 'Run workflow' : 'Run task'
  const name = workflow?.name ?? task.name

  /** Settles when the run's request does (its failure is shown from the mutation's state). */
  const doRun = (submit: RunFormSubmit): Promise<void> => {
    // The form has its own guard; this one is for "Queue anyway" in the dialog: a double click on it
    // never posts twice either.
    if (inFlight.current) return Promise.resolve()
    inFlight.current = true
    // mutate's callbacks, not mutateAsync: they do not run once the user left this page (no jump to
    // the new job from elsewhere); the form is gone then, and its promise may stay pending.
    return new Promise((settled) =>
      run.mutate(
        { target, args: submit.taskArguments },
        {
          onSuccess: (job) => {
            writeLastValues(scope, memoryKey, storableValues(args, submit.values))
            clearDraft(draftKey)
            setConfirming(null)
            navigate(jobPath(job.id))
          },
          onSettled: () => {
            inFlight.current = false
            settled()
          },
        },
      ),
    )
  }

  const runError = run.error
  const timedOut = isApiError(runError) && (runError.code === 'timeout' || runError.code === 'network')

  return (
    <div className="mx-auto max-w-3xl space-y-5 p-4 sm:p-6">
      <Breadcrumb parent={{ to: workflow ? '/workflows' : '/tasks', label: workflow ? 'Workflows' : 'Tasks' }} current={plainText(name, 120)} />
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold break-words">Run {plainText(name, 200)}</h1>
        {workflow && <p className="text-sm text-slate-700 dark:text-slate-300">The workflow starts with the task “{plainText(task.name, 120)}”; these are its arguments.</p>}
        {task.description && <p className="text-sm text-slate-700 dark:text-slate-300">{plainText(task.description, 500)}</p>}
        <p className="text-sm">
          <Link to={home.to} className="text-indigo-700 underline dark:text-indigo-300">
            {home.text}
          </Link>
        </p>
      </header>
      {(start.notes.length > 0 || start.source === 'last' || start.source === 'draft') && (
        <Callout tone="info" role="status" className="[&>div]:space-y-1">
          {start.source === 'last' && start.lastSavedAt !== undefined && (
            <p>
              Filled with the values you last ran this task with ({formatRelative(start.lastSavedAt)}). Masked values are never remembered.{' '}
            </p>
          )}
          {/* The fields show a draft (typed here, never run): say so, never "the values you last ran". */}
          {start.source === 'draft' && (
            <p>Restored what you were typing here before (last changed {formatRelative(start.draftSavedAt)}); it was not run. Masked values are never kept.</p>
          )}
          {start.notes.map((n, i) => (
            <p key={i}>{n}</p>
          ))}
          <div className="flex flex-wrap gap-2">
            {start.source === 'draft' && start.lastSavedAt !== undefined && (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  clearDraft(draftKey)
                  setFormKey((k) => k + 1)
                }}
              >
                Use the values you last ran
              </Button>
            )}
            {start.source !== 'defaults' && (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  if (start.lastSavedAt !== undefined) forgetLastValues(scope, memoryKey)
                  clearDraft(draftKey)
                  // Starting over drops the link's and the job's values too.
                  navigate({ search: '' }, { replace: true })
                  setFormKey((k) => k + 1)
                }}
              >
                Start from the task's defaults
              </Button>
            )}
          </div>
        </Callout>
      )}
      {task.problems.length > 0 && (
        <Callout tone="warning">Some of this task's fields were not as expected: {task.problems.map((p) => plainText(p, 120)).join('; ')}.</Callout>
      )}
      {problems.length > 0 && (
        <Callout tone="warning" role="alert" title="This task's argument definitions have problems the form cannot fix:">
          <ul className="list-disc pl-5">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Callout>
      )}
      <RunForm
        key={formKey}
        args={args}
        draftKey={draftKey}
        // The draft is already in start.values (runStart), where the notice above can say so.
        restoreDraft={false}
        initial={start.values}
        submitLabel={submitLabel}
        pending={run.isPending}
        userEmail={profile?.email}
        onSubmit={(submit) => {
          // RunForm sends nothing more until this settles: a second click of a double click never resets
          // the request in flight (its answer is what takes the user to the new job).
          run.reset()
          const decide = (data: typeof liveness.data) => (hostReporting(task.host_id, data) === 'not-reporting' ? setConfirming(submit) : doRun(submit))
          // Never skip the question because the bot's status had not arrived yet.
          if (task.host_id && liveness.isPending) return liveness.refetch().then((r) => decide(r.data))
          return decide(liveness.data)
        }}
        beforeSubmit={
          <PreflightSummary
            info={{ task, hostName, reporting, checking: !!task.host_id && liveness.isPending, livenessState: resource?.state, lastUpdate: resource?.lastUpdate, approvers, masked }}
          />
        }
        error={
          runError && !confirming ? (
            <RunError error={runError} timedOut={timedOut} home={home} />
          ) : null
        }
      />
      <QueueAnywayDialog
        open={!!confirming}
        pending={run.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => confirming && doRun(confirming)}
        name={name}
        bot={{ name: hostName ?? task.host_id, reporting, state: resource?.state, lastUpdate: resource?.lastUpdate }}
      >
        {runError && confirming && <RunError error={runError} timedOut={timedOut} home={home} />}
      </QueueAnywayDialog>
    </div>
  )
}
