import { cn } from '@/components/ui/cn'
import { StateBadge, stateLabel } from '@/components/ui/status'

/**
 * How many of the shown (loaded and matching) jobs are in each state. Each count is a toggle of
 * the State filter: a click shows only that state (again: all states), Shift+click adds it.
 */
export function StateCounts({
  counts,
  total,
  selected,
  onToggle,
}: {
  counts: Array<{ state: string; count: number }>
  total: number
  selected: readonly string[]
  onToggle: (state: string, add: boolean) => void
}) {
  if (total === 0 && selected.length === 0) return null
  return (
    <section aria-label="State counts of loaded jobs" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-300">Of loaded ({total}):</span>
      <ul className="flex flex-wrap gap-1.5">
        {counts.map((c) => {
          const value = c.state === 'no state' ? null : c.state
          const pressed = !!value && selected.includes(value)
          return (
            <li key={c.state}>
              {value ? (
                <button
                  type="button"
                  aria-pressed={pressed}
                  aria-label={`${stateLabel(value)}, ${c.count} ${c.count === 1 ? 'job' : 'jobs'}`}
                  title={pressed ? `Show every state` : `Show only ${stateLabel(value)} (Shift+click: add)`}
                  onClick={(e) => onToggle(value, e.shiftKey)}
                  className={cn(
                    'inline-flex items-center gap-1 rounded-full py-0.5 pr-2 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800',
                    pressed && 'bg-indigo-50 ring-2 ring-indigo-500 dark:bg-indigo-950',
                  )}
                >
                  <StateBadge state={value} />
                  <span className="tabular-nums">{c.count}</span>
                </button>
              ) : (
                <span className="inline-flex items-center gap-1">
                  <StateBadge state={undefined} />
                  <span className="tabular-nums">{c.count}</span>
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
