import type { ReactNode } from 'react'
import { cn } from './cn'
import { Skeleton, SkeletonRows } from './skeleton'

/**
 * A page's first load: the place of its title and a few rows, named for screen readers. `children`
 * goes between them (a note that the server is slow, for instance).
 */
export function PageLoading({ label, rows = 6, className, children }: { label: string; rows?: number; className?: string; children?: ReactNode }) {
  return (
    <div className={cn('space-y-4', className)}>
      <Skeleton className="h-8 w-72" />
      {children}
      <SkeletonRows rows={rows} label={label} />
    </div>
  )
}

/** A page whose subject could not be loaded: a heading that says so, then why and a way on (`children`). */
export function PageUnavailable({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn('max-w-3xl space-y-3', className)}>
      <h1 className="text-xl font-semibold">{title}</h1>
      {children}
    </div>
  )
}
