// A tiny restify-like router used by the mock supervisor and gateway: one MSW handler per server dispatches here,
// so unknown paths answer restify's 404 ResourceNotFound and known paths with the wrong method 405 MethodNotAllowed,
// exactly like the real server does for the v2 per-job forms.

import { delay, HttpResponse } from 'msw'
import type { FailResponse, MockDb } from '../db'
import { parseQs, type QsObject } from '../query'
import { CREDENTIAL_LEVEL, type Credential, type Customer, type GatewayUser, type Session } from '../types'

export interface Ctx {
  db: MockDb
  request: Request
  url: URL
  method: string
  /** path relative to the server root */
  path: string
  params: Record<string, string>
  query: QsObject
  body: unknown
  session?: Session
  user?: GatewayUser
  /** the session's organisation */
  customer?: Customer
}

export interface RouteAuth {
  credential: Credential
  exact?: boolean
  /** 'path': path/body/query/session customer name must equal the token's org (409); 'session': token org only */
  org: 'path' | 'session'
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  path: string
  auth?: RouteAuth
  handle: (ctx: Ctx) => Response | Promise<Response>
}

// ---- responses ------------------------------------------------------------------------------------------------

/** restify res.send(status, body): always JSON, bare strings become JSON strings. */
export function send(status: number, body?: unknown): Response {
  if (body === undefined) return new HttpResponse(null, { status })
  return HttpResponse.json(body as never, { status })
}

export const empty = (status: number): Response => new HttpResponse(null, { status })

export const internalError = (): Response => send(500, 'Internal Server Error')

export function errorStack(message: string): string {
  return `Error: ${message}\n    at Object.<anonymous> (/src/core/lib/auth/index.js:112:19)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)`
}

export function authFailedBody(): Record<string, unknown> {
  return {
    stack: errorStack('authentication failed'),
    message: 'authentication failed',
    name: 'authentication failed',
    body: 'Unauthorized',
    statusCode: 401,
  }
}

export function sessionConflictBody(): Record<string, unknown> {
  return { stack: errorStack('Incorrect Organizations. Session conflict'), message: 'Incorrect Organizations. Session conflict', statusCode: 409 }
}

export const resourceNotFound = (path: string): Response =>
  send(404, { code: 'ResourceNotFound', message: `${path} does not exist` })

/** Never answers (the real server's unhandled ACL rejection). */
export async function hang(): Promise<Response> {
  await delay('infinite')
  return empty(504)
}

export async function failResponse(r: Exclude<FailResponse, 'done-then-hang' | { slowMs: number }>): Promise<Response> {
  if (r === 'network-error') return HttpResponse.error()
  if (r === 'hang') return hang()
  if (r.contentType && typeof r.body === 'string' && !r.contentType.includes('json')) {
    return new HttpResponse(r.body, { status: r.status, headers: { 'Content-Type': r.contentType } })
  }
  return send(r.status, r.body)
}

// ---- parsing --------------------------------------------------------------------------------------------------

export async function readBody(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined
  let text: string
  try {
    text = await request.text()
  } catch {
    return undefined
  }
  if (!text) return undefined
  const type = request.headers.get('content-type') ?? ''
  if (type.includes('application/x-www-form-urlencoded')) return parseQs(text)
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function bodyField(body: unknown, key: string): unknown {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined
}

export function hasCredential(session: Session, required: Credential, exact = false): boolean {
  const have = CREDENTIAL_LEVEL[session.credential]
  const need = CREDENTIAL_LEVEL[required]
  return exact ? have === need : have >= need
}

export const isAdmin = (session: Session | undefined): boolean => !!session && hasCredential(session, 'admin')

// ---- routing --------------------------------------------------------------------------------------------------

interface Compiled {
  route: Route
  segments: string[]
}

export function compileRoutes(routes: Route[]): Compiled[] {
  return routes.map((route) => ({ route, segments: route.path.split('/').filter(Boolean) }))
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!
    const a = actual[i]!
    if (p.startsWith(':')) params[p.slice(1)] = a
    else if (p !== a) return null
  }
  return params
}

export function findRoute(
  routes: Compiled[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | 'method-not-allowed' | null {
  const actual = path
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    })
  let pathMatched = false
  for (const c of routes) {
    const params = matchSegments(c.segments, actual)
    if (!params) continue
    pathMatched = true
    if (c.route.method === method) return { route: c.route, params }
  }
  return pathMatched ? 'method-not-allowed' : null
}

export const CORS_ALLOW_HEADERS =
  'Accept, Accept-Charset, Accept-Encoding, Accept-Version, Authorization, Cache-Control, Content-Length, Content-Type, Origin, User-Agent, X-Requested-With'

/** Adds the headers every real response carries (Date, CORS). Error responses (network error) are returned as-is. */
export function decorate(response: Response, request: Request, nowMs: number): Response {
  if (response.type === 'error') return response
  try {
    response.headers.set('Date', new Date(nowMs).toUTCString())
    response.headers.set('Access-Control-Allow-Origin', request.headers.get('origin') ?? '*')
    response.headers.set('Access-Control-Allow-Credentials', 'true')
    response.headers.set('Access-Control-Allow-Methods', 'GET,PUT,PATCH,POST,DELETE,OPTIONS')
    response.headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS)
  } catch {
    // immutable headers: leave the response untouched
  }
  return response
}
