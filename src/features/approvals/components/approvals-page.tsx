import { useQueries, useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import { serverNow } from '@/api/client'
import { isApiError } from '@/api/errors'
import type { Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { Dialog } from '@/components/ui/dialog'
import { ErrorPanel, errorMessage } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { lifecycleLabel } from '@/components/ui/status'
import { formatDuration } from '@/components/ui/time'
import { jobQueries, useCancelJob, useDecideApproval } from '@/lib/job-queries'
import { useSession } from '@/lib/session'
import { useToast } from '@/components/ui/toast'
import { useDocumentTitle } from '@/lib/use-document-title'
import { decisionLabels, splitPending } from '../approval-logic'
import { approvalQueries, useInboxMode } from '../queries'
import { useNotificationOptIn } from '../use-approval-notifications'
import { ApprovalItem, itemName, type Decision, type ItemDetail } from './approval-item'
import { BulkDialog, type BulkEntry, type BulkSnapshot, type DecideResult } from './bulk-dialog'
import { DecidedList } from './decided-list'
import { ShortcutsDialog } from '@/components/ui/shortcuts-dialog'
import { isTypingTarget } from '@/lib/keyboard'

const SHORTCUTS = [
  ['j', 'Next request'],
  ['k', 'Previous request'],
  ['a', 'Approve the focused request (its task’s approve label)'],
  ['r', 'Reject the focused request (its task’s reject label)'],
  ['x', 'Select or unselect the focused request'],
  ['?', 'Show this help'],
] as const

type View = 'mine' | 'others' | 'decided'

const NOT_APPROVER = 'You are not an approver of this request'
const GONE = 'This approval request is no longer available (already decided or canceled)'

/** How the server refused a decision. A 409 about the organization is a session problem, not a gone request. */
function refusal(error: unknown): 'not-approver' | 'gone' | 'other' {
  if (!isApiError(error)) return 'other'
  if (error.status === 403 && /approver/i.test(error.message)) return 'not-approver'
  if (error.status === 409 && !/organization/i.test(error.message)) return 'gone'
  return 'other'
}

function without<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  if (!set.has(value)) return set
  const next = new Set(set)
  next.delete(value)
  return next
}
function withValue<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  if (set.has(value)) return set
  return new Set(set).add(value)
}

const DETAIL_STALE_MS = 30_000

export function ApprovalsPage() {
  const { config, profile, signedIn } = useSession()
  const mode = useInboxMode()
  const toast = useToast()
  const [params, setParams] = useSearchParams()
  const pending = useQuery({ ...approvalQueries.pending(config.refreshIntervalMs), enabled: signedIn })
  const { mutateAsync: decideAsync } = useDecideApproval()
  const { mutateAsync: cancelAsync, isPending: cancelPending } = useCancelJob()

  /** Decided here (optimistic) or gone for good (409): kept out of the list whatever a refresh says. */
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set())
  const [messages, setMessages] = useState<Readonly<Record<string, string>>>({})
  const [busy, setBusy] = useState<ReadonlySet<string>>(() => new Set())
  /** The double-click guard: a ref, so two clicks in the same frame still see the first one. */
  const inFlight = useRef(new Set<string>())
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())
  const [activeId, setActiveId] = useState<string | null>(null)
  const [bulk, setBulk] = useState<BulkSnapshot | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const [cancelTarget, setCancelTarget] = useState<{ job: Job; before?: Job; label: string; name: string } | null>(null)
  const itemRefs = useRef(new Map<string, HTMLElement>())

  const split = useMemo(() => splitPending(pending.data?.jobs ?? [], mode, hidden), [pending.data, mode, hidden])
  const requested = params.get('view')
  const view: View = requested === 'decided' ? 'decided' : requested === 'others' && mode.kind === 'mine' ? 'others' : 'mine'
  const shown = useMemo(() => (view === 'mine' ? split.mine : view === 'others' ? split.others : []), [view, split])
  const canDecide = view === 'mine'
  const meId = profile?.id ?? null

  const detailResults = useQueries({
    queries: shown.map((job) => ({ ...jobQueries.detail(job.id), staleTime: DETAIL_STALE_MS })),
  })
  const details = new Map<string, ItemDetail>(
    shown.map((job, i) => {
      const r = detailResults[i]
      return [job.id, { job: r?.data, isPending: !!r?.isPending, error: r?.error ?? null, refetch: () => void r?.refetch() }]
    }),
  )

  // After a dialog: back to the control that opened it, else to the request the user was on.
  const pageRef = useRef<HTMLDivElement>(null)
  const afterDialog = () =>
    (activeId ? itemRefs.current.get(activeId) : undefined) ??
    (shown[0] ? itemRefs.current.get(shown[0].id) : undefined) ??
    pageRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')

  const loading = mode.kind === 'loading' || (signedIn && pending.isPending)
  useDocumentTitle(loading || !pending.data ? 'Approvals' : `Approvals (${split.mine.length})`)
  const notifications = useNotificationOptIn()

  const focusItem = useCallback((id: string | undefined) => {
    if (!id) return
    setActiveId(id)
    itemRefs.current.get(id)?.focus()
  }, [])

  /** After a request leaves the list, keep the keyboard where the user was: on its neighbour. */
  const focusNeighbour = useCallback(
    (job: Job) => {
      const idx = shown.findIndex((j) => j.id === job.id)
      const el = itemRefs.current.get(job.id)
      const hadFocus = !!el && el.contains(document.activeElement)
      if (idx === -1) return
      const neighbour = shown[idx + 1] ?? shown[idx - 1]
      if (hadFocus || activeId === job.id) {
        if (neighbour) focusItem(neighbour.id)
        else setActiveId(null)
      }
    },
    [shown, activeId, focusItem],
  )

  const decideOne = useCallback(
    async (job: Job, decision: Decision, opts: { quiet?: boolean } = {}): Promise<DecideResult> => {
      if (inFlight.current.has(job.id)) return { ok: false, reason: 'A decision on this request is already on its way.' }
      inFlight.current.add(job.id)
      const name = itemName(job)
      setBusy((b) => withValue(b, job.id))
      setMessages(({ [job.id]: _drop, ...rest }) => rest)
      setHidden((h) => withValue(h, job.id))
      try {
        await decideAsync({ id: job.id, decision })
        if (!opts.quiet) toast.show(`${decision === 'approve' ? 'Approved' : 'Rejected'} ${name}`, 'success')
        return { ok: true }
      } catch (error) {
        const kind = refusal(error)
        if (kind === 'gone') {
          if (!opts.quiet) toast.show(`${name}: ${GONE}.`, 'error')
          return { ok: false, reason: GONE }
        }
        const reason = kind === 'not-approver' ? NOT_APPROVER : errorMessage(error)
        setHidden((h) => without(h, job.id))
        setMessages((m) => ({ ...m, [job.id]: reason }))
        return { ok: false, reason }
      } finally {
        inFlight.current.delete(job.id)
        setBusy((b) => without(b, job.id))
      }
    },
    [decideAsync, toast],
  )

  const decideSingle = useCallback(
    (job: Job, decision: Decision) => {
      if (inFlight.current.has(job.id)) return
      focusNeighbour(job)
      void decideOne(job, decision)
    },
    [decideOne, focusNeighbour],
  )

  const openBulk = (decision: Decision) => {
    const entries: BulkEntry[] = []
    const skipped: BulkEntry[] = []
    for (const job of shown) {
      if (!selected.has(job.id)) continue
      const labels = decisionLabels(details.get(job.id)?.job ?? job)
      const own = labels[decision]
      const generic = decision === 'approve' ? 'Approve' : 'Reject'
      const created = Date.parse(job.creation_date ?? '')
      const entry: BulkEntry = {
        job,
        name: itemName(job),
        ownLabel: own && own !== generic ? own : undefined,
        // Several requests often share a name: how long each has waited tells them apart.
        hint: Number.isFinite(created) ? `waiting ${formatDuration(Math.max(0, serverNow() - created))}` : undefined,
      }
      if (own === null) skipped.push(entry)
      else entries.push(entry)
    }
    setBulk({ decision, entries, skipped })
  }

  const closeBulk = (summary: { succeeded: number; failed: number } | null) => {
    if (bulk && summary) {
      const verb = bulk.decision === 'approve' ? 'Approved' : 'Rejected'
      if (summary.succeeded > 0) toast.show(`${verb} ${summary.succeeded} of ${bulk.entries.length}`, 'success')
      // Whatever went through is no longer selectable; what failed stays selected for another try.
      setSelected((s) => {
        const next = new Set(s)
        for (const e of bulk.entries) if (!messages[e.job.id] && hidden.has(e.job.id)) next.delete(e.job.id)
        return next
      })
    }
    setBulk(null)
  }

  const confirmCancel = async () => {
    if (!cancelTarget) return
    const { job, before, name } = cancelTarget
    if (inFlight.current.has(job.id)) return
    inFlight.current.add(job.id)
    setBusy((b) => withValue(b, job.id))
    try {
      const result = await cancelAsync({ id: job.id, before: before ?? job })
      if (result.outcome === 'canceled' || result.outcome === 'gone') {
        setHidden((h) => withValue(h, job.id))
        toast.show(result.outcome === 'canceled' ? `Canceled ${name}` : `${name} no longer exists`, result.outcome === 'canceled' ? 'success' : 'info')
      } else {
        // The server answers 204 even when nothing happened: say what the job really is now.
        setMessages((m) => ({ ...m, [job.id]: `Not canceled: the request is ${lifecycleLabel(result.after?.lifecycle)}.` }))
      }
    } catch (error) {
      setMessages((m) => ({ ...m, [job.id]: `Not canceled: ${errorMessage(error)}` }))
    } finally {
      inFlight.current.delete(job.id)
      setBusy((b) => without(b, job.id))
      setCancelTarget(null)
    }
  }

  // Keyboard triage. Re-subscribed every render so it always sees the current list.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return
      if (isTypingTarget(e.target)) return
      if (helpOpen || bulk || cancelTarget || document.querySelector('dialog[open]')) return
      if (e.key === '?') {
        e.preventDefault()
        setHelpOpen(true)
        return
      }
      if (view === 'decided' || shown.length === 0) return
      const idx = shown.findIndex((j) => j.id === activeId)
      const active = idx === -1 ? undefined : shown[idx]
      switch (e.key) {
        case 'j':
        case 'k': {
          e.preventDefault()
          const next = idx === -1 ? 0 : Math.min(shown.length - 1, Math.max(0, idx + (e.key === 'j' ? 1 : -1)))
          focusItem(shown[next]?.id)
          return
        }
        case 'x':
          if (!active || !canDecide) return
          e.preventDefault()
          setSelected((s) => (s.has(active.id) ? without(s, active.id) : withValue(s, active.id)))
          return
        case 'a':
        case 'r': {
          if (!active) {
            toast.show('Press j to choose a request first.', 'info')
            return
          }
          e.preventDefault()
          const decision: Decision = e.key === 'a' ? 'approve' : 'reject'
          const detail = details.get(active.id)
          if (!canDecide) {
            toast.show('This request waits on other approvers.', 'info')
            return
          }
          if (!detail?.job && !detail?.error) {
            toast.show('Still loading this request; try again in a moment.', 'info')
            return
          }
          if (decisionLabels(detail.job ?? active)[decision] === null) {
            toast.show(`${itemName(active)} has no ${decision} decision.`, 'info')
            return
          }
          decideSingle(active, decision)
          return
        }
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  })

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
  const tabs: Array<{ id: View; label: string }> =
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

  const selectedShown = shown.filter((j) => selected.has(j.id))

  return (
    <div ref={pageRef} className="min-w-0">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Approvals</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {mode.kind === 'all' ? 'Approval requests on hold.' : 'Approval requests on hold that wait on you.'} Refreshed every{' '}
            {Math.round(config.refreshIntervalMs / 1000)} s.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <NotifyControl {...notifications} />
          <Button size="sm" variant="ghost" onClick={() => setHelpOpen(true)}>
            Keyboard shortcuts
          </Button>
        </div>
      </div>

      {mode.kind === 'all' && (
        <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <span aria-hidden="true">⚠ </span>
          There is no gateway profile for this session, so the dashboard cannot tell which approvals wait on you: it shows every pending
          approval. The server may refuse decisions that are not yours.
        </p>
      )}

      <Tabs tabs={tabs} current={view} onChange={setView}>
        {view === 'decided' ? (
          <DecidedList meId={meId} />
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
            {!!pending.data?.malformed.length && (
              <p className="text-sm text-amber-900 dark:text-amber-200">
                <span aria-hidden="true">⚠ </span>Unexpected data: {pending.data.malformed.length} pending approval
                {pending.data.malformed.length === 1 ? '' : 's'} could not be read and {pending.data.malformed.length === 1 ? 'is' : 'are'} not
                shown.
              </p>
            )}
            {view === 'mine' && mode.kind === 'mine' && split.others.length > 0 && shown.length > 0 && (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {split.others.length} more pending approval{split.others.length === 1 ? '' : 's'} wait{split.others.length === 1 ? 's' : ''} on
                others (see “Not mine”).
              </p>
            )}
            {view === 'others' && shown.length > 0 && (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                These wait on other approvers: the server refuses decisions from anyone who is not one of them.
              </p>
            )}

            {shown.length === 0 ? (
              <EmptyState view={view} mode={mode.kind} others={split.others.length} onShowOthers={() => setView('others')} />
            ) : (
              <>
                {canDecide && (
                  <BulkToolbar
                    shownCount={shown.length}
                    selectedCount={selectedShown.length}
                    onSelectAll={(all) => setSelected(all ? new Set(shown.map((j) => j.id)) : new Set())}
                    onBulk={openBulk}
                  />
                )}
                <ul aria-label={view === 'others' ? 'Approvals waiting on others' : 'Approvals waiting on you'} className="space-y-3">
                  {shown.map((job) => (
                    <li key={job.id}>
                      <ApprovalItem
                        ref={(el: HTMLElement | null) => {
                          if (el) itemRefs.current.set(job.id, el)
                          else itemRefs.current.delete(job.id)
                        }}
                        job={job}
                        detail={details.get(job.id)!}
                        canDecide={canDecide}
                        selectable={canDecide}
                        selected={selected.has(job.id)}
                        onSelect={(j, on) => setSelected((s) => (on ? withValue(s, j.id) : without(s, j.id)))}
                        onDecide={decideSingle}
                        onCancelRequest={(j, label) =>
                          setCancelTarget({ job: j, before: details.get(j.id)?.job, label, name: itemName(j) })
                        }
                        busy={busy.has(job.id)}
                        message={messages[job.id]}
                        onDismissMessage={(j) => setMessages(({ [j.id]: _drop, ...rest }) => rest)}
                        active={activeId === job.id}
                        onFocusItem={(j) => setActiveId(j.id)}
                      />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </Tabs>

      {bulk && <BulkDialog snapshot={bulk} run={(job) => decideOne(job, bulk.decision, { quiet: true })} onClose={closeBulk} returnFocus={afterDialog} />}

      <Dialog
        open={!!cancelTarget}
        returnFocus={afterDialog}
        role="alertdialog"
        onClose={() => !cancelPending && setCancelTarget(null)}
        title={cancelTarget ? `${cancelTarget.label}: ${cancelTarget.name}?` : ''}
        description="This cancels 1 approval request: nobody can approve or reject it afterwards, and the workflow waiting on it stops here."
        footer={
          <>
            <Button onClick={() => setCancelTarget(null)} disabled={cancelPending}>
              Keep request
            </Button>
            <Button variant="danger" pending={cancelPending} onClick={() => void confirmCancel()}>
              {cancelTarget?.label ?? 'Cancel request'}
            </Button>
          </>
        }
      />

      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={SHORTCUTS} returnFocus={afterDialog} />
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

function BulkToolbar({
  shownCount,
  selectedCount,
  onSelectAll,
  onBulk,
}: {
  shownCount: number
  selectedCount: number
  onSelectAll: (all: boolean) => void
  onBulk: (decision: Decision) => void
}) {
  const ref = useRef<HTMLInputElement>(null)
  const all = selectedCount > 0 && selectedCount === shownCount
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = selectedCount > 0 && !all
  }, [selectedCount, all])
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-2 dark:border-slate-700 dark:bg-slate-900">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input ref={ref} type="checkbox" className="size-4 accent-indigo-600" checked={all} onChange={(e) => onSelectAll(e.target.checked)} />
        Select all shown
      </label>
      <span className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
        {selectedCount} selected
      </span>
      <div className="ml-auto flex flex-wrap gap-2">
        <Button size="sm" variant="success" disabled={selectedCount === 0} onClick={() => onBulk('approve')}>
          Approve selected
        </Button>
        <Button size="sm" variant="danger" disabled={selectedCount === 0} onClick={() => onBulk('reject')}>
          Reject selected
        </Button>
      </div>
      <p className="basis-full text-xs text-slate-500 dark:text-slate-400">
        Bulk actions use the generic words Approve and Reject: each task may name its decisions differently.
      </p>
    </div>
  )
}

function EmptyState({ view, mode, others, onShowOthers }: { view: View; mode: string; others: number; onShowOthers: () => void }) {
  const box = 'rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700'
  if (view === 'others') return <p className={box}>No pending approvals wait on others.</p>
  if (mode === 'all') return <p className={box}>No approvals are waiting.</p>
  return (
    <div className={box}>
      <p className="font-medium">No approvals waiting on you</p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {others === 0 ? 'Nothing waits on anyone else either.' : `${others} pending approval${others === 1 ? '' : 's'} wait${others === 1 ? 's' : ''} on others.`}
      </p>
      {others > 0 && (
        <Button size="sm" className="mt-3" onClick={onShowOthers}>
          Show approvals waiting on others
        </Button>
      )}
    </div>
  )
}

function Tabs({ tabs, current, onChange, children }: { tabs: Array<{ id: View; label: string }>; current: View; onChange: (v: View) => void; children: ReactNode }) {
  const base = useId()
  const refs = useRef(new Map<View, HTMLButtonElement>())
  const onKeyDown = (e: ReactKeyboardEvent) => {
    const idx = tabs.findIndex((t) => t.id === current)
    let next = -1
    if (e.key === 'ArrowRight') next = (idx + 1) % tabs.length
    else if (e.key === 'ArrowLeft') next = (idx - 1 + tabs.length) % tabs.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = tabs.length - 1
    if (next === -1) return
    e.preventDefault()
    const id = tabs[next]!.id
    onChange(id)
    refs.current.get(id)?.focus()
  }
  return (
    <div className="mt-4">
      <div role="tablist" aria-label="Approvals views" className="flex gap-1 border-b border-slate-200 dark:border-slate-700" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el)
              else refs.current.delete(t.id)
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={current === t.id}
            aria-controls={`${base}-panel`}
            tabIndex={current === t.id ? 0 : -1}
            onClick={() => onChange(t.id)}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-500',
              current === t.id
                ? 'border-indigo-600 text-indigo-900 dark:border-indigo-400 dark:text-indigo-100'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white',
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${current}`} className="pt-4">
        {children}
      </div>
    </div>
  )
}
