import { useState } from 'react'
import { isUnanswered } from '@/api/errors'
import { jobDisplayName, type Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
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
      <Dialog
        open={!!snapshot}
        returnFocus={returnFocus}
        role="alertdialog"
        onClose={() => !pending && setSnapshot(null)}
        title={`Cancel job “${plainText(jobDisplayName(snapshot ?? job), 120)}”?`}
        description={cancelDescription(snapshot ?? job)}
        footer={
          <>
            <Button variant="ghost" onClick={() => setSnapshot(null)} disabled={pending}>
              Keep the job
            </Button>
            <Button variant="danger" pending={pending} onClick={confirm}>
              Cancel job
            </Button>
          </>
        }
      />
    </>
  )
}
