import { liveStatusText, useLiveState } from './state'

/** The header's connection state: Live, Reconnecting (attempt n) or Polling, in words (not colour alone). */
export function LiveStatus() {
  const state = useLiveState()
  const { label, detail } = liveStatusText(state)
  const tone =
    state.kind === 'live'
      ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100'
      : state.kind === 'reconnecting'
        ? 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100'
        : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200'
  return (
    <span role="status" title={detail} className={`inline-flex items-center gap-1.5 rounded px-2 py-0.5 text-xs font-medium ${tone}`}>
      {/* The dot is decoration; the words say the state. */}
      <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${state.kind === 'live' ? 'bg-emerald-600' : state.kind === 'reconnecting' ? 'animate-pulse bg-amber-600' : 'border border-current'}`} />
      {/* On phones the header has no room for words: the dot's shape tells, the words stay for screen readers and the title. */}
      <span className="sr-only sm:not-sr-only">{label}</span>
    </span>
  )
}
