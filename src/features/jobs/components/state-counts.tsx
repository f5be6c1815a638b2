import { StateBadge } from '@/components/ui/status'

/** How many of the shown (loaded and matching) jobs are in each state. Counts only what is loaded. */
export function StateCounts({ counts, total }: { counts: Array<{ state: string; count: number }>; total: number }) {
  if (total === 0) return null
  return (
    <section aria-label="State counts of loaded jobs" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-300">Of loaded ({total}):</span>
      <ul className="flex flex-wrap gap-2">
        {counts.map((c) => (
          <li key={c.state} className="inline-flex items-center gap-1">
            <StateBadge state={c.state === 'no state' ? undefined : c.state} />
            <span className="tabular-nums">{c.count}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
