/*
 * The app shell's look (header, navigation, content width), shared by the React layout and the
 * boot module's first paint (src/app/first-view.ts), so that the two put everything in the same place.
 * No React here.
 */

/** Joins class names, skipping falsy ones. */
const join = (...classes: Array<string | false>) => classes.filter(Boolean).join(' ')

export const SHELL = {
  page: 'min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100',
  header: 'border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900',
  headerRow: 'mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2',
  brand: 'flex items-center gap-2 font-semibold',
  brandMark: 'grid size-7 place-items-center rounded-md bg-indigo-600 text-white',
  nav: 'order-last -mx-1 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto',
  tools: 'ml-auto flex items-center gap-2 text-sm',
  organization: 'max-w-40 truncate',
  headerButton: 'rounded-md px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800',
  accountName: 'max-w-32 truncate',
  /** One content width for every page, the same as the header's: pages do not set their own. */
  main: 'mx-auto max-w-screen-2xl px-4 py-4',
} as const

/** The main navigation's destinations, in order. */
export const NAV_LINKS = [
  { to: '/jobs', label: 'Jobs' },
  { to: '/approvals', label: 'Approvals' },
  { to: '/runaway', label: 'Runaway' },
  { to: '/workflows', label: 'Workflows' },
  { to: '/tasks', label: 'Tasks' },
] as const

export function navClass({ isActive }: { isActive: boolean }) {
  return join(
    'rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap',
    isActive
      ? 'bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100'
      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
  )
}
