import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { isFinished, jobDisplayName, type Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { errorMessage } from '@/components/ui/error-panel'
import { useCancelJob, useCancelWorkflowRun, type CancelResult } from '@/lib/job-queries'
import { isAdminCredential, useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { invalidateRun } from '../queries'
import { RunWorkflowButton } from './run-workflow-button'

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
export function RunActions({ run, canRun }: { run: Job; canRun: boolean }) {
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
        {canRun && run.workflow_id && <RunWorkflowButton workflowId={run.workflow_id} />}
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
