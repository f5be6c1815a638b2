import { serverNow } from './server-clock'
import type { QueryValue } from './client'

/*
 * The query of the jobs list, without zod or React: main.tsx's early first request (src/boot.ts)
 * builds the first page's URL with it before the rest of the app has loaded.
 */

export interface JobListQuery {
  taskIds?: string[]
  states?: string[]
  lifecycles?: string[]
  types?: string[]
  /** ISO dates, inclusive range on creation_date */
  from?: string
  to?: string
  /**
   * A rolling window on creation_date: jobs created in the last `sinceMs`, counted from the
   * (server-corrected) time each request is sent. Wins over `from`.
   */
  sinceMs?: number
  /** Cursor: only jobs with an `_id` lower than this (older). */
  before?: string
  /** Page size; the server returns everything when absent, so we always send one. */
  limit?: number
}

function inOrEq(values: string[] | undefined): QueryValue {
  if (!values?.length) return undefined
  return values.length === 1 ? values[0] : { $in: values }
}

export const DEFAULT_PAGE_SIZE = 100

/** The `where`/`sort`/`limit` query of `GET /:customer/job` for a filter. Never `include`. */
export function jobListQueryParams(q: JobListQuery): Record<string, QueryValue> {
  const where: Record<string, QueryValue> = {
    task_id: inOrEq(q.taskIds),
    state: inOrEq(q.states),
    lifecycle: inOrEq(q.lifecycles),
    _type: inOrEq(q.types),
  }
  const from = q.sinceMs ? new Date(serverNow() - q.sinceMs).toISOString() : q.from
  if (from || q.to) where.creation_date = { $gte: from, $lte: q.to }
  if (q.before) where._id = { $lt: q.before }
  return { where, sort: { _id: -1 }, limit: q.limit ?? DEFAULT_PAGE_SIZE }
}

