import type { ComponentProps, ReactNode } from 'react'
import { withOverrides } from './cn'

type Tone = 'warning' | 'danger' | 'info' | 'success'

const tones: Record<Tone, string> = {
  warning: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
  danger: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100',
}
/** Status is never colour alone: every tone carries a symbol a screen reader skips and the text says the rest. */
const icons: Record<Tone, string> = { warning: '⚠', danger: '⚠', info: 'ℹ', success: '✓' }
const pads = { sm: 'px-2 py-1.5 text-xs', md: 'px-3 py-2 text-sm' }

export interface CalloutProps extends Omit<ComponentProps<'div'>, 'title'> {
  tone?: Tone
  size?: keyof typeof pads
  /** A bold first line. */
  title?: ReactNode
  /** Hide the leading symbol (when the content brings its own). */
  bare?: boolean
  /** A control at the end of the box (Retry, Dismiss). */
  action?: ReactNode
}

/**
 * The one box for a warning, an error, a note or a success: tone, symbol, optional title, content,
 * optional action. A caller's layout classes (padding, alignment, gap) win over the box's.
 */
export function Callout({ tone = 'warning', size = 'md', title, bare, action, className, children, ...rest }: CalloutProps) {
  return (
    <div className={withOverrides(`flex items-start gap-2 rounded-md border ${tones[tone]} ${pads[size]}`, className)} {...rest}>
      {!bare && (
        <span aria-hidden="true" className="leading-5">
          {icons[tone]}
        </span>
      )}
      <div className="min-w-0 flex-1 break-words">
        {title && <p className="font-semibold">{title}</p>}
        {children}
      </div>
      {action}
    </div>
  )
}
