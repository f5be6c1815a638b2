import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { errorMessage, isUnanswered } from '@/api/errors'
import { serverNow } from '@/api/client'
import { jobDisplayName, type Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { RelativeTime } from '@/components/ui/time'
import { clearDraft } from '@/lib/drafts'
import { jobPath } from '@/lib/links'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { useToast } from '@/components/ui/toast'
import { possiblyCreatedJobs } from '../../job-actions-model'
import { findRecentJobsOfTask, useRunAgain } from '../../queries'
import { ArgumentsDialog, useArgumentsDialog } from './arguments-dialog'
import type { ActionProps } from './types'

/** A "Run again" that got no answer: what it may have created. */
interface Unanswered {
  error: unknown
  /** null while looking. */
  found: Job[] | null
  lookupError?: unknown
}

export const runAgainDraftKey = (jobId: string) => `run-again:${jobId}`

/**
 * "Run again": a dialog with the job's arguments (editable) that starts a new job of the task.
 * A create is never repeated blindly: when the server does not answer, it may have created the
 * job all the same, so the dialog looks for it (same task, same user, just now) and shows it; the
 * button then says "Start another job anyway". What is typed survives a 401 (draft), and the
 * dialog reopens after signing in again.
 */
export function RunAgainAction({ job, available, returnFocus }: ActionProps & { job: Job }) {
  const runAgain = useRunAgain()
  const navigate = useNavigate()
  const toast = useToast()
  const { profile } = useSession()
  const draftKey = runAgainDraftKey(job.id)
  // Reopens with what was typed when a 401 interrupted it.
  const dialog = useArgumentsDialog(job, available, draftKey, runAgain.isPending)
  const snapshot = dialog.snapshot
  const [unanswered, setUnanswered] = useState<Unanswered | null>(null)

  const close = () => {
    if (dialog.close()) setUnanswered(null)
  }

  const submit = (target: Job, args: unknown[]) => {
    const taskId = target.task_id!
    const sentAt = serverNow()
    return runAgain.mutateAsync({ taskId, args }).then(
      (created) => {
        dialog.done()
        setUnanswered(null)
        toast.show(`New job started: ${plainText(jobDisplayName(created), 120)}.`, 'success')
        navigate(jobPath(created.id))
      },
      async (error: unknown) => {
        if (isUnanswered(error)) {
          setUnanswered({ error, found: null })
          try {
            const recent = await findRecentJobsOfTask(taskId)
            setUnanswered({ error, found: possiblyCreatedJobs(recent, { taskId, userId: profile?.id, sentAt, excludeId: target.id }) })
          } catch (lookupError) {
            setUnanswered({ error, found: [], lookupError })
          }
        } else {
          setUnanswered(null)
        }
        throw error
      },
    )
  }

  return (
    <>
      <Button
        pending={runAgain.isPending}
        disabled={!available}
        onClick={() => {
          runAgain.reset()
          setUnanswered(null)
          dialog.open()
        }}
      >
        Run again
      </Button>
      {snapshot && (
        <ArgumentsDialog
          job={snapshot}
          onClose={close}
          returnFocus={returnFocus}
          title={`Run “${plainText(jobDisplayName(snapshot), 120)}” again`}
          description="Starts a new job of the same task with these arguments. You can edit them first."
          submitLabel={unanswered ? 'Start another job anyway' : 'Start new job'}
          pending={runAgain.isPending}
          error={unanswered ? null : runAgain.error}
          draftKey={draftKey}
          onSubmit={(args) => submit(snapshot, args)}
        >
          {unanswered && <UnansweredCreate state={unanswered} onOpen={() => clearDraft(draftKey)} />}
        </ArgumentsDialog>
      )}
    </>
  )
}

function UnansweredCreate({ state, onOpen }: { state: Unanswered; onOpen: () => void }) {
  const found = state.found
  return (
    <div role="alert" className="mb-4 space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>The server did not answer, so the job may have been started all the same.
      </p>
      <p>{errorMessage(state.error)}</p>
      {found === null ? (
        <p>Looking for a job of this task that you started just now…</p>
      ) : found.length > 0 ? (
        <div>
          <p>{found.length === 1 ? 'This job of the task was started by you just now:' : `These ${found.length} jobs of the task were started by you just now:`}</p>
          <ul className="mt-1 list-disc pl-5">
            {found.slice(0, 5).map((j) => (
              <li key={j.id}>
                <Link to={jobPath(j.id)} onClick={onOpen} className="font-medium text-indigo-800 underline dark:text-indigo-200">
                  {plainText(jobDisplayName(j), 120)}
                </Link>{' '}
                (<RelativeTime date={j.creation_date} />, {plainText(j.lifecycle ?? 'unknown', 30)})
              </li>
            ))}
          </ul>
        </div>
      ) : state.lookupError ? (
        <p>Could not check whether it was started: {errorMessage(state.lookupError)}</p>
      ) : (
        <p>No new job of this task shows yet; it may still appear in the jobs list.</p>
      )}
      <p>Starting another one needs a second confirmation: the button below says so.</p>
    </div>
  )
}
