import { useState } from 'react'
import { errorMessage, isApiError, isUnanswered } from '@/api/errors'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { useToast } from '@/components/ui/toast'
import { plainText } from '@/lib/text'
import { isAdminCredential, useSession } from '@/lib/session'
import { useSingleFlight } from '@/lib/use-single-flight'
import { useClearFinishedHistory } from '../queries'

interface Scope {
  taskIds: string[]
  taskNames: string[]
  /** Finished jobs of this scope among the loaded ones, when the dialog opened. */
  loadedFinished: number
}


/**
 * "Clear finished history", for admins. Hidden when the gateway profile says the user is not one;
 * shown when the credential is unknown (no gateway), where the server's 403 is shown as it is.
 * The scope is snapshotted when the dialog opens, so a live refresh cannot change what the
 * confirm button acts on.
 */
export function ClearHistoryButton({ currentScope }: { currentScope: () => Scope }) {
  const { profile } = useSession()
  if (isAdminCredential(profile?.credential) === false) return null
  return <ClearHistory currentScope={currentScope} />
}

function ClearHistory({ currentScope }: { currentScope: () => Scope }) {
  const [scope, setScope] = useState<Scope | null>(null)
  const clear = useClearFinishedHistory()
  const toast = useToast()
  // One clear per confirmation: two clicks 5 ms apart both reach `confirm` before the button is
  // disabled by a render, and each would send every DELETE (18 instead of 9).
  const singleFlight = useSingleFlight()

  const close = () => {
    if (clear.isPending) return
    setScope(null)
    clear.reset()
  }

  const confirm = () => {
    if (!scope) return
    singleFlight.run(() =>
      clear.mutateAsync({ taskIds: scope.taskIds }).then((result) => {
        const failed = result.failedTaskIds.length
        toast.show(
          `Deleted ${result.deletedCount} ${result.deletedCount === 1 ? 'job' : 'jobs'}${failed ? `; ${failed} ${failed === 1 ? 'task' : 'tasks'} could not be cleared` : ''}`,
          failed ? 'error' : 'success',
        )
        setScope(null)
        clear.reset()
      }),
    )
  }

  const where = scope
    ? scope.taskIds.length
      ? `of ${scope.taskNames.map((n) => `“${plainText(n, 60)}”`).join(', ')}`
      : 'of every task in this organization'
    : ''

  return (
    <>
      <Button
        variant="danger"
        size="sm"
        onClick={() => {
          // A new confirmation: a new clear may run.
          singleFlight.reset()
          setScope(currentScope())
        }}
      >
        Clear finished history
      </Button>
      <ConfirmDialog
        open={scope !== null}
        onClose={close}
        onConfirm={confirm}
        pending={clear.isPending}
        title="Clear finished history?"
        description={
          scope && (
            <>
              Deletes the finished jobs {where}. {scope.loadedFinished} finished {scope.loadedFinished === 1 ? 'job is' : 'jobs are'} loaded here;
              finished jobs that are not loaded are deleted too. Running and waiting jobs are kept. This cannot be undone.
            </>
          )
        }
        confirmLabel="Clear history"
      >
        {clear.isError && (
          <Callout tone="danger" role="alert" bare className="p-2">
            {isUnanswered(clear.error)
              ? `The server did not answer, so some finished jobs may have been deleted: ${errorMessage(clear.error)} Check the list before you try again.`
              : `Nothing was deleted: ${errorMessage(clear.error)}`}
            {isApiError(clear.error) && clear.error.status === 403 && ' Only administrators can clear history.'}
          </Callout>
        )}
      </ConfirmDialog>
    </>
  )
}
