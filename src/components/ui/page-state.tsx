import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { isApiError } from '@/api/errors'
import { cn } from './cn'
import { ErrorPanel } from './error-panel'
import { Skeleton, SkeletonRows } from './skeleton'

/**
 * The states a page of one thing (a job, a task, a workflow) has before it can show the thing: the
 * id in the URL is not one, it is loading, or it could not be loaded (not found, or another error
 * with Retry). One shape for every such page, so they read and behave alike.
 */

const linkClass = 'text-sm font-medium text-indigo-700 underline dark:text-indigo-300'

export function PageMessage({ title, children, back, className }: { title: string; children: ReactNode; back?: { to: string; label: string }; className?: string }) {
  return (
    <div className={cn('max-w-3xl space-y-3', className)}>
      <h1 className="text-xl font-semibold">{title}</h1>
      <div role="alert" className="text-sm text-slate-700 dark:text-slate-300">
        {children}
      </div>
      {back && (
        <Link to={back.to} className={linkClass}>
          {back.label}
        </Link>
      )}
    </div>
  )
}

export function PageLoading({ label, rows = 6, children, className }: { label: string; rows?: number; children?: ReactNode; className?: string }) {
  return (
    <div className={cn('space-y-4', className)}>
      <Skeleton className="h-8 w-72" />
      {children}
      <SkeletonRows rows={rows} label={label} />
    </div>
  )
}

/**
 * A load that failed before anything arrived: "<Thing> not found" with what that means, or "<Thing>
 * not available" with the error and Retry.
 */
export function PageLoadFailed({
  thing,
  error,
  notFound,
  onRetry,
  back,
  className,
}: {
  /** "Job", "Task", "Workflow". */
  thing: string
  error: unknown
  /** What "not found" means for this thing. */
  notFound: ReactNode
  onRetry: () => void
  back: { to: string; label: string }
  className?: string
}) {
  const missing = isApiError(error) && error.code === 'not_found'
  if (missing) {
    return (
      <PageMessage title={`${thing} not found`} back={back} className={className}>
        {notFound}
      </PageMessage>
    )
  }
  return (
    <div className={cn('max-w-3xl space-y-3', className)}>
      <h1 className="text-xl font-semibold">{thing} not available</h1>
      <ErrorPanel error={error} title={`The ${thing.toLowerCase()} could not be loaded`} onRetry={onRetry} backTo={back.to} backLabel={back.label} />
    </div>
  )
}
