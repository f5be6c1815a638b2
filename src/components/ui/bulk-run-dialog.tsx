import type { ReactNode } from 'react'
import { useSequentialRun, type RunPhase } from '@/lib/use-sequential-run'
import { Button } from './button'
import { Dialog } from './dialog'

export interface BulkRunState<R> {
  phase: RunPhase
  results: ReadonlyArray<R | undefined>
  /** Index of the item whose request is in flight, -1 when none. */
  current: number
  processed: number
  stopping: boolean
}

/**
 * Confirm, then act on a snapshot of items one at a time (one request each, in order, never
 * retried; see useSequentialRun), with progress and a summary. Shared by every bulk action so
 * they behave alike:
 * - footer: "Go back" + the action's verb; while running "Stop after this one" + the verb (busy);
 *   when done "Close" and a disabled "Done" where the verb was, so a double click or a second
 *   Enter on the verb never lands on anything else;
 * - it cannot be dismissed while requests run;
 * - `onResult` is told as each request lands, so the page keeps that row in place with its outcome.
 */
export function BulkRunDialog<T, R>({
  items,
  runOne,
  onResult,
  onStart,
  onClose,
  title,
  description,
  confirmLabel,
  tone = 'danger',
  returnFocus,
  children,
}: {
  items: readonly T[]
  runOne: (item: T) => Promise<R>
  onResult?: (item: T, result: R, index: number) => void
  /** The user confirmed: the requests are about to go. */
  onStart?: () => void
  onClose: (state: BulkRunState<R>) => void
  title: ReactNode
  description?: ReactNode
  /** The verb: "Approve 3", "Cancel 2 jobs". */
  confirmLabel: string
  tone?: 'danger' | 'success' | 'primary'
  returnFocus?: () => HTMLElement | null | undefined
  /** The items and results, drawn by the caller from the run's state. */
  children: (state: BulkRunState<R>) => ReactNode
}) {
  const run = useSequentialRun(items, runOne, onResult)
  const state: BulkRunState<R> = { phase: run.phase, results: run.results, current: run.current, processed: run.processed, stopping: run.stopping }

  const close = () => {
    if (run.phase === 'running') return
    onClose(state)
  }

  return (
    <Dialog
      open
      role="alertdialog"
      onClose={close}
      returnFocus={returnFocus}
      title={title}
      description={description}
      footer={
        <>
          {run.phase === 'confirm' && <Button onClick={close}>Go back</Button>}
          {run.phase === 'running' && (
            <Button onClick={run.stop} disabled={run.stopping}>
              {run.stopping ? 'Stopping…' : 'Stop after this one'}
            </Button>
          )}
          {run.phase === 'done' && (
            <Button variant="primary" onClick={close} autoFocus>
              Close
            </Button>
          )}
          {run.phase === 'done' ? (
            <Button disabled>
              <span aria-hidden="true">✓</span> Done
            </Button>
          ) : (
            <Button variant={tone} pending={run.phase === 'running'} disabled={items.length === 0}
              onClick={() => {
                if (run.phase !== 'confirm') return
                onStart?.()
                void run.start()
              }}
            >
              {confirmLabel}
            </Button>
          )}
        </>
      }
    >
      {children(state)}
    </Dialog>
  )
}
