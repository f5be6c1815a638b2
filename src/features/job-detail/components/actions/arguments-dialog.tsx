import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { Job } from '@/api/schemas/job'
import type { TaskArgument } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { SkeletonRows } from '@/components/ui/skeleton'
import { argumentsFromValues } from '@/components/run-form/argument-values'
import { jobDetailQueries } from '../../queries'
import { JobArgumentsForm } from './job-arguments-form'

/** The task's argument definitions: embedded in the job document, else fetched (when needed). */
export function useArgumentDefinitions(job: Job, enabled: boolean): { args: TaskArgument[] | undefined; loading: boolean } {
  const embedded = job.task?.task_arguments
  const query = useQuery({ ...jobDetailQueries.task(job.task_id ?? ''), enabled: enabled && !job.task && !!job.task_id })
  if (job.task) return { args: embedded, loading: false }
  if (query.isPending && enabled && job.task_id) return { args: undefined, loading: true }
  if (query.data) return { args: query.data.task_arguments, loading: false }
  // No definitions at all: one plain field per value the job had.
  return { args: argumentsFromValues(job.task_arguments_values ?? []), loading: false }
}

/** A dialog holding the argument form of a job's task (Run again, Restart). */
export function ArgumentsDialog({
  job,
  onClose,
  title,
  description,
  submitLabel,
  pending,
  error,
  onSubmit,
  returnFocus,
  draftKey,
  children,
}: {
  job: Job
  onClose: () => void
  returnFocus?: () => HTMLElement | null | undefined
  title: string
  description: ReactNode
  submitLabel: string
  pending: boolean
  error: unknown
  onSubmit: (args: unknown[]) => Promise<unknown>
  draftKey?: string
  /** Shown above the form (e.g. what a request that got no answer may have done). */
  children?: ReactNode
}) {
  const { args, loading } = useArgumentDefinitions(job, true)
  return (
    <Dialog open onClose={onClose} title={title} description={description} returnFocus={returnFocus}>
      {children}
      {loading || !args ? (
        <SkeletonRows rows={3} label="Loading the task's arguments" />
      ) : (
        <JobArgumentsForm
          job={job}
          args={args}
          submitLabel={submitLabel}
          pending={pending}
          error={error}
          onSubmit={onSubmit}
          draftKey={draftKey}
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
