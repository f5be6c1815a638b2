import { NavLink } from 'react-router'
import { cn } from '@/components/ui/cn'
import { navClass } from './shell-look'

export { navClass } from './shell-look'

export function CountBadge({ count, tone }: { count: number | undefined; tone: 'warning' | 'danger' }) {
  if (count === undefined) return null
  return (
    <span
      aria-hidden="true"
      className={cn(
        'ml-1.5 inline-flex min-w-5 justify-center rounded-full px-1.5 text-xs font-semibold',
        count === 0
          ? 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200'
          : tone === 'danger'
            ? 'bg-red-700 text-white'
            : 'bg-amber-500 text-slate-950',
      )}
    >
      {count}
    </span>
  )
}


/** The main navigation: "Approvals (N)" and "Runaway (N)" carry their counts in their accessible names. */
export function MainNavLinks({ approvals, runaway }: { approvals?: number; runaway?: number }) {
  return (
    <>
      <NavLink to="/jobs" className={navClass}>
        Jobs
      </NavLink>
      <NavLink to="/approvals" className={navClass} aria-label={approvals === undefined ? 'Approvals' : `Approvals (${approvals})`}>
        Approvals
        <CountBadge count={approvals} tone="warning" />
      </NavLink>
      <NavLink to="/runaway" className={navClass} aria-label={runaway === undefined ? 'Runaway' : `Runaway (${runaway})`}>
        Runaway
        <CountBadge count={runaway} tone="danger" />
      </NavLink>
      <NavLink to="/workflows" className={navClass}>
        Workflows
      </NavLink>
      <NavLink to="/tasks" className={navClass}>
        Tasks
      </NavLink>
    </>
  )
}
