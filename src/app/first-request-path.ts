import { joinUrl } from '@/api/client'

/*
 * The first data request of a page, as src/boot.ts sends it before the app has loaded. It must be
 * exactly the request the page's own first query sends (route-prefetch.ts; first-request-path.test.ts
 * checks they agree), or the early answer is simply not used.
 */

/** Filters the server applies (use-job-filters.ts serverQuery); `q` and `sort` stay in the browser. */
const SERVER_FILTER_PARAMS = ['task', 'state', 'lifecycle', 'type', 'since', 'from', 'to']
/**
 * The query of the jobs list's first page, as the app's query writes it (features/jobs/queries.ts: newest
 * first, HEAD_PAGE_SIZE 100, through api/job-list-query.ts and encodeQuery), written out: this file is part
 * of the inline start of every page (src/start.ts), and first-request-path.test.ts checks that the app
 * asks for exactly this.
 */
const FIRST_PAGE_QUERY = '?sort[_id]=-1&limit=100'
const JOB_ID = /^[0-9a-f]{24}$/i

/** The path of the first data request of a page (`customer`'s jobs list or one job), or null. */
export function firstRequestPath(pathname: string, search: string, customer: string): string | null {
  const path = pathname.replace(/\/+$/, '') || '/'
  if (path === '/jobs') {
    const params = new URLSearchParams(search)
    if (SERVER_FILTER_PARAMS.some((p) => params.has(p))) return null
    return `${joinUrl('', customer, 'job')}${FIRST_PAGE_QUERY}`
  }
  const detail = /^\/jobs\/([^/]+)$/.exec(path)
  if (!detail) return null
  let id: string
  try {
    id = decodeURIComponent(detail[1]!)
  } catch {
    return null
  }
  return JOB_ID.test(id) ? joinUrl('', customer, 'job', id) : null
}

