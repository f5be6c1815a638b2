import { jobDisplayName, type Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { plainText } from '@/lib/text'
import { useRestartJob } from '../../queries'
import { ArgumentsDialog, useArgumentsDialog } from './arguments-dialog'
import type { ActionProps } from './types'

export const restartDraftKey = (jobId: string) => `restart:${jobId}`

/** "Restart": runs this same (finished script) job again, with arguments that may be edited first. */
export function RestartAction({ job, available, onNotice, onActed, returnFocus }: ActionProps & { job: Job }) {
  const restart = useRestartJob()
  const draftKey = restartDraftKey(job.id)
  const dialog = useArgumentsDialog(job, available, draftKey, restart.isPending)
  const snapshot = dialog.snapshot

  return (
    <>
      <Button
        pending={restart.isPending}
        disabled={!available}
        onClick={() => {
          restart.reset()
          dialog.open()
        }}
      >
        Restart
      </Button>
      {snapshot && (
        <ArgumentsDialog
          job={snapshot}
          onClose={dialog.close}
          returnFocus={returnFocus}
          // A restart requeues the job, so Restart no longer applies (the refresh disables it a
          // moment later): focus goes straight to "Job restarted…", not back to the button.
          focusAfterClose={() => (dialog.closedByAction() ? returnFocus() : null)}
          title={`Restart “${plainText(jobDisplayName(snapshot), 120)}”`}
          description="Runs this same job again (its log and output are replaced). You can edit the arguments first."
          submitLabel="Restart job"
          pending={restart.isPending}
          error={restart.error}
          draftKey={draftKey}
          onSubmit={(args) => {
            onActed()
            return restart.mutateAsync({ id: snapshot.id, args }).then(() => {
              dialog.done()
              onNotice({ kind: 'status', text: 'Job restarted: it is queued to run again.' })
            })
          }}
        />
      )}
    </>
  )
}
