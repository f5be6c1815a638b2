import type { QueryClient } from '@tanstack/react-query'
import { jobsListQueries } from '@/features/jobs/queries'
import { parseJobFilters, serverQuery } from '@/features/jobs/use-job-filters'
import { jobQueries } from '@/lib/job-queries'

const JOB_ID = /^[0-9a-f]{24}$/i

/**
 * The first data request of the route the page opens on, sent by main.tsx as soon as the token and
 * organization are known — before React renders, and before the profile, task names, approvals count
 * or runaway figures, which fill in when they arrive. The keys are the ones the pages read, so the
 * page picks up the request in flight instead of sending its own. Loaded as its own small chunk
 * (index.html preloads it with the route's chunks); a route without an entry here fetches on mount.
 */
export function prefetchRouteData(qc: QueryClient, pathname: string, search: string): void {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/jobs') {
    let filters
    try {
      filters = parseJobFilters(new URLSearchParams(search))
    } catch {
      return // the page will say what is wrong with the filters
    }
    void qc.prefetchInfiniteQuery(jobsListQueries.pages(serverQuery(filters)))
    return
  }
  const detail = /^\/jobs\/([^/]+)$/.exec(path)
  if (detail) {
    let id: string
    try {
      id = decodeURIComponent(detail[1]!)
    } catch {
      return
    }
    if (JOB_ID.test(id)) void qc.prefetchQuery(jobQueries.detail(id))
  }
}
