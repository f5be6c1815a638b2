import { withOverrides } from './cn'

/* The text-like control's look, without React (the boot module's first paint draws inert controls too). */

export type ControlSize = 'sm' | 'md'

export const CONTROL_BASE =
  'block rounded-md border border-slate-300 bg-white text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 ' +
  'aria-invalid:border-red-600 aria-invalid:ring-1 aria-invalid:ring-red-600 read-only:bg-slate-50 read-only:text-slate-700 ' +
  'disabled:cursor-not-allowed disabled:opacity-70 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 ' +
  'dark:aria-invalid:border-red-400 dark:aria-invalid:ring-red-400 dark:read-only:bg-slate-900 dark:read-only:text-slate-300'
const sizes: Record<ControlSize, string> = { sm: 'h-8 px-2', md: 'h-9 px-2.5' }

/** The one look of a text-like control; callers' width/height/padding classes win. */
export function controlClass(size: ControlSize = 'md', className?: string): string {
  return withOverrides(`${CONTROL_BASE} w-full ${sizes[size]}`, className)
}

