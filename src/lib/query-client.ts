import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { getApiSettings } from '@/api/client'
import { isApiError } from '@/api/errors'
import { withPollingSwitch } from './live/polling'

/** At most this many automatic retries of a read. */
export const MAX_READ_RETRIES = 2
/** Pause before retry n (1-based): short, so that all attempts fit well inside one client timeout. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 2000)
}

/**
 * Retry only what can heal (network errors, 408, 429, 5xx; never a 4xx, never a mutation), and
 * never stretch the wait past the client timeout the error message names:
 * - a timeout is not retried: it has already used the whole budget (retrying it turned a "20 s"
 *   timeout into an error after 69 s, and kept the jobs page on skeletons for minutes);
 * - a quick failure is retried only while every attempt, with the pauses, still fits in the timeout:
 *   each attempt must have failed within a fifth of it.
 * Retries are visible: pages show "Retrying…" from the query's failureCount (SlowNotice).
 */
export function shouldRetry(failureCount: number, error: unknown, timeoutMs = getApiSettings().timeoutMs): boolean {
  if (failureCount >= MAX_READ_RETRIES) return false
  if (!isApiError(error) || !error.isTransient || error.code === 'timeout') return false
  const attemptBudget = timeoutMs / (MAX_READ_RETRIES + 1) - retryDelayMs(MAX_READ_RETRIES)
  return error.elapsedMs === undefined || error.elapsedMs <= Math.min(timeoutMs / 5, attemptBudget)
}

export function createQueryClient(opts: { onError?: (error: unknown) => void; test?: boolean } = {}): QueryClient {
  // Polling slows to a safety re-sync while push is live (live/polling.ts).
  return withPollingSwitch(new QueryClient({
    queryCache: new QueryCache({ onError: opts.onError }),
    mutationCache: new MutationCache({ onError: opts.onError }),
    defaultOptions: {
      queries: {
        retry: opts.test ? false : (failureCount, error) => shouldRetry(failureCount, error),
        retryDelay: retryDelayMs,
        staleTime: 2_000,
        refetchOnWindowFocus: true,
        // Polling stops while the tab is hidden (the default); resumes on return.
        refetchIntervalInBackground: false,
      },
      mutations: { retry: false },
    },
  }))
}
