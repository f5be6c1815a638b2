import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { deleteAllFinishedJobs, deleteFinishedJobs, listJobs, type JobListQuery } from '@/api/jobs'
import type { JobList } from '@/api/schemas/job'
import { jobKeys, jobQueries } from '@/lib/job-queries'

/** The first page: newest jobs, refreshed live. */
export const HEAD_PAGE_SIZE = 100
/** Pages fetched by "Load more". */
export const MORE_PAGE_SIZE = 100
/** Pages fetched by "Load all": fewer round trips at scale. */
export const ALL_PAGE_SIZE = 500

export interface PageParam {
  /** Cursor: the last (oldest) job id of the previous page. */
  before?: string
  limit: number
}

/**
 * Keys of the older pages. They live OUTSIDE `jobKeys.lists()` on purpose: every mutation
 * invalidates the lists, and an infinite query refetches every loaded page when invalidated
 * (100 requests once 10,000 jobs are loaded). Only the head (first page, inside `lists()`) is
 * refreshed; the older pages are merged under it by id (job-list-model.ts `mergeLoaded`).
 */
export const jobPagesKeys = {
  all: [...jobKeys.all, 'pages'] as const,
  pages: (q: JobListQuery) => [...jobPagesKeys.all, q] as const,
}

/**
 * Size of the next cursor page per filter. Module state on purpose: it belongs to the query (shared
 * by every observer of the same key), is read only when a page is requested, and never renders.
 */
const pageSizes = new Map<string, number>()
const sizeKey = (q: JobListQuery) => JSON.stringify(jobPagesKeys.pages(q))
function nextPageSize(q: JobListQuery): number {
  return pageSizes.get(sizeKey(q)) ?? MORE_PAGE_SIZE
}
/** "Load all" asks for big pages until it stops; then back to "Load more" pages. */
export function setNextPageSize(q: JobListQuery, size: number): void {
  if (size === MORE_PAGE_SIZE) pageSizes.delete(sizeKey(q))
  else pageSizes.set(sizeKey(q), size)
}

export const jobsListQueries = {
  /** Newest page of a filter; polled. Same key as the shared `jobQueries.list`, so shared invalidations hit it. */
  head: (q: JobListQuery) => jobQueries.list({ ...q, limit: HEAD_PAGE_SIZE }),

  /**
   * Every loaded page of a filter. The first page is the head query's data (one request, not two),
   * then cursor pages `where[_id][$lt]=<last id>`; a short page ends the list.
   * The size of the next page ("Load more" 100, "Load all" 500) is read when it is requested.
   */
  pages: (q: JobListQuery) =>
    infiniteQueryOptions({
      queryKey: jobPagesKeys.pages(q),
      queryFn: ({ pageParam, signal, client }): Promise<JobList> =>
        pageParam.before === undefined
          ? client.fetchQuery(jobsListQueries.head(q))
          : listJobs({ ...q, before: pageParam.before, limit: pageParam.limit }, { signal }),
      initialPageParam: { limit: HEAD_PAGE_SIZE } as PageParam,
      getNextPageParam: (lastPage, _all, lastParam): PageParam | undefined => {
        if (lastPage.received < lastParam.limit) return undefined
        // The cursor is the oldest parsed id; a page of only malformed items cannot be continued.
        const last = lastPage.jobs.at(-1)
        return last ? { before: last.id, limit: nextPageSize(q) } : undefined
      },
      // Older pages never go stale by themselves: the head carries the news.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    }),

  tasks: () => jobQueries.tasks(),
}

/** Head of a filter with live polling. `intervalMs` 0 = paused. Polling stops while the tab is hidden. */
export function liveHeadOptions(q: JobListQuery, intervalMs: number) {
  return queryOptions({
    ...jobsListQueries.head(q),
    refetchInterval: intervalMs > 0 ? intervalMs : false,
    refetchIntervalInBackground: false,
  })
}

/**
 * Clear finished history: of the given tasks, or of the whole organization (the seed's
 * `DELETE /job/finished`, per task when the server lacks it). No retry (a mutation).
 * Resolves after the lists were reset, so the confirm button stays pending until fresh data is in.
 */
export function useClearFinishedHistory() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async ({ taskIds }: { taskIds: string[] }) => {
      if (taskIds.length) return deleteFinishedJobs(taskIds)
      const tasks = await qc.fetchQuery(jobQueries.tasks())
      return deleteAllFinishedJobs(tasks.map((t) => t.id))
    },
    onSettled: () =>
      Promise.all([
        // Loaded pages are full of deleted jobs: start again from the first page.
        qc.resetQueries({ queryKey: jobPagesKeys.all }),
        qc.invalidateQueries({ queryKey: jobKeys.lists() }),
      ]),
  })
}
