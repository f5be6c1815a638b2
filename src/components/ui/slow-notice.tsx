import { useEffect, useState } from 'react'

/** After this long without an answer a wait is explained. */
export const SLOW_AFTER_MS = 3000

/** Minimal view of a TanStack query for the notice (no import of the library here). */
export interface SlowQueryState {
  fetchStatus: 'fetching' | 'paused' | 'idle'
  failureCount: number
  failureReason: unknown
}

function reasonText(reason: unknown): string {
  if (reason instanceof Error && reason.message) return reason.message
  return 'it failed'
}

/**
 * Says that a request is slow, within a few seconds: "Still waiting for the server… 5 s (it gives
 * up at 20 s)". Automatic retries show too ("Retrying (attempt 2 of 3): …"), so the wait is never
 * silent. Renders nothing while the request is quick or idle.
 */
export function SlowNotice({ query, timeoutMs, what = 'the server', className }: { query: SlowQueryState; timeoutMs: number; what?: string; className?: string }) {
  const active = query.fetchStatus === 'fetching'
  // How long this fetch (retries included) has been waiting; counted by a timer while it runs.
  const [waited, setWaited] = useState(0)
  useEffect(() => {
    if (!active) return
    const startedAt = Date.now()
    const timer = setInterval(() => setWaited(Date.now() - startedAt), 500)
    return () => {
      clearInterval(timer)
      setWaited(0)
    }
  }, [active])

  if (!active) return null
  const retrying = query.failureCount > 0
  if (!retrying && waited < SLOW_AFTER_MS) return null
  const seconds = Math.floor(waited / 1000)
  return (
    <p role="status" className={className ?? 'mt-2 text-sm text-slate-700 dark:text-slate-300'}>
      <span aria-hidden="true">⏳ </span>
      {retrying
        ? `Retrying (attempt ${query.failureCount + 1}): the last attempt failed — ${reasonText(query.failureReason)}`
        : `Still waiting for ${what}… ${seconds} s so far (it gives up at ${Math.round(timeoutMs / 1000)} s).`}
    </p>
  )
}
