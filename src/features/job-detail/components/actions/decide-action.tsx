import { useState } from 'react'
import { decisionFailureTitle, isUnanswered } from '@/api/errors'
import type { Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { focusAfter } from '@/lib/focus-after'
import { useDecideApproval } from '@/lib/job-queries'
import { useSingleFlight } from '@/lib/use-single-flight'
import { approvalLabels } from '../../job-actions-model'
import type { ActionProps } from './types'

/**
 * The approval's two buttons (the task's labels). One decision per page: a double click sends one
 * request, and once decided both buttons stay where they were, disabled, so nothing else slides
 * under the pointer; the outcome line says what was decided, and the keyboard goes to it (the
 * pressed button is disabled: focus would fall to the top of the page).
 */
export function DecideAction({ job, available, blocked, onNotice, onActed, outcome }: ActionProps & { job: Job; blocked: boolean }) {
  const decide = useDecideApproval()
  const singleFlight = useSingleFlight()
  const [decided, setDecided] = useState<'approve' | 'reject' | null>(null)
  const labels = approvalLabels(job)

  const send = (decision: 'approve' | 'reject') => {
    const label = decision === 'approve' ? labels.success : labels.failure
    const from = document.activeElement
    singleFlight.run(() => {
      onActed()
      onNotice(null)
      return decide.mutateAsync({ id: job.id, decision }).then(
        () => {
          setDecided(decision)
          onNotice({ kind: 'status', text: `Decision sent: ${label}.` })
          focusAfter(from, outcome)
        },
        (error: unknown) => {
          onNotice({
            kind: 'error',
            title: `${decisionFailureTitle(label, error)}${isUnanswered(error) ? ' (the page shows the job as the server has it)' : ''}`,
            error,
          })
          focusAfter(from, outcome)
          throw error
        },
      )
    })
  }

  const off = !available || blocked || decided !== null || decide.isPending
  return (
    <>
      {labels.successEnabled && (
        <Button
          variant="success"
          onClick={() => send('approve')}
          pending={decide.isPending && decide.variables?.decision === 'approve'}
          disabled={off}
          aria-pressed={decided ? decided === 'approve' : undefined}
        >
          {labels.success}
        </Button>
      )}
      {labels.failureEnabled && (
        <Button
          variant="danger"
          onClick={() => send('reject')}
          pending={decide.isPending && decide.variables?.decision === 'reject'}
          disabled={off}
          aria-pressed={decided ? decided === 'reject' : undefined}
        >
          {labels.failure}
        </Button>
      )}
    </>
  )
}
