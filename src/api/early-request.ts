/**
 * A GET sent before the app has loaded (src/boot.ts: the first data request of the page, as soon as
 * config.json and the session are known), handed to the first `request()` of exactly the same
 * request — same method, URL and Authorization header — which then reads, checks and parses the
 * answer like any other (errors, 401, malformed bodies, its own timeout). Used at most once; an
 * answer nobody asks for within the client timeout is dropped (its request aborted).
 */
interface Early {
  response: Promise<Response>
  controller: AbortController
  timer: ReturnType<typeof setTimeout>
}

/**
 * Kept on `window`, not in this module: the build sends the early request from index.html's inline
 * script (src/start.ts, a bundle of its own), and the app's request takes it from here.
 */
const REGISTRY = '__theeyeEarlyRequests'
const pending: Map<string, Early> = ((globalThis as Record<string, unknown>)[REGISTRY] ??= new Map<string, Early>()) as Map<string, Early>

const keyOf = (url: string, authorization: string) => `GET ${url}\n${authorization}`

/**
 * Sends `GET url` with the headers and fetch options `request()` uses for a bearer GET. Returns its
 * answer, for a first look (src/boot.ts paints from a clone of it); the taker reads the answer itself.
 */
export function sendEarlyRequest(url: string, token: string, timeoutMs: number): Promise<Response> {
  const authorization = `Bearer ${token}`
  const key = keyOf(url, authorization)
  const already = pending.get(key)
  if (already) return already.response
  const controller = new AbortController()
  const response = fetch(url, {
    method: 'GET',
    headers: { Accept: 'application/json', Authorization: authorization },
    signal: controller.signal,
    credentials: 'omit',
    cache: 'no-store',
  })
  // Nobody may ever take it: its failure is reported to the taker only.
  response.catch(() => {})
  const timer = setTimeout(() => {
    if (pending.get(key)?.controller === controller) pending.delete(key)
    controller.abort()
  }, timeoutMs)
  pending.set(key, { response, controller, timer })
  return response
}

/**
 * The early answer of `GET url` with this Authorization header, once; null when there is none.
 * `abort` cancels it (the taker's timeout or its caller's signal); it also breaks a body being read.
 */
export function takeEarlyRequest(url: string, authorization: string): { response: Promise<Response>; abort: () => void } | null {
  const key = keyOf(url, authorization)
  const early = pending.get(key)
  if (!early) return null
  pending.delete(key)
  clearTimeout(early.timer)
  return { response: early.response, abort: () => early.controller.abort() }
}

/** Tests: forget every early request. */
export function resetEarlyRequests(): void {
  for (const e of pending.values()) {
    clearTimeout(e.timer)
    e.controller.abort()
  }
  pending.clear()
}
