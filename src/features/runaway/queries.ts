import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { FINISHED_LIFECYCLES } from '@/api/schemas/job'
import type { SlowQueryState } from '@/components/ui/slow-notice'
import { useNow } from '@/components/ui/time'
import { jobQueries } from '@/lib/job-queries'
import { useSession } from '@/lib/session'
import { buildHistory, detectRunaways, WATCHED_LIFECYCLES, type RunawayFlag } from './detect'

/**
 * Data for the runaway view. Two list requests, not one per task:
 * - the jobs in the watched lifecycles (assigned, ready, onhold), live;
 * - the most recent finished jobs of all tasks, for "how long does this task usually take".
 *   The supervisor keeps about 5 finished jobs per task (autoremove), so 1000 covers ~200 tasks
 *   in one request; per-task requests would cost one round trip per running task on every poll.
 * Both are job lists like any other (under the jobs key), so a cancel anywhere (which invalidates
 * the lists) refreshes them; the history is a slow list that a decision leaves alone.
 */
export const RUNAWAY_LIST_LIMIT = 1000

export const runawayQueries = {
  active: () => jobQueries.list({ lifecycles: [...WATCHED_LIFECYCLES], limit: RUNAWAY_LIST_LIMIT }),
  // History moves slowly: a minute old is fine. A cancel or any invalidation of the lists re-reads it; a decision does not.
  history: () => jobQueries.slowList({ lifecycles: [...FINISHED_LIFECYCLES], limit: RUNAWAY_LIST_LIMIT }, 60_000),
}

export interface RunawayData {
  flags: RunawayFlag[]
  now: number
  /** Running jobs are loaded and history has settled (loaded or failed): flags are meaningful. */
  ready: boolean
  isLoading: boolean
  /** The running-jobs request failed: nothing can be said. */
  error: unknown
  /** History failed: only timeouts and queue/on-hold limits were checked. */
  historyError: unknown
  /** List items that could not be read as jobs. */
  malformedCount: number
  /** The server sent a full page: there may be more running jobs than were checked. */
  truncated: boolean
  refetch: () => void
  /** The request the page still waits for, to say when it is slow or retrying. */
  activeQuery: SlowQueryState
}

/**
 * Runaway detection over live data. `tickMs` is how often elapsed times are re-measured: every
 * second on the page, at the refresh interval for the navigation count.
 */
export function useRunaway(tickMs?: number): RunawayData {
  const { config } = useSession()
  const interval = config.refreshIntervalMs
  const active = useQuery({ ...runawayQueries.active(), refetchInterval: interval })
  const history = useQuery({ ...runawayQueries.history(), refetchInterval: Math.max(60_000, interval) })
  const now = useNow(tickMs ?? interval)

  const activeJobs = active.data?.jobs
  const finishedJobs = history.data?.jobs
  const index = useMemo(() => buildHistory(finishedJobs ?? [], activeJobs ?? []), [finishedJobs, activeJobs])
  const ready = !!activeJobs && (history.isSuccess || history.isError)
  const flags = useMemo(() => (ready && activeJobs ? detectRunaways(activeJobs, index, now) : []), [ready, activeJobs, index, now])

  const { refetch: refetchActive } = active
  const { refetch: refetchHistory } = history
  return {
    flags,
    now,
    ready,
    isLoading: !ready && !active.isError,
    error: active.error,
    historyError: history.error,
    malformedCount: active.data?.malformed.length ?? 0,
    truncated: (active.data?.received ?? 0) >= RUNAWAY_LIST_LIMIT,
    // Until ready, whichever request is still outstanding (the running jobs first, then the history).
    activeQuery: activeJobs
      ? { fetchStatus: history.fetchStatus, failureCount: history.failureCount, failureReason: history.failureReason }
      : { fetchStatus: active.fetchStatus, failureCount: active.failureCount, failureReason: active.failureReason },
    refetch: () => {
      void refetchActive()
      void refetchHistory()
    },
  }
}

/** How many jobs are flagged, for the navigation's "Runaway (N)"; undefined until known. */
export function useRunawayCount(): number | undefined {
  const { flags, ready, error } = useRunaway()
  return ready && !error ? flags.length : undefined
}

/** Ids of the flagged jobs, for the jobs list to mark its rows. Empty until known. */
export function useRunawayIds(): Set<string> {
  const { flags } = useRunaway()
  // Keyed on the ids, not on `flags` (new on every tick), so the Set only changes when they do.
  const key = flags.map((f) => f.job.id).join(',')
  return useMemo(() => new Set(key ? key.split(',') : []), [key])
}
