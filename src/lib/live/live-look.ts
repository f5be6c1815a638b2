/* The header's connection badge, without React (the boot module's first paint draws it too). */

/**
 * Badge and dot per state. The dot's shape tells the state on its own, for a phone (where the words
 * are for screen readers only) and for anyone who cannot tell the colours apart: a filled disc while
 * live, a half-filled disc while reconnecting (half way: polling meanwhile, live again soon), an
 * empty ring while polling. The colours and the reconnecting pulse only add to that.
 */
export const LIVE_LOOK = {
  live: { badge: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100', dot: 'bg-current text-emerald-600' },
  reconnecting: {
    badge: 'bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
    dot: 'border border-current bg-[linear-gradient(to_right,currentColor_50%,transparent_50%)] text-amber-600 motion-safe:animate-pulse',
  },
  other: { badge: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200', dot: 'border border-current' },
}

export const LIVE_BADGE_CLASS = 'inline-flex items-center gap-1.5 rounded px-2 py-0.5 text-xs font-medium'
export const LIVE_DOT_CLASS = 'size-2.5 shrink-0 rounded-full'
/**
 * On phones the header's tools row has no room for words (it is full at 390 px): the dot's shape tells
 * the state there; the words stay for screen readers and the title.
 */
export const LIVE_LABEL_CLASS = 'sr-only sm:not-sr-only'

/** What the badge says while the live connection starts (the first view, before push has loaded). */
export const LIVE_STARTING = { label: 'Polling', detail: 'Polling while the live connection starts.' }
