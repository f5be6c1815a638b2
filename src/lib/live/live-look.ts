/* The header's connection badge, without React (the boot module's first paint draws it too). */

/** Badge and dot per state: a filled dot while live, a pulsing one while reconnecting, a ring while polling. */
export const LIVE_LOOK = {
  live: { badge: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100', dot: 'bg-emerald-600' },
  reconnecting: { badge: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100', dot: 'animate-pulse bg-amber-600' },
  other: { badge: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200', dot: 'border border-current' },
}

export const LIVE_BADGE_CLASS = 'inline-flex items-center gap-1.5 rounded px-2 py-0.5 text-xs font-medium'
export const LIVE_DOT_CLASS = 'size-2 shrink-0 rounded-full'
/** On phones the header has no room for words: the dot's shape tells, the words stay for screen readers and the title. */
export const LIVE_LABEL_CLASS = 'sr-only sm:not-sr-only'

/** What the badge says while the live connection starts (the first view, before push has loaded). */
export const LIVE_STARTING = { label: 'Polling', detail: 'Polling while the live connection starts.' }
