import { queryOptions } from '@tanstack/react-query'
import { fetchRemoteOptions, remoteOptionsUrl } from '@/api/tasks'
import { isBlockedByPagePolicy } from './csp'

export const remoteOptionsKey = (url: string, idAttribute?: string, textAttribute?: string) => ['remote-options', url, idAttribute ?? '', textAttribute ?? ''] as const

/**
 * Options of a remote-options argument, fetched in the browser with no token (as theeye-web does).
 * Never retried by itself: the user sees the error and a Retry button.
 */
export function remoteOptionsQuery(endpointUrl: string, idAttribute: string | undefined, textAttribute: string | undefined, userEmail: string | undefined) {
  return queryOptions({
    queryKey: remoteOptionsKey(endpointUrl.replace(/%THEEYE_USER_EMAIL%/g, userEmail ?? ''), idAttribute, textAttribute),
    queryFn: ({ signal }) =>
      fetchRemoteOptions({ url: remoteOptionsUrl(endpointUrl, userEmail, window.location.href), idAttribute, textAttribute, isBlocked: isBlockedByPagePolicy }, { signal }),
    retry: false,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  })
}
