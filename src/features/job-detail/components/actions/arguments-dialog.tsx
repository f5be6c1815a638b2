import { useQuery } from '@tanstack/react-query'
import { useRef, useState, type ComponentProps, type ReactNode } from 'react'
import type { Job } from '@/api/schemas/job'
import type { TaskArgument } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { clearDraft, hasDraft } from '@/lib/drafts'
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

/**
 * Open/closed state of an arguments dialog, drafted: it holds the job as it was when opened, and
 * reopens by itself when a draft is kept for it (a 401 interrupted it, and the user signed in again).
 */
export function useArgumentsDialog(job: Job, available: boolean, draftKey: string, busy: boolean) {
  const [snapshot, setSnapshot] = useState<Job | null>(() => (available && hasDraft(draftKey) ? job : null))
  // How the dialog last closed: its action done (focus goes to the outcome) or closed by the user
  // (back to the button). A ref: it is read after closing, once the dialog is gone.
  const acted = useRef(false)
  const finish = (didAct: boolean) => {
    acted.current = didAct
    clearDraft(draftKey)
    setSnapshot(null)
  }
  return {
    snapshot,
    open: () => {
      acted.current = false
      setSnapshot(job)
    },
    /** The values were sent: forget them. */
    done: () => finish(true),
    /** Closing while a request is in flight does nothing (false). */
    close: () => {
      if (busy) return false
      finish(false)
      return true
    },
    /** After closing: whether it closed because its action was done (see Dialog's focusAfterClose). */
    closedByAction: () => acted.current,
  }
}

/** What the dialog hands to its form as it is. */
type FormProps = Pick<ComponentProps<typeof JobArgumentsForm>, 'submitLabel' | 'pending' | 'error' | 'onSubmit' | 'draftKey'>

/** A dialog holding the argument form of a job's task (Run again, Restart). */
export function ArgumentsDialog({
  job,
  onClose,
  title,
  description,
  returnFocus,
  focusAfterClose,
  children,
  ...form
}: FormProps & {
  job: Job
  onClose: () => void
  returnFocus?: () => HTMLElement | null | undefined
  /** See Dialog: where focus goes after closing instead of the opener (the outcome of the action). */
  focusAfterClose?: () => HTMLElement | null | undefined
  title: string
  description: ReactNode
  /** Shown above the form (e.g. what a request that got no answer may have done). */
  children?: ReactNode
}) {
  const { args, loading } = useArgumentDefinitions(job, true)
  const close = (
    <Button variant="ghost" onClick={onClose}>
      Close
    </Button>
  )
  return (
    <Dialog open onClose={onClose} title={title} description={description} returnFocus={returnFocus} focusAfterClose={focusAfterClose}>
      {children}
      {loading || !args ? <SkeletonRows rows={3} label="Loading the task's arguments" /> : <JobArgumentsForm {...form} job={job} args={args} footer={close} />}
    </Dialog>
  )
}
