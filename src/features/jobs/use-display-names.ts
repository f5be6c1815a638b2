import { queryOptions, useQueries, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { getJobParticipants, type Participant } from '@/api/jobs'
import type { Job } from '@/api/schemas/job'
import { jobKeys, jobQueries } from '@/lib/job-queries'
import { plainText } from '@/lib/text'
import type { DisplayNames } from './job-list-model'

/**
 * Owner names for the list. The server has no "users by id" endpoint: a job's participants
 * (`GET /job/:id/participants`) is the only place a name comes from. So the list asks once per
 * distinct owner (through one job of theirs), not once per row: a page of 100 jobs started by
 * four people costs four small requests, cached for ten minutes under the owner's id.
 */
export const MAX_OWNER_LOOKUPS = 40

export const ownerKeys = {
  owner: (userId: string) => [...jobKeys.all, 'owner', userId] as const,
}

export function ownerNameOptions(userId: string, viaJobId: string) {
  // Keyed by the owner, not by the job asked through: any job of theirs gives the same name.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ownerKeys.owner(userId),
    queryFn: async ({ signal }): Promise<string | null> => {
      const p = await getJobParticipants(viaJobId, { signal })
      return ownerName(p.owner)
    },
    staleTime: 10 * 60_000,
    // A name is a nicety: the short id stays on failure.
    retry: false,
  })
}

function ownerName(p: Participant | undefined): string | null {
  if (!p) return null
  const name = p.username || p.name || p.email
  return name ? plainText(name, 80) : null
}

/** One job per distinct owner (the newest loaded), the signed-in user excluded (shown as "you"). */
export function ownersToResolve(jobs: readonly Job[], me: string | null | undefined, max = MAX_OWNER_LOOKUPS): Array<{ userId: string; jobId: string }> {
  const seen = new Map<string, string>()
  for (const j of jobs) {
    if (!j.user_id || j.user_id === me || seen.has(j.user_id)) continue
    seen.set(j.user_id, j.id)
    if (seen.size >= max) break
  }
  return [...seen].map(([userId, jobId]) => ({ userId, jobId }))
}

/** Task, host and owner names of the loaded jobs, one stable object while nothing changes. */
export function useDisplayNames(jobs: readonly Job[], tasks: Map<string, string>, me: string | null | undefined): DisplayNames {
  const hostsQuery = useQuery(jobQueries.hosts())
  const hosts = useMemo(() => new Map((hostsQuery.data ?? []).map((h) => [h.id, plainText(h.hostname, 80)])), [hostsQuery.data])
  const wanted = useMemo(() => ownersToResolve(jobs, me), [jobs, me])
  const owners = useQueries({
    queries: wanted.map((w) => ownerNameOptions(w.userId, w.jobId)),
    combine: (results) => results.map((r) => r.data ?? null),
  })
  // `combine` returns a new array on every render; key the map on its contents.
  const ownerKey = wanted.map((w, i) => `${w.userId}=${owners[i] ?? ''}`).join('\u0001')
  // eslint-disable-next-line react-hooks/exhaustive-deps -- ownerKey holds wanted and owners
  const ownerMap = useMemo(() => new Map(wanted.flatMap((w, i) => (owners[i] ? [[w.userId, owners[i]] as const] : []))), [ownerKey])
  return useMemo(() => ({ tasks, hosts, owners: ownerMap, me }), [tasks, hosts, ownerMap, me])
}
