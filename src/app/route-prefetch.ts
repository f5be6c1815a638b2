import type { QueryClient } from '@tanstack/react-query'
import { jobsListQueries } from '@/features/jobs/queries'
import { parseJobFilters, serverQuery } from '@/features/jobs/use-job-filters'
import { jobQueries } from '@/lib/job-queries'

const JOB_ID = /^[0-9a-f]{24}$/i

/**
 * The first data request of the route the page opens on, sent by main.tsx as soon as the token and
 * organization are known — before React renders, and before the profile, task names, approvals count
 * or runaway figures, which fill in when they arrive. The keys are the ones the pages read, so the
 * page picks up the request in flight instead of sending its own. Resolves when the answer is in (never
 * rejects: an error stays in the cache for the page to show). Loaded as its own small chunk
 * (index.html preloads it with the route's chunks); a route without an entry here fetches on mount.
 */
export function prefetchRouteData(qc: QueryClient, pathname: string, search: string): Promise<void> | null {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/jobs') {
    let filters
    try {
      filters = parseJobFilters(new URLSearchParams(search))
    } catch {
      return null // the page will say what is wrong with the filters
    }
    return qc.prefetchInfiniteQuery(jobsListQueries.pages(serverQuery(filters)))
  }
  const detail = /^\/jobs\/([^/]+)$/.exec(path)
  if (detail) {
    let id: string
    try {
      id = decodeURIComponent(detail[1]!)
    } catch {
      return null
    }
    if (JOB_ID.test(id)) return qc.prefetchQuery(jobQueries.detail(id))
  }
  return null
}
