import { useState } from 'react'
import { isUnanswered } from '@/api/errors'
import { jobDisplayName, type Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { useCancelJob, useCancelWorkflowRun } from '@/lib/job-queries'
import { plainText } from '@/lib/text'
import { useSingleFlight } from '@/lib/use-single-flight'
import { cancelDescription, cancelMessage } from '../../job-actions-model'
import type { ActionProps } from './types'

/**
 * "Cancel job": asks first (naming the job), then cancels the job — or the workflow run through
 * its own route — and reports what really happened (the server answers 204 even when nothing
 * changed). The dialog acts on a snapshot taken when it opened.
 */
export function CancelAction({ job, available, onNotice, onActed, returnFocus }: ActionProps & { job: Job }) {
  const cancelJob = useCancelJob()
  const cancelRun = useCancelWorkflowRun()
  const singleFlight = useSingleFlight()
  const [snapshot, setSnapshot] = useState<Job | null>(null)
  const pending = cancelJob.isPending || cancelRun.isPending

  const confirm = () => {
    const target = snapshot
    if (!target) return
    singleFlight.run(() => {
      onActed()
      return (
        target._type === 'WorkflowJob' && target.lifecycle === 'started'
          ? cancelRun.mutateAsync({ run: target })
          : cancelJob.mutateAsync({ id: target.id, before: target })
      ).then(
        (result) => {
          setSnapshot(null)
          onNotice({ kind: 'status', text: cancelMessage(result) })
        },
        (error: unknown) => {
          setSnapshot(null)
          onNotice({ kind: 'error', title: isUnanswered(error) ? 'No answer to the cancel: the job may have been canceled all the same' : 'The job was not canceled', error })
          throw error
        },
      )
    })
  }

  return (
    <>
      <Button
        variant="danger"
        pending={pending}
        disabled={!available}
        onClick={() => {
          // A new confirmation: a new request may start.
          singleFlight.reset()
          setSnapshot(job)
        }}
      >
        Cancel job
      </Button>
      <ConfirmDialog
        open={!!snapshot}
        returnFocus={returnFocus}
        onClose={() => setSnapshot(null)}
        onConfirm={confirm}
        pending={pending}
        title={`Cancel job “${plainText(jobDisplayName(snapshot ?? job), 120)}”?`}
        description={cancelDescription(snapshot ?? job)}
        confirmLabel="Cancel job"
      />
    </>
  )
}
