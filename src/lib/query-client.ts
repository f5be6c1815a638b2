import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/api/errors'
import { withPollingSwitch } from './live/polling'

/** Retry only what can heal: network errors, timeouts, 408, 429, 5xx. Never a 4xx. Never a mutation. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false
  return isApiError(error) ? error.isTransient : false
}

export function createQueryClient(opts: { onError?: (error: unknown) => void; test?: boolean } = {}): QueryClient {
  // Polling slows to a safety re-sync while push is live (live/polling.ts).
  return withPollingSwitch(new QueryClient({
    queryCache: new QueryCache({ onError: opts.onError }),
    mutationCache: new MutationCache({ onError: opts.onError }),
    defaultOptions: {
      queries: {
        retry: opts.test ? false : shouldRetry,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        staleTime: 2_000,
        refetchOnWindowFocus: true,
        // Polling stops while the tab is hidden (the default); resumes on return.
        refetchIntervalInBackground: false,
      },
      mutations: { retry: false },
    },
  }))
}
