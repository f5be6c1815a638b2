import { cn, withOverrides } from './cn'

/* The button's look, without React (the boot module's first paint draws inert buttons too). */

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost' | 'success'
export type ButtonSize = 'sm' | 'md'

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-400 dark:disabled:bg-indigo-900',
  secondary:
    'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
  danger: 'bg-red-700 text-white hover:bg-red-600 disabled:bg-red-400 dark:disabled:bg-red-950',
  success: 'bg-emerald-700 text-white hover:bg-emerald-600 disabled:bg-emerald-400 dark:disabled:bg-emerald-950',
  ghost: 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
}
const sizes: Record<ButtonSize, string> = { sm: 'h-8 px-2.5 text-sm', md: 'h-9 px-3.5 text-sm' }

/** A button's classes; the caller's layout classes win over the base (see withOverrides). */
export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md', className?: string): string {
  return withOverrides(
    cn(
      'inline-flex items-center justify-center gap-1.5 rounded-md font-medium whitespace-nowrap transition-colors',
      'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-70',
      variants[variant],
      sizes[size],
    ),
    className,
  )
}
