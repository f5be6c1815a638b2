/**
 * The server's clock, as far as the browser can know it. No React here.
 *
 * Elapsed times, waits and runaway alarms must count on the server's clock: a laptop clock hours
 * off would otherwise flag healthy jobs (clock ahead) or show running work as "0 ms" (clock behind).
 *
 * Two sources, best first:
 * 1. the `Date` response header, when the browser lets scripts read it (same origin; the real
 *    supervisor does not expose it cross-origin): the offset is then known to about a second;
 * 2. the data itself: every `creation_date` / `last_update` in a response was written by the
 *    server at or before the moment it answered, so `newest time seen − local time at receipt` is a
 *    lower bound of the offset. The estimate is the largest such bound seen (it only tightens), so
 *    no job is ever "in the future" and elapsed times are never over-estimated: a clock that runs
 *    ahead cannot make a healthy job look old. On an organization where nothing has happened for a
 *    while the estimate is that quiet time too low until the next activity shows up.
 *
 * Times more than a day away from the local clock are not evidence of skew but bad data (a hostile
 * or corrupt date): they are ignored.
 */
const MAX_SKEW_MS = 24 * 60 * 60_000

let headerOffset: number | null = null
let dataOffset: number | null = null

export type ServerClockSource = 'date-header' | 'data' | 'local'

/** The offset (server − local, ms) in use now. */
export function serverClockOffset(): number {
  return headerOffset ?? dataOffset ?? 0
}

export function serverClockSource(): ServerClockSource {
  return headerOffset !== null ? 'date-header' : dataOffset !== null ? 'data' : 'local'
}

/** The current time on the server's clock (ms since the epoch). */
export function serverNow(): number {
  return Date.now() + serverClockOffset()
}

/** A readable `Date` header: the server's time when it answered, to the second. */
export function observeDateHeader(serverMs: number, receivedAtMs: number): void {
  if (!Number.isFinite(serverMs)) return
  const offset = serverMs - receivedAtMs
  if (Math.abs(offset) > MAX_SKEW_MS) return
  // One-second resolution: the header is up to 999 ms behind the real moment. Sub-second offsets are noise.
  headerOffset = Math.abs(offset) < 1500 ? 0 : offset
}

/** Times (ms) written by the server into the documents of one response, and when it arrived. */
export function observeServerTimes(times: Iterable<number>, receivedAtMs: number): void {
  let newest = Number.NEGATIVE_INFINITY
  for (const t of times) {
    if (Number.isFinite(t) && t > newest && Math.abs(t - receivedAtMs) <= MAX_SKEW_MS) newest = t
  }
  if (!Number.isFinite(newest)) return
  const bound = newest - receivedAtMs
  if (dataOffset === null || bound > dataOffset) dataOffset = bound
}

const TIME_FIELDS = ['creation_date', 'last_update'] as const

function collect(doc: unknown, out: number[]): void {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return
  const record = doc as Record<string, unknown>
  for (const field of TIME_FIELDS) {
    const value = record[field]
    if (typeof value === 'string') {
      const t = Date.parse(value)
      if (Number.isFinite(t)) out.push(t)
    }
  }
}

/**
 * The server-written times of a parsed response body: the top-level document, or the documents of
 * a top-level list (a job list). Nested documents are not walked: cheap on a 10,000-job list, and
 * a hostile 6,000-deep body cannot make it recurse.
 */
export function serverTimesIn(body: unknown): number[] {
  const out: number[] = []
  if (Array.isArray(body)) for (const item of body) collect(item, out)
  else collect(body, out)
  return out
}

/** Forget what was learnt (sign-out, another server, tests). */
export function resetServerClock(): void {
  headerOffset = null
  dataOffset = null
}
