import { liveStatusText, useLiveState } from './state'

/** Badge and dot per state: a filled dot while live, a pulsing one while reconnecting, a ring while polling. */
const LOOK = {
  live: { badge: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100', dot: 'bg-emerald-600' },
  reconnecting: { badge: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100', dot: 'animate-pulse bg-amber-600' },
  other: { badge: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200', dot: 'border border-current' },
}

/** The header's connection state: Live, Reconnecting (attempt n) or Polling, in words (not colour alone). */
export function LiveStatus() {
  const state = useLiveState()
  const { label, detail } = liveStatusText(state)
  const look = LOOK[state.kind === 'live' || state.kind === 'reconnecting' ? state.kind : 'other']
  return (
    <span role="status" title={detail} className={`inline-flex items-center gap-1.5 rounded px-2 py-0.5 text-xs font-medium ${look.badge}`}>
      {/* The dot is decoration; the words say the state. */}
      <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${look.dot}`} />
      {/* On phones the header has no room for words: the dot's shape tells, the words stay for screen readers and the title. */}
      <span className="sr-only sm:not-sr-only">{label}</span>
    </span>
  )
}
