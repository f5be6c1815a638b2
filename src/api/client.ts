import type { ZodMiniType } from 'zod/mini'
import { takeEarlyRequest } from './early-request'
import { ApiError, errorFromResponse } from './errors'
import { observeDateHeader, observeServerTimes, serverTimesIn } from './server-clock'

export { serverNow } from './server-clock'

/**
 * The one place that talks HTTP. Every request:
 * - carries the token exactly once, as `Authorization: Bearer` (never in the URL: the server
 *   rejects a token sent twice, and URLs end up in logs and history);
 * - has a client timeout (the real supervisor can leave a request unanswered forever);
 * - honours the caller's AbortSignal;
 * - turns every failure into an ApiError.
 */
export interface ApiSettings {
  supervisorUrl: string
  gatewayUrl?: string
  customer: string
  token: string | null
  timeoutMs: number
  /** Called once per 401 answered to an authenticated supervisor/gateway request. */
  onUnauthorized?: (error: ApiError) => void
}

let settings: ApiSettings = {
  supervisorUrl: '',
  customer: '',
  token: null,
  timeoutMs: 20_000,
}

export function configureApi(next: Partial<ApiSettings>): void {
  settings = { ...settings, ...next }
}

export function getApiSettings(): Readonly<ApiSettings> {
  return settings
}

/** What every endpoint function takes besides its own arguments: a signal to abort it (TanStack Query passes one). */
export interface Call {
  signal?: AbortSignal
}

/** The signed-in organization, for the `/:customer/...` routes; a clear error (no request sent) when there is none. */
export function currentCustomer(): string {
  const c = settings.customer
  if (!c) throw new ApiError({ status: 0, code: 'bad_request', message: 'No organization is set. Sign in again.' })
  return c
}

export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue }

/**
 * Serialises nested objects in the bracket notation the supervisor's qs parser reads:
 * `{where: {lifecycle: {$in: ['ready']}}}` -> `where[lifecycle][$in][]=ready`.
 */
export function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return ''
  const parts: string[] = []
  const walk = (prefix: string, value: QueryValue): void => {
    if (value === undefined || value === null) return
    if (Array.isArray(value)) {
      for (const item of value) walk(`${prefix}[]`, item)
      return
    }
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}[${k}]`, v)
      return
    }
    parts.push(`${encodeURIComponent(prefix).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(value))}`)
  }
  for (const [k, v] of Object.entries(query)) walk(k, v)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Joins a base URL and path segments, each segment escaped. */
export function joinUrl(base: string, ...segments: string[]): string {
  const trimmed = base.replace(/\/+$/, '')
  return `${trimmed}/${segments.map((s) => encodeURIComponent(s)).join('/')}`
}

/** No document of the supervisor nests anywhere near this deep; a hostile one may nest thousands. */
export const MAX_BODY_DEPTH = 100

/**
 * Replaces what nests deeper than `limit` with a note, in place, without recursion: a
 * 6,000-deep array would otherwise overflow the stack of every recursive walk after it
 * (schema parsing, the query cache's structural sharing, rendering).
 */
export function pruneDeep(value: unknown, limit: number): unknown {
  if (!value || typeof value !== 'object') return value
  const stack: Array<[Record<string, unknown> | unknown[], number]> = [[value as Record<string, unknown>, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    const keys = Array.isArray(node) ? node.keys() : Object.keys(node)
    for (const k of keys) {
      const child = (node as Record<string | number, unknown>)[k]
      if (!child || typeof child !== 'object') continue
      if (depth + 1 >= limit) (node as Record<string | number, unknown>)[k] = `(nested more than ${limit} levels deep: not shown)`
      else stack.push([child as Record<string, unknown>, depth + 1])
    }
  }
  return value
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Which server: the supervisor (default) or the gateway. */
  server?: 'supervisor' | 'gateway'
  /** Path segments, each escaped; e.g. [customer, 'job', id, 'cancel']. */
  path: string[]
  query?: Record<string, QueryValue>
  body?: unknown
  signal?: AbortSignal
  timeoutMs?: number
  /** 'bearer' (default) sends the session token; 'none' sends nothing; basic sends the given credentials. */
  auth?: 'bearer' | 'none' | { basic: string }
  /** Validates the parsed body. Omit for requests answered with 204 / no body. */
  schema?: ZodMiniType<T>
}

function describe(method: string, path: string[]): string {
  // Only the first segments: ids are fine, but never the query string.
  return `${method} /${path.join('/')}`
}

export async function request<T = undefined>(opts: RequestOptions<T>): Promise<T> {
  const method = opts.method ?? 'GET'
  const base = opts.server === 'gateway' ? settings.gatewayUrl : settings.supervisorUrl
  const label = describe(method, opts.path)
  if (!base) {
    throw new ApiError({ status: 0, code: 'network', message: `No ${opts.server ?? 'supervisor'} URL is configured.`, request: label })
  }
  const url = joinUrl(base, ...opts.path) + encodeQuery(opts.query)

  const headers: Record<string, string> = { Accept: 'application/json' }
  const auth = opts.auth ?? 'bearer'
  if (auth === 'bearer') {
    if (!settings.token) {
      const error = new ApiError({ status: 401, code: 'unauthorized', message: 'You are not signed in.', request: label })
      settings.onUnauthorized?.(error)
      throw error
    }
    headers.Authorization = `Bearer ${settings.token}`
  } else if (typeof auth === 'object') {
    headers.Authorization = `Basic ${auth.basic}`
  }
  let body: string | undefined
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }

  const timeoutMs = opts.timeoutMs ?? settings.timeoutMs
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onCallerAbort = () => controller.abort()
  if (opts.signal) {
    if (opts.signal.aborted) controller.abort()
    else opts.signal.addEventListener('abort', onCallerAbort, { once: true })
  }
  // The page's first request may already be on its way (src/boot.ts): the same GET, sent earlier.
  const early = method === 'GET' && body === undefined && headers.Authorization && !controller.signal.aborted ? takeEarlyRequest(url, headers.Authorization) : null
  if (early) controller.signal.addEventListener('abort', early.abort, { once: true })

  let response: Response
  let text: string
  const startedAt = Date.now()
  try {
    response = await (early?.response ?? fetch(url, { method, headers, body, signal: controller.signal, credentials: 'omit', cache: 'no-store' }))
    // The body can hang too: read it under the same timer.
    text = await response.text()
  } catch {
    if (timedOut) {
      throw new ApiError({
        status: 0,
        code: 'timeout',
        message: `The server did not answer within ${Math.round(timeoutMs / 1000)} s. It may be overloaded, or it dropped the request without a word.`,
        request: label,
        elapsedMs: Date.now() - startedAt,
      })
    }
    if (opts.signal?.aborted) {
      throw new ApiError({ status: 0, code: 'aborted', message: 'The request was cancelled.', request: label })
    }
    throw new ApiError({
      status: 0,
      code: 'network',
      message: 'Could not reach the server. Check your connection; the data will refresh when it is back.',
      request: label,
      elapsedMs: Date.now() - startedAt,
    })
  } finally {
    clearTimeout(timer)
    opts.signal?.removeEventListener('abort', onCallerAbort)
  }

  const receivedAt = Date.now()
  // The server's clock: its Date header where readable (same origin only), else the times it wrote into the data.
  const date = opts.server !== 'gateway' ? response.headers.get('Date') : null
  if (date) observeDateHeader(Date.parse(date), receivedAt)

  let parsedBody: unknown = undefined
  let parseFailed = false
  if (text.trim()) {
    try {
      parsedBody = pruneDeep(JSON.parse(text), MAX_BODY_DEPTH)
    } catch {
      parseFailed = true
      parsedBody = text
    }
  }

  if (response.ok && !parseFailed && opts.server !== 'gateway') observeServerTimes(serverTimesIn(parsedBody), receivedAt)

  if (!response.ok) {
    const error = errorFromResponse(response.status, parseFailed ? '' : parsedBody, label, receivedAt - startedAt)
    if (error.code === 'unauthorized' && auth === 'bearer') settings.onUnauthorized?.(error)
    throw error
  }
  if (!opts.schema) return undefined as T
  if (parseFailed) {
    throw new ApiError({ status: response.status, code: 'invalid_response', message: 'The server answered with something that is not JSON.', request: label })
  }
  const result = opts.schema.safeParse(parsedBody)
  if (!result.success) {
    const first = result.error.issues[0]
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: `The server answered with unexpected data${first ? ` (${first.path.join('.') || 'body'}: ${first.message})` : ''}.`,
      request: label,
    })
  }
  return result.data
}
