import { useQueries } from '@tanstack/react-query'
import { useCallback, useMemo, useRef, useState } from 'react'
import { serverNow } from '@/api/client'
import { decisionFailureTitle, isApiError, isUnanswered } from '@/api/errors'
import type { Job } from '@/api/schemas/job'
import { errorMessage } from '@/components/ui/error-panel'
import { lifecycleLabel } from '@/components/ui/status'
import { formatDuration } from '@/components/ui/time'
import { useToast } from '@/components/ui/toast'
import { argumentRows } from '@/lib/argument-rows'
import { jobQueries, useCancelJob, useDecideApproval } from '@/lib/job-queries'
import { useShortcuts } from '@/lib/keyboard'
import { useKeptInPlace } from '@/lib/use-kept-in-place'
import { useSelection } from '@/lib/use-selection'
import { decisionLabels, splitPending, type InboxMode } from './approval-logic'
import { itemName, type Decision, type ItemDetail, type Outcome } from './components/approval-item'
import type { BulkEntry, BulkSnapshot, DecideResult } from './components/bulk-dialog'

export type View = 'mine' | 'others' | 'decided'

const NOT_APPROVER = 'You are not an approver of this request'
const GONE = 'This approval request is no longer available (already decided or canceled)'
const DETAIL_STALE_MS = 30_000

/** How the server refused a decision. A 409 about the organization is a session problem, not a gone request. */
function refusal(error: unknown): 'not-approver' | 'gone' | 'other' {
  if (!isApiError(error)) return 'other'
  if (error.status === 403 && /approver/i.test(error.message)) return 'not-approver'
  if (error.status === 409 && !/organization/i.test(error.message)) return 'gone'
  return 'other'
}

/** The values that tell two requests with the same name apart, in one line. */
export function valuesHint(job: Job | undefined): string | undefined {
  if (!job) return undefined
  const shown = argumentRows(job)
    .filter((r) => !r.missing)
    .slice(0, 3)
    .map((r) => `${r.label} ${r.masked ? '(hidden)' : r.value}`)
  return shown.length ? shown.join(', ') : undefined
}

export interface CancelTargetState {
  job: Job
  before?: Job
  label: string
  name: string
}

interface KeptItem {
  job: Job
  view: View
}

/**
 * Everything the approvals inbox does, apart from drawing it: which requests show (with the ones
 * the user just decided kept in place, showing their outcome), the full document per request,
 * selection, single and bulk decisions (one request per intent, never on the wrong item),
 * cancelling a request, and the keyboard (j/k/x/a/r/?).
 */
export function useTriage({ jobs, mode, view }: { jobs: readonly Job[] | undefined; mode: InboxMode; view: View }) {
  const toast = useToast()
  const { mutateAsync: decideAsync } = useDecideApproval()
  const { mutateAsync: cancelAsync, isPending: cancelPending } = useCancelJob()
  const selection = useSelection()
  const [messages, setMessages] = useState<Readonly<Record<string, string>>>({})
  /** The double-click guard: a ref, so two clicks in the same frame still see the first one. */
  const inFlight = useRef(new Set<string>())
  const [activeId, setActiveId] = useState<string | null>(null)
  const [bulk, setBulk] = useState<BulkSnapshot | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const [cancelTarget, setCancelTarget] = useState<CancelTargetState | null>(null)
  const itemRefs = useRef(new Map<string, HTMLElement>())
  // Nothing leaves while a dialog covers the list: the user has not seen the outcome yet.
  const kept = useKeptInPlace<KeptItem, Outcome>((x) => x.job.id, { paused: !!bulk || !!cancelTarget || helpOpen })

  // Kept rows (decided or on their way) no longer count as pending, whatever a refresh says.
  const keptIds = useMemo(() => new Set(kept.kept.keys()), [kept.kept])
  const split = useMemo(() => splitPending(jobs ?? [], mode, keptIds), [jobs, mode, keptIds])
  const canDecide = view === 'mine'
  const live = useMemo(() => (view === 'mine' ? split.mine : view === 'others' ? split.others : []), [view, split])
  const rows = useMemo(
    () =>
      view === 'decided'
        ? []
        : kept
            .arrange(live.map((job) => ({ job, view })))
            .filter((r) => r.item.view === view)
            .map((r) => ({ job: r.item.job, kept: !!r.kept, outcome: r.kept?.outcome })),
    [kept, live, view],
  )

  const detailResults = useQueries({
    queries: rows.map(({ job }) => ({ ...jobQueries.detail(job.id), staleTime: DETAIL_STALE_MS })),
  })
  const details = new Map<string, ItemDetail>(
    rows.map(({ job }, i) => {
      const r = detailResults[i]
      return [job.id, { job: r?.data, isPending: !!r?.isPending, error: r?.error ?? null, refetch: () => void r?.refetch() }]
    }),
  )

  const focusItem = useCallback((id: string | undefined) => {
    if (!id) return
    setActiveId(id)
    itemRefs.current.get(id)?.focus()
  }, [])

  const registerItem = useCallback(
    (id: string) => (el: HTMLElement | null) => {
      if (el) itemRefs.current.set(id, el)
      else itemRefs.current.delete(id)
    },
    [],
  )

  const setMessage = (id: string, message: string | null) =>
    setMessages(({ [id]: _drop, ...rest }) => (message ? { ...rest, [id]: message } : rest))

  /**
   * One decision, one request. The item is pinned where it is before the request goes, and shows
   * its outcome there; a refusal (403, 5xx, timeout) puts it back to normal with the reason.
   */
  const decideOne = async (job: Job, decision: Decision, label: string): Promise<DecideResult> => {
    if (inFlight.current.has(job.id)) return { ok: false, reason: 'A decision on this request is already on its way.' }
    inFlight.current.add(job.id)
    const position = rows.findIndex((r) => r.job.id === job.id)
    kept.hold({ job, view }, position === -1 ? 0 : position)
    setMessage(job.id, null)
    try {
      await decideAsync({ id: job.id, decision })
      kept.settle(job.id, { kind: decision === 'approve' ? 'approved' : 'rejected', label })
      return { ok: true }
    } catch (error) {
      if (refusal(error) === 'gone') {
        kept.settle(job.id, { kind: 'gone', label })
        return { ok: false, reason: GONE }
      }
      const reason =
        refusal(error) === 'not-approver'
          ? NOT_APPROVER
          : isUnanswered(error)
            ? // The request may have reached the server: a second try is safe (a decided request answers 409), but say so.
              `${decisionFailureTitle(label, error)}. ${errorMessage(error)}`
            : errorMessage(error)
      kept.release(job.id)
      setMessage(job.id, reason)
      return { ok: false, reason }
    } finally {
      inFlight.current.delete(job.id)
    }
  }

  /** A decision from the item's own button or key: the keyboard stays on that item. */
  const decide = (job: Job, decision: Decision) => {
    if (inFlight.current.has(job.id) || kept.kept.has(job.id)) return
    const el = itemRefs.current.get(job.id)
    // The button under the pointer gives way to the outcome: focus stays on its item, never on the next one.
    if (el?.contains(document.activeElement)) el.focus()
    setActiveId(job.id)
    const labels = decisionLabels(details.get(job.id)?.job ?? job)
    void decideOne(job, decision, labels[decision] ?? (decision === 'approve' ? 'Approve' : 'Reject'))
  }

  const openBulk = (decision: Decision) => {
    const entries: BulkEntry[] = []
    const skipped: BulkEntry[] = []
    for (const { job, kept: isKept } of rows) {
      if (isKept || !selection.selected.has(job.id)) continue
      const full = details.get(job.id)?.job
      const labels = decisionLabels(full ?? job)
      const own = labels[decision]
      const generic = decision === 'approve' ? 'Approve' : 'Reject'
      const created = Date.parse(job.creation_date ?? '')
      const entry: BulkEntry = {
        job,
        name: itemName(job),
        ownLabel: own && own !== generic ? own : undefined,
        // Several requests often share a name: their values and how long each has waited tell them apart.
        values: valuesHint(full),
        hint: Number.isFinite(created) ? `waiting ${formatDuration(Math.max(0, serverNow() - created))}` : undefined,
      }
      if (own === null) skipped.push(entry)
      else entries.push(entry)
    }
    setBulk({ decision, entries, skipped })
  }

  const startBulk = () => {
    if (!bulk) return
    const ids = rows.map((r) => r.job.id)
    for (const e of bulk.entries) kept.hold({ job: e.job, view }, Math.max(0, ids.indexOf(e.job.id)))
  }

  const runBulkOne = (entry: BulkEntry) => decideOne(entry.job, bulk!.decision, entry.ownLabel ?? (bulk!.decision === 'approve' ? 'Approve' : 'Reject'))

  const closeBulk = (summary: { succeeded: number; failed: number } | null) => {
    if (bulk) {
      // Not attempted (stopped, or never confirmed): back to normal, still selected.
      for (const e of bulk.entries) if (!inFlight.current.has(e.job.id) && kept.kept.get(e.job.id)?.outcome === undefined) kept.release(e.job.id)
      if (summary) {
        const verb = bulk.decision === 'approve' ? 'Approved' : 'Rejected'
        if (summary.succeeded > 0) toast.show(`${verb} ${summary.succeeded} of ${bulk.entries.length} requests`, 'success')
        // Whatever went through is no longer selectable; what failed stays selected for another try.
        selection.remove(bulk.entries.filter((e) => kept.kept.get(e.job.id)?.outcome).map((e) => e.job.id))
      }
    }
    setBulk(null)
  }

  const requestCancel = (job: Job, label: string) => setCancelTarget({ job, before: details.get(job.id)?.job, label, name: itemName(job) })

  const confirmCancel = async () => {
    if (!cancelTarget) return
    const { job, before, label } = cancelTarget
    if (inFlight.current.has(job.id)) return
    inFlight.current.add(job.id)
    const position = rows.findIndex((r) => r.job.id === job.id)
    kept.hold({ job, view }, position === -1 ? 0 : position)
    try {
      const result = await cancelAsync({ id: job.id, before: before ?? job })
      if (result.outcome === 'canceled' || result.outcome === 'gone') {
        kept.settle(job.id, { kind: result.outcome === 'canceled' ? 'canceled' : 'gone', label })
      } else {
        // The server answers 204 even when nothing happened: say what the job really is now.
        kept.release(job.id)
        setMessage(job.id, `Not canceled: the request is ${lifecycleLabel(result.after?.lifecycle)}.`)
      }
    } catch (error) {
      kept.release(job.id)
      setMessage(job.id, `Not canceled: ${errorMessage(error)}`)
    } finally {
      inFlight.current.delete(job.id)
      setCancelTarget(null)
    }
  }

  const activeRow = rows.find((r) => r.job.id === activeId)
  const decideByKey = (decision: Decision) => {
    if (!activeRow) return toast.show('Press j to choose a request first.', 'info')
    const { job } = activeRow
    if (activeRow.kept) return toast.show(`${itemName(job)} is already decided; press j for the next request.`, 'info')
    if (!canDecide) return toast.show('This request waits on other approvers.', 'info')
    const detail = details.get(job.id)
    if (!detail?.job && !detail?.error) return toast.show('Still loading this request; try again in a moment.', 'info')
    if (decisionLabels(detail.job ?? job)[decision] === null) return toast.show(`${itemName(job)} has no ${decision} decision.`, 'info')
    decide(job, decision)
  }
  const move = (step: 1 | -1) => {
    if (rows.length === 0) return false
    const idx = rows.findIndex((r) => r.job.id === activeId)
    const next = idx === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, idx + step))
    focusItem(rows[next]?.job.id)
  }

  // Key repeat, typing in fields and open dialogs are filtered by useShortcuts: a held `a` is one decision.
  useShortcuts({
    '?': () => setHelpOpen(true),
    j: () => (view === 'decided' ? false : move(1)),
    k: () => (view === 'decided' ? false : move(-1)),
    x: () => {
      if (!activeRow || activeRow.kept || !canDecide) return false
      selection.toggle(activeRow.job.id)
    },
    a: () => (view === 'decided' ? false : decideByKey('approve')),
    r: () => (view === 'decided' ? false : decideByKey('reject')),
  })

  const selectable = rows.filter((r) => !r.kept)
  const selectedShown = selectable.filter((r) => selection.selected.has(r.job.id))

  return {
    split,
    rows,
    details,
    canDecide,
    selection,
    selectableCount: selectable.length,
    selectedCount: selectedShown.length,
    selectAll: (all: boolean) => selection.replace(all ? selectable.map((r) => r.job.id) : []),
    activeId,
    setActiveId,
    registerItem,
    itemRefs,
    decide,
    messages,
    dismissMessage: (id: string) => setMessage(id, null),
    containerProps: kept.containerProps,
    bulk,
    openBulk,
    startBulk,
    runBulkOne,
    closeBulk,
    cancelTarget,
    cancelPending,
    requestCancel,
    confirmCancel,
    closeCancel: () => setCancelTarget(null),
    helpOpen,
    setHelpOpen,
  }
}

export type Triage = ReturnType<typeof useTriage>
