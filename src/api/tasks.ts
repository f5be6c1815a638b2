import { currentCustomer, getApiSettings, request, type Call } from './client'
import { jobSchema, type Job } from './schemas/job'
import { fromParser, isRecord } from './schemas/tolerant'

/**
 * Running tasks and workflows (theeye-api-workflows-tasks-sockets.md § B) and reading whether a
 * task's bot is reporting (§ E). Listing and reading tasks and hosts lives in jobs.ts already.
 */

/**
 * #26 `POST /:customer/task/:task/job {task_arguments}` (the route theeye-web uses). The server
 * checks only the array's length and matches values by position (`order`): the caller sends a
 * full array indexed by `order` (see features/tasks/argument-values.ts). A missing value is NOT
 * an HTTP error: the answer is 200 with a job already `terminated`/`error`.
 */
export function runTask(taskId: string, taskArguments: unknown[], { signal }: Call = {}): Promise<Job> {
  return request({
    method: 'POST',
    path: [currentCustomer(), 'task', taskId, 'job'],
    body: { task_arguments: taskArguments },
    signal,
    schema: jobSchema,
  })
}

/** A bot's liveness, from its host Resource (§ E). */
export interface HostLiveness {
  hostId: string
  hostname?: string
  /** normal = reporting; updates_stopped = silent; failure / error also possible; undefined = no state. */
  state?: string
  lastUpdate?: string
}

const livenessListSchema = fromParser((raw) => {
  if (!Array.isArray(raw)) throw new TypeError('expected a list of resources')
  return raw.flatMap((r): HostLiveness[] => {
    if (!isRecord(r)) return []
    const hostId = typeof r.host_id === 'string' ? r.host_id : null
    if (!hostId) return []
    return [
      {
        hostId,
        hostname: typeof r.hostname === 'string' ? r.hostname : undefined,
        state: typeof r.state === 'string' ? r.state : undefined,
        lastUpdate: typeof r.last_update === 'string' ? r.last_update : undefined,
      },
    ]
  })
})

/**
 * `GET /monitor?where[type]=host`: the host Resources of the organization (what theeye-web reads).
 * Host resources carry no acl, so non-admins usually get an empty list: callers treat a host with
 * no resource as "unknown", never as "not reporting".
 */
export function listHostLiveness({ signal }: Call = {}): Promise<HostLiveness[]> {
  return request({ path: ['monitor'], query: { where: { type: 'host' } }, signal, schema: livenessListSchema })
}

/* ---------------- remote options (not the supervisor) ---------------- */

export interface RemoteOption {
  id: string
  label: string
  /** The item's id exactly as the endpoint sent it. */
  rawId: unknown
}

export type RemoteOptionsErrorKind = 'blocked' | 'network' | 'timeout' | 'http' | 'format' | 'invalid-url'

export class RemoteOptionsError extends Error {
  readonly kind: RemoteOptionsErrorKind
  constructor(kind: RemoteOptionsErrorKind, message: string) {
    super(message)
    this.kind = kind
    this.name = 'RemoteOptionsError'
  }
}

/** Reads the options a remote endpoint answers: a JSON array; each item's id/text by the definition's attributes. */
export function parseRemoteOptions(raw: unknown, idAttribute = 'id', textAttribute = 'label'): RemoteOption[] {
  if (!Array.isArray(raw)) throw new RemoteOptionsError('format', 'The endpoint did not answer with a list (a JSON array).')
  const out: RemoteOption[] = []
  const seen = new Set<string>()
  for (const item of raw) {
    let rawId: unknown
    let text: unknown
    if (isRecord(item)) {
      rawId = item[idAttribute]
      text = item[textAttribute] ?? rawId
    } else if (typeof item === 'string' || typeof item === 'number') {
      rawId = item
      text = item
    }
    if (rawId === undefined || rawId === null || (typeof rawId === 'object')) continue
    const id = String(rawId)
    if (seen.has(id)) continue
    seen.add(id)
    out.push({ id, label: typeof text === 'object' ? id : String(text), rawId })
  }
  if (raw.length > 0 && out.length === 0) {
    throw new RemoteOptionsError('format', `The endpoint's items have no "${idAttribute}" field, so no option can be offered.`)
  }
  return out
}

/** Substitutes theeye-web's placeholder. */
export function remoteOptionsUrl(endpointUrl: string, userEmail: string | undefined, base: string): URL {
  const filled = endpointUrl.replace(/%THEEYE_USER_EMAIL%/g, encodeURIComponent(userEmail ?? ''))
  let url: URL
  try {
    url = new URL(filled, base)
  } catch {
    throw new RemoteOptionsError('invalid-url', `The options address “${endpointUrl}” is not a valid URL.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RemoteOptionsError('invalid-url', `The options address “${endpointUrl}” is not an http(s) URL.`)
  }
  return url
}

/**
 * Fetches a remote-options endpoint from the browser, as theeye-web does: a plain GET with NO
 * token and no cookies (the endpoint is not the supervisor: the session's token never goes
 * there). `isBlocked` tells whether the dashboard's Content-Security-Policy refuses the origin, so
 * the error can say so instead of blaming the network.
 */
export async function fetchRemoteOptions(
  opts: { url: URL; idAttribute?: string; textAttribute?: string; timeoutMs?: number; isBlocked?: (url: URL) => boolean },
  { signal }: Call = {},
): Promise<RemoteOption[]> {
  const { url } = opts
  if (opts.isBlocked?.(url)) {
    throw new RemoteOptionsError(
      'blocked',
      `The dashboard's security policy (Content-Security-Policy connect-src) does not allow requests to ${url.origin}, so these options cannot be loaded here. Ask whoever deploys the dashboard to allow that origin, or run the task from TheEye's own interface.`,
    )
  }
  const controller = new AbortController()
  let timedOut = false
  const timeoutMs = opts.timeoutMs ?? getApiSettings().timeoutMs
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const onAbort = () => controller.abort()
  signal?.addEventListener('abort', onAbort, { once: true })
  let response: Response
  let text: string
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal: controller.signal,
    })
    text = await response.text()
  } catch {
    if (timedOut) throw new RemoteOptionsError('timeout', `${url.origin} did not answer within ${Math.round(timeoutMs / 1000)} s.`)
    if (signal?.aborted) throw new RemoteOptionsError('network', 'The request was cancelled.')
    throw new RemoteOptionsError(
      'network',
      `Could not reach ${url.origin}. It may be down, or it may not allow requests from this dashboard (CORS).`,
    )
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
  if (!response.ok) throw new RemoteOptionsError('http', `${url.origin} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new RemoteOptionsError('format', 'The endpoint did not answer with JSON.')
  }
  return parseRemoteOptions(parsed, opts.idAttribute || 'id', opts.textAttribute || 'label')
}
