import { useQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import { useSearchParams } from 'react-router'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { ErrorPanel, errorMessage } from '@/components/ui/error-panel'
import { ShortcutsDialog } from '@/components/ui/shortcuts-dialog'
import { SkeletonRows } from '@/components/ui/skeleton'
import { Tabs, type TabItem } from '@/components/ui/tabs'
import { useSession } from '@/lib/session'
import { useDocumentTitle } from '@/lib/use-document-title'
import { approvalQueries, useInboxMode } from '../queries'
import { useNotificationOptIn } from '../use-approval-notifications'
import { useTriage, type View } from '../use-triage'
import { ApprovalItem } from './approval-item'
import { ApprovalsEmpty } from './approvals-empty'
import { ApprovalsToolbar } from './approvals-toolbar'
import { BulkDialog } from './bulk-dialog'
import { CancelRequestDialog } from './cancel-request-dialog'
import { DecidedList } from './decided-list'
import { InputRequests } from './input-requests'

const SHORTCUTS = [
  ['j', 'Next request'],
  ['k', 'Previous request'],
  ['a', 'Approve the focused request (its task’s approve label)'],
  ['r', 'Reject the focused request (its task’s reject label)'],
  ['x', 'Select or unselect the focused request'],
  ['?', 'Show this help'],
] as const

export function ApprovalsPage() {
  const { config, profile, signedIn } = useSession()
  const mode = useInboxMode()
  const [params, setParams] = useSearchParams()
  const pending = useQuery({ ...approvalQueries.pending(config.refreshIntervalMs), enabled: signedIn })
  const requested = params.get('view')
  const view: View = requested === 'decided' ? 'decided' : requested === 'others' && mode.kind === 'mine' ? 'others' : 'mine'
  const t = useTriage({ jobs: pending.data?.jobs, mode, view })
  const { split, rows } = t

  // After a dialog: back to the control that opened it, else to the request the user was on.
  const pageRef = useRef<HTMLDivElement>(null)
  const afterDialog = () =>
    (t.activeId ? t.itemRefs.current.get(t.activeId) : undefined) ??
    (rows[0] ? t.itemRefs.current.get(rows[0].job.id) : undefined) ??
    pageRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')

  const loading = mode.kind === 'loading' || (signedIn && pending.isPending)
  useDocumentTitle(loading || !pending.data ? 'Approvals' : `Approvals (${split.mine.length})`)
  const notifications = useNotificationOptIn()

  const setView = (next: View) => {
    setParams(
      (p) => {
        const copy = new URLSearchParams(p)
        if (next === 'mine') copy.delete('view')
        else copy.set('view', next)
        return copy
      },
      { replace: true },
    )
  }

  const counted = !loading && !!pending.data
  const tabs: Array<TabItem<View>> =
    mode.kind === 'all'
      ? [
          { id: 'mine', label: counted ? `Pending (${split.mine.length})` : 'Pending' },
          { id: 'decided', label: 'Decided' },
        ]
      : [
          { id: 'mine', label: counted ? `Waiting on me (${split.mine.length})` : 'Waiting on me' },
          { id: 'others', label: counted ? `Not mine (${split.others.length})` : 'Not mine' },
          { id: 'decided', label: 'Decided' },
        ]
  const malformed = pending.data?.malformed.length ?? 0

  return (
    <div ref={pageRef} className="min-w-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Approvals</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {mode.kind === 'all' ? 'Approval and input requests on hold.' : 'Approval and input requests on hold that wait on you.'} Refreshed every{' '}
            {Math.round(config.refreshIntervalMs / 1000)} s.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <NotifyControl {...notifications} />
          <Button size="sm" variant="ghost" onClick={() => t.setHelpOpen(true)}>
            Keyboard shortcuts
          </Button>
        </div>
      </div>

      {mode.kind === 'all' && (
        <Callout className="mt-3">
          There is no gateway profile for this session, so the dashboard cannot tell which approvals wait on you: it shows every pending
          approval. The server may refuse decisions that are not yours.
        </Callout>
      )}

      <Tabs tabs={tabs} current={view} onChange={setView} label="Approvals views" className="mt-4">
        {view === 'decided' ? (
          <DecidedList meId={profile?.id ?? null} />
        ) : loading ? (
          <SkeletonRows rows={4} label="Loading approvals" />
        ) : pending.isError && !pending.data ? (
          <ErrorPanel error={pending.error} title="Could not load approvals" onRetry={() => void pending.refetch()} />
        ) : (
          <div className="space-y-3">
            {pending.isError && (
              <p role="status" className="text-sm text-amber-900 dark:text-amber-200">
                <span aria-hidden="true">⚠ </span>Could not refresh: {errorMessage(pending.error)} Showing the last approvals received.
              </p>
            )}
            {malformed > 0 && (
              <p className="text-sm text-amber-900 dark:text-amber-200">
                <span aria-hidden="true">⚠ </span>Unexpected data: {malformed} pending approval{malformed === 1 ? '' : 's'} could not be read and{' '}
                {malformed === 1 ? 'is' : 'are'} not shown.
              </p>
            )}
            {view === 'mine' && mode.kind === 'mine' && split.others.length > 0 && rows.length > 0 && (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {split.others.length} more pending approval{split.others.length === 1 ? '' : 's'} wait{split.others.length === 1 ? 's' : ''} on
                others (see “Not mine”).
              </p>
            )}
            {view === 'others' && rows.length > 0 && (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                These wait on other approvers: the server refuses decisions from anyone who is not one of them.
              </p>
            )}

            {rows.length === 0 ? (
              <ApprovalsEmpty view={view} mode={mode.kind} others={split.others.length} onShowOthers={() => setView('others')} />
            ) : (
              <>
                {t.canDecide && <ApprovalsToolbar shownCount={t.selectableCount} selectedCount={t.selectedCount} onSelectAll={t.selectAll} onBulk={t.openBulk} />}
                <ul
                  aria-label={view === 'others' ? 'Approvals waiting on others' : 'Approvals waiting on you'}
                  className="space-y-2"
                  {...t.containerProps}
                >
                  {rows.map(({ job, kept, outcome }) => (
                    <li key={job.id}>
                      <ApprovalItem
                        ref={t.registerItem(job.id)}
                        job={job}
                        detail={t.details.get(job.id)!}
                        canDecide={t.canDecide}
                        selectable={t.canDecide}
                        selected={t.selection.selected.has(job.id)}
                        onSelect={(j, on) => t.selection.set(j.id, on)}
                        onDecide={t.decide}
                        onCancelRequest={t.requestCancel}
                        kept={kept}
                        outcome={outcome}
                        message={t.messages[job.id]}
                        onDismissMessage={(j) => t.dismissMessage(j.id)}
                        active={t.activeId === job.id}
                        onFocusItem={(j) => t.setActiveId(j.id)}
                      />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {view === 'mine' && <InputRequests mode={mode} />}
          </div>
        )}
      </Tabs>

      {t.bulk && <BulkDialog snapshot={t.bulk} run={t.runBulkOne} onStart={t.startBulk} onClose={t.closeBulk} returnFocus={afterDialog} />}
      <CancelRequestDialog target={t.cancelTarget} pending={t.cancelPending} onConfirm={t.confirmCancel} onClose={t.closeCancel} returnFocus={afterDialog} />
      <ShortcutsDialog open={t.helpOpen} onClose={() => t.setHelpOpen(false)} shortcuts={SHORTCUTS} returnFocus={afterDialog} />
    </div>
  )
}

function NotifyControl({ state, enable, disable }: ReturnType<typeof useNotificationOptIn>) {
  if (state === 'unsupported') return null
  if (state === 'denied') return <p className="text-sm text-slate-600 dark:text-slate-300">Notifications are blocked in this browser’s settings.</p>
  if (state === 'on')
    return (
      <Button size="sm" variant="ghost" onClick={disable}>
        Stop notifications
      </Button>
    )
  return (
    <Button size="sm" onClick={() => void enable()}>
      Notify me
    </Button>
  )
}
