import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import type { CancelTargetState } from '../use-triage'

/** "Are you sure" before cancelling one approval request (only offered when its task allows it). */
export function CancelRequestDialog({
  target,
  pending,
  onConfirm,
  onClose,
  returnFocus,
}: {
  target: CancelTargetState | null
  pending: boolean
  onConfirm: () => Promise<void>
  onClose: () => void
  returnFocus?: () => HTMLElement | null | undefined
}) {
  return (
    <ConfirmDialog
      open={!!target}
      onClose={onClose}
      onConfirm={onConfirm}
      pending={pending}
      returnFocus={returnFocus}
      title={target ? `${target.label}: “${target.name}”?` : ''}
      description="The request will be cancelled: nobody can approve or reject it afterwards, and the workflow waiting on it stops here. Cancelling cannot be undone."
      confirmLabel={target?.label ?? 'Cancel request'}
    />
  )
}
