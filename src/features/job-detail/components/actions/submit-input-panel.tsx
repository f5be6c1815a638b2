import type { Job } from '@/api/schemas/job'
import { SkeletonRows } from '@/components/ui/skeleton'
import { clearDraft } from '@/lib/drafts'
import { focusAfter } from '@/lib/focus-after'
import { useSubmitInput } from '../../queries'
import { useArgumentDefinitions } from './arguments-dialog'
import { JobArgumentsForm } from './job-arguments-form'
import type { Notice } from './types'

export const inputDraftKey = (jobId: string) => `input:${jobId}`

/**
 * The values a job on hold waits for. What is typed survives a 401 (draft). Once submitted the
 * panel goes (the job no longer waits): the keyboard goes to the outcome line, not to the top of the page.
 */
export function SubmitInputPanel({ job, onNotice, outcome }: { job: Job; onNotice: (notice: Notice | null) => void; outcome: () => HTMLElement | null }) {
  const submit = useSubmitInput()
  const { args, loading } = useArgumentDefinitions(job, true)
  const draftKey = inputDraftKey(job.id)
  return (
    <section aria-labelledby={`input-${job.id}`} className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
      <h2 id={`input-${job.id}`} className="text-lg font-semibold">
        Input requested
      </h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">This job is on hold until someone submits these values.</p>
      {loading || !args ? (
        <SkeletonRows rows={2} label="Loading the task's arguments" />
      ) : (
        <JobArgumentsForm
          key={job.id}
          job={job}
          args={args}
          label="Input"
          submitLabel="Submit input"
          pending={submit.isPending}
          error={submit.error}
          draftKey={draftKey}
          onSubmit={(values) => {
            const from = document.activeElement
            return submit.mutateAsync({ id: job.id, args: values }).then(
              (after) => {
                clearDraft(draftKey)
                onNotice({
                  kind: 'status',
                  text: after.lifecycle === 'finished' ? 'Input submitted: the job finished.' : `Input submitted: the job is now ${after.lifecycle ?? 'updated'}.`,
                })
                focusAfter(from, outcome)
              },
              (error: unknown) => {
                onNotice(null)
                // The form stays, with the error: back to where the user submitted from once it is enabled again.
                focusAfter(from, () => (from instanceof HTMLElement ? from : null))
                throw error
              },
            )
          }}
        />
      )}
    </section>
  )
}
