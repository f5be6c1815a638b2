import { useState, type ReactNode } from 'react'
import { isApiError, writeFailureText } from '@/api/errors'
import type { Job } from '@/api/schemas/job'
import type { TaskArgument } from '@/api/schemas/task'
import { initialValues, matchFieldErrors, valuesFromJob } from '@/components/run-form/argument-values'
import { RunForm } from '@/components/run-form/run-form'
import { Callout } from '@/components/ui/callout'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'

/**
 * The shared run form over a job's task arguments (Run again, Restart, Submit input): it starts
 * from the job's values (`task_arguments_values` is indexed by `order`), never copies masked ones,
 * and sends the full array indexed by `order` the server matches. One request per submit (RunForm's guard).
 */
export function JobArgumentsForm({
  job,
  args,
  error,
  onSubmit,
  footer,
  ...shown
}: {
  job: Job
  args: TaskArgument[]
  submitLabel: string
  pending: boolean
  /** The last submit's error (an ApiError's field errors go beside their fields). */
  error: unknown
  /** Sends the body; the promise settles when the request does (no second submit before that). */
  onSubmit: (taskArguments: unknown[]) => Promise<unknown>
  footer?: ReactNode
  draftKey?: string
  label?: string
}) {
  const { profile } = useSession()
  const [start] = useState(() => valuesFromJob(args, job.task_arguments_values ?? [], initialValues(args)))
  const fieldErrors = isApiError(error) ? error.fieldErrors : undefined
  const unmatched = fieldErrors?.length ? matchFieldErrors(args, fieldErrors).unmatched : []
  return (
    <div className="space-y-3">
      {start.skippedMasked.length > 0 && (
        <Callout tone="info">Masked values are not copied from the job: enter {start.skippedMasked.join(', ')} again.</Callout>
      )}
      <RunForm
        {...shown}
        args={args}
        initial={start.values}
        userEmail={profile?.email}
        serverFieldErrors={fieldErrors}
        error={
          error != null ? (
            <Callout tone="danger" role="alert" title={writeFailureText(error)}>
              {unmatched.length > 0 && (
                <ul className="list-disc pl-5">
                  {unmatched.map((m, i) => (
                    <li key={i}>{plainText(m, 300)}</li>
                  ))}
                </ul>
              )}
              <p>Your values are kept: fix what is needed and try again.</p>
            </Callout>
          ) : null
        }
        extraActions={footer}
        onSubmit={({ taskArguments }) => onSubmit(taskArguments)}
      />
    </div>
  )
}
