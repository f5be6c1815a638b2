import { queryOptions, useQuery } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'
import type { JobListQuery } from '@/api/jobs'
import type { JobList } from '@/api/schemas/job'
import { jobQueries } from '@/lib/job-queries'
import { useSession } from '@/lib/session'
import { inboxMode, splitPending, type InboxMode } from './approval-logic'

export const PENDING_QUERY: JobListQuery = { types: ['ApprovalJob'], lifecycles: ['onhold'], limit: 500 }
/** Jobs on hold that may wait for input: only script and dummy jobs take input (PUT …/input). */
export const INPUT_QUERY: JobListQuery = { types: ['DummyJob', 'ScriptJob'], lifecycles: ['onhold'], limit: 500 }
export const DECIDED_QUERY: JobListQuery = { types: ['ApprovalJob'], lifecycles: ['finished', 'canceled'], limit: 50 }

/**
 * Job lists like any other (`jobQueries.list`, under the jobs key): a decision or a cancel
 * anywhere invalidates the lists, and with them the inbox and the navigation count.
 */
export const approvalQueries = {
  pending: (refreshIntervalMs: number) => queryOptions({ ...jobQueries.list(PENDING_QUERY), refetchInterval: refreshIntervalMs }),
  inputs: (refreshIntervalMs: number) => queryOptions({ ...jobQueries.list(INPUT_QUERY), refetchInterval: refreshIntervalMs }),
  decided: (refreshIntervalMs: number) => queryOptions({ ...jobQueries.list(DECIDED_QUERY), refetchInterval: refreshIntervalMs }),
}

/** Who the inbox is for, from the session: the gateway profile's id, or everybody without one. */
export function useInboxMode(): InboxMode {
  const { config, profile, profileError, signedIn } = useSession()
  const profileId = profile?.id
  const hasGateway = signedIn && (config.mock || !!config.gatewayUrl)
  const profileFailed = !!profileError
  // Stable while its inputs are: it keys memoized filtering.
  return useMemo(() => inboxMode({ profileId, hasGateway, profileFailed }), [profileId, hasGateway, profileFailed])
}

/**
 * The number of approvals waiting on the signed-in user, for the navigation. It observes the same
 * query as the inbox (one request serves both) and selects only a number, so the navigation
 * re-renders only when the count changes. undefined while unknown.
 */
export function usePendingApprovalsCount(): number | undefined {
  const { config, signedIn } = useSession()
  const mode = useInboxMode()
  const select = useCallback((data: JobList) => splitPending(data.jobs, mode).mine.length, [mode])
  const query = useQuery({ ...approvalQueries.pending(config.refreshIntervalMs), enabled: signedIn, select })
  if (mode.kind === 'loading') return undefined
  return query.data
}

/** The approvals waiting on the signed-in user (undefined while unknown), from the inbox query. */
export function usePendingApprovalsForMe() {
  const { config, signedIn } = useSession()
  const mode = useInboxMode()
  const select = useCallback((data: JobList) => splitPending(data.jobs, mode).mine, [mode])
  const query = useQuery({ ...approvalQueries.pending(config.refreshIntervalMs), enabled: signedIn, select })
  return mode.kind === 'loading' ? undefined : query.data
}
