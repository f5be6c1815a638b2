import { useRef, useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '@/api/errors'
import type { Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { taskRunPath } from '@/lib/links'
import { isAdminCredential, useSession } from '@/lib/session'
import { availableActions, liveSlots, notAnApprover, shownSlots, type ActionSlot } from '../job-actions-model'
import { CancelAction } from './actions/cancel-action'
import { DecideAction } from './actions/decide-action'
import { RestartAction } from './actions/restart-action'
import { RunAgainAction } from './actions/run-again-action'
import { SubmitInputPanel } from './actions/submit-input-panel'
import type { ActionProps, Notice } from './actions/types'

/**
 * The job page's actions: approve/reject, Cancel, Run again, Restart and Submit input, each only
 * when it applies, each owning its button, dialog and request (see ./actions). This row lays them
 * out and keeps them in place: once the user acted, a button that no longer applies stays where it
 * was, disabled, rather than letting the next one slide under the pointer.
 */
export function JobActions({ job }: { job: Job }) {
  const { profile } = useSession()
  const isAdmin = isAdminCredential(profile?.credential) === true
  const live = liveSlots(job, isAdmin)
  const [kept, setKept] = useState<ActionSlot[]>([])
  const [notice, setNotice] = useState<Notice | null>(null)
  const statusRef = useRef<HTMLParagraphElement>(null)
  const alertRef = useRef<HTMLDivElement>(null)
  const actionsRef = useRef<HTMLDivElement>(null)

  const blocked = notAnApprover(job, profile?.id)
  const common: Omit<ActionProps, 'available'> = {
    onNotice: setNotice,
    // Freeze the row as it is now: these buttons keep their places until the user leaves the page.
    onActed: () => setKept((prev) => (live.every((s) => prev.includes(s)) ? prev : [...new Set([...prev, ...live])])),
    // After a dialog: back to the button that opened it, else (the action is gone) to what happened.
    returnFocus: () => statusRef.current ?? alertRef.current ?? actionsRef.current?.querySelector<HTMLElement>('button:not(:disabled)'),
    outcome: () => statusRef.current ?? alertRef.current,
  }
  const slots = shownSlots(live, kept)

  return (
    <div className="space-y-3">
      <div ref={actionsRef} className="flex flex-wrap items-center gap-2">
        {slots.map((slot) => {
          const available = live.includes(slot)
          switch (slot) {
            case 'decide':
              return <DecideAction key={slot} job={job} available={available} blocked={blocked} {...common} />
            case 'cancel':
              return <CancelAction key={slot} job={job} available={available} {...common} />
            case 'runAgain':
              return <RunAgainAction key={slot} job={job} available={available} {...common} />
            case 'restart':
              return <RestartAction key={slot} job={job} available={available} {...common} />
          }
        })}
        {slots.includes('runAgain') && job.task_id && (
          // The full run form (every rule checked, pre-flight summary) with this job's values; the route composes features/tasks.
          <Link
            to={`${taskRunPath(job.task_id)}?from=${encodeURIComponent(job.id)}`}
            className="inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-indigo-700 underline hover:bg-slate-100 dark:text-indigo-300 dark:hover:bg-slate-800"
          >
            Use these values in the run form
          </Link>
        )}
      </div>
      {live.includes('decide') && blocked && (
        <p className="text-sm text-slate-700 dark:text-slate-300">You are not one of this approval's approvers, so you cannot decide it.</p>
      )}
      <div role="status" className="text-sm">
        {notice?.kind === 'status' && (
          <p ref={statusRef} tabIndex={-1} className="rounded-md border border-slate-300 bg-white p-2 dark:border-slate-600 dark:bg-slate-800">
            <span aria-hidden="true">ℹ </span>
            {notice.text}
          </p>
        )}
      </div>
      {notice?.kind === 'error' && (
        <Callout ref={alertRef} tabIndex={-1} tone="danger" role="alert" className="p-3" title={notice.title}>
          <p>{errorMessage(notice.error)}</p>
          <Button size="sm" variant="ghost" className="mt-1" onClick={() => setNotice(null)}>
            Dismiss
          </Button>
        </Callout>
      )}

      {availableActions(job).submitInput && <SubmitInputPanel job={job} onNotice={setNotice} outcome={common.outcome} />}
    </div>
  )
}
