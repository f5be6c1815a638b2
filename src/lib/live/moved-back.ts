import type { QueryClient } from '@tanstack/react-query'

/*
 * Jobs that moved back lately (restart, input, hold), per query cache. A real job event carries no
 * time or sequence (the supervisor's register.js jobToEventModel has no last_update), and the gateway
 * keeps no order, so events of a job's previous run may arrive after it was queued again: merge.ts
 * holds such a job's forward moves until its document confirms them. Kept apart from merge.ts so an
 * action's answer can note a move back without loading the merge.
 */

/**
 * How long after a move back a job's forward events wait for its document: longer than any delivery
 * delay of the gateway's fire-and-forget hop, and as long as the connection remembers events.
 */
export const SETTLE_MS = 30_000
const movedBack = new WeakMap<QueryClient, Map<string, number>>()
const monotonicNow = () => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/** A job moved back (restarted, input given, held): its previous run's late events must not show. */
export function noteMovedBack(qc: QueryClient, id: string, now = monotonicNow()): void {
  let jobs = movedBack.get(qc)
  if (!jobs) movedBack.set(qc, (jobs = new Map()))
  jobs.set(id, now)
  for (const [other, at] of jobs) if (now - at > SETTLE_MS) jobs.delete(other)
}

/** Did the job move back less than SETTLE_MS ago? */
export function isSettling(qc: QueryClient, id: string, now = monotonicNow()): boolean {
  const at = movedBack.get(qc)?.get(id)
  return at !== undefined && now - at <= SETTLE_MS
}

