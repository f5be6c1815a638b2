import type { Query, QueryClient } from '@tanstack/react-query'

/**
 * The polling switch. While push is live, every polled query slows to a safety re-sync
 * (SAFETY_RESYNC_MS); otherwise it polls at its own interval. It works on the client's defaulted
 * options, so features keep declaring `refetchInterval` as before and need not know about push.
 */
export const SAFETY_RESYNC_MS = 60_000

let pushLive = false

export function isPushLive(): boolean {
  return pushLive
}

/** The interval a query polls at, given the one it asked for. Paused (false/0) stays paused. */
export function gateInterval(asked: number | false | undefined): number | false | undefined {
  if (!pushLive || typeof asked !== 'number' || asked <= 0) return asked
  return Math.max(asked, SAFETY_RESYNC_MS)
}

type Asked = (query: Query) => number | false | undefined
type Interval = number | false | undefined | Asked

// One wrapper per asked interval, so options stay equal from one render to the next.
const byNumber = new Map<number, Asked>()
const byFunction = new WeakMap<Asked, Asked>()
function gated(asked: number | Asked): Asked {
  if (typeof asked === 'number') {
    let w = byNumber.get(asked)
    if (!w) byNumber.set(asked, (w = () => gateInterval(asked)))
    return w
  }
  let w = byFunction.get(asked)
  if (!w) byFunction.set(asked, (w = (query: Query) => gateInterval(asked(query))))
  return w
}

/** Wraps the client's option defaulting so that every `refetchInterval` goes through the switch. */
export function withPollingSwitch(qc: QueryClient): QueryClient {
  const base = qc.defaultQueryOptions.bind(qc)
  qc.defaultQueryOptions = ((options: Parameters<typeof base>[0]) => {
    const defaulted = base(options)
    // Already defaulted (and so already wrapped), or nothing to poll.
    if (defaulted === options) return defaulted
    const asked = defaulted.refetchInterval as Interval
    if (asked === undefined || asked === false) return defaulted
    return { ...defaulted, refetchInterval: gated(asked) }
  }) as typeof qc.defaultQueryOptions
  return qc
}

/** Flip the switch, and re-time every observer at once (not at its next fetch). */
export function setPushLive(qc: QueryClient, live: boolean): void {
  if (pushLive === live) return
  pushLive = live
  for (const query of qc.getQueryCache().getAll()) {
    for (const observer of query.observers) observer.setOptions(observer.options)
  }
}
