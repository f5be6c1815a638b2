import { useState } from 'react'
import { isApiError } from '@/api/errors'
import { Button } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { errorMessage } from '@/components/ui/error-panel'
import { plainText } from '@/lib/text'
import { isAdminCredential, useSession } from '@/lib/session'
import { useToast } from '@/components/ui/toast'
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

  const close = () => {
    if (clear.isPending) return
    setScope(null)
    clear.reset()
  }

  const confirm = () => {
    if (!scope) return
    clear.mutate(
      { taskIds: scope.taskIds },
      {
        onSuccess: (result) => {
          const failed = result.failedTaskIds.length
          toast.show(
            `Deleted ${result.deletedCount} ${result.deletedCount === 1 ? 'job' : 'jobs'}${failed ? `; ${failed} ${failed === 1 ? 'task' : 'tasks'} could not be cleared` : ''}`,
            failed ? 'error' : 'success',
          )
          setScope(null)
          clear.reset()
        },
      },
    )
  }

  const where = scope
    ? scope.taskIds.length
      ? `of ${scope.taskNames.map((n) => `“${plainText(n, 60)}”`).join(', ')}`
      : 'of every task in this organization'
    : ''

  return (
    <>
      <Button variant="danger" size="sm" onClick={() => setScope(currentScope())}>
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
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
            Nothing was deleted: {errorMessage(clear.error)}
            {isApiError(clear.error) && clear.error.status === 403 && ' Only administrators can clear history.'}
          </p>
        )}
      </ConfirmDialog>
    </>
  )
}
