import { useEffect, useRef } from 'react'
import { Button } from '@/components/ui/button'
import type { Decision } from './approval-item'

/** Select all, how many are selected, and the bulk decisions. */
export function ApprovalsToolbar({
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
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input ref={ref} type="checkbox" className="size-4 accent-indigo-600" checked={all} disabled={shownCount === 0} onChange={(e) => onSelectAll(e.target.checked)} />
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
