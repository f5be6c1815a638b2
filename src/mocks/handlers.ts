// MSW handlers for the mock supervisor (`*/mock/supervisor/...`) and gateway (`*/mock/gateway/...`).
// Each server is one catch-all MSW handler that dispatches through a small restify-like router, so paths that do
// not exist answer 404 ResourceNotFound and wrong methods 405 MethodNotAllowed, like the real server.

import { delay, http, type HttpHandler } from 'msw'
import type { MockDb } from './db'
import { gatewayRoutes } from './handlers/gateway'
import {
  authFailedBody,
  bodyField,
  compileRoutes,
  decorate,
  empty,
  failResponse,
  findRoute,
  hasCredential,
  readBody,
  resourceNotFound,
  send,
  sessionConflictBody,
  type Ctx,
  type Route,
} from './handlers/http'
import { jobRoutes } from './handlers/jobs'
import { remoteOptionsHandlers, runTaskRoutes } from './handlers/run-tasks'
import { taskRoutes } from './handlers/tasks'
import { workflowRoutes } from './handlers/workflows'
import { parseQs } from './query'

export interface HandlerOptions {
  /** artificial latency added to every response (ms); default 0 */
  latencyMs?: number
}

export const SUPERVISOR_PREFIX = '/mock/supervisor'
export const GATEWAY_PREFIX = '/mock/gateway'

const supervisorRoutes = compileRoutes([...jobRoutes, ...taskRoutes, ...workflowRoutes, ...runTaskRoutes])
const gatewayCompiled = compileRoutes(gatewayRoutes)

/** passport-http-bearer: exactly one of header, query, body. */
function extractTokens(request: Request, query: Ctx['query'], body: unknown): string[] {
  const tokens: string[] = []
  const header = request.headers.get('authorization')
  const m = header ? /^Bearer\s+(.+)$/i.exec(header) : null
  if (m?.[1]) tokens.push(m[1].trim())
  if (typeof query.access_token === 'string' && query.access_token) tokens.push(query.access_token)
  const b = bodyField(body, 'access_token')
  if (typeof b === 'string' && b) tokens.push(b)
  return tokens
}

async function authorise(ctx: Ctx, route: Route): Promise<Response | null> {
  const auth = route.auth
  if (!auth) return null
  const tokens = extractTokens(ctx.request, ctx.query, ctx.body)
  if (tokens.length !== 1) return send(401, 'Unauthorized')
  const session = ctx.db.session(tokens[0]!)
  const user = session ? ctx.db.getUser(session.userId) : undefined
  if (!session || !user) return send(401, authFailedBody())
  ctx.session = session
  ctx.user = user
  ctx.customer = ctx.db.customerByName(session.customerName)
  if (auth.org === 'path') {
    const named = ctx.params.customer ?? bodyField(ctx.body, 'customer') ?? ctx.query.customer ?? session.customerName
    if (named !== session.customerName) return send(409, sessionConflictBody())
  }
  if (!hasCredential(session, auth.credential, auth.exact)) return send(403, 'forbidden')
  return null
}

async function dispatch(
  server: 'supervisor' | 'gateway',
  db: MockDb,
  request: Request,
  opts: HandlerOptions,
): Promise<Response> {
  const url = new URL(request.url)
  const prefix = server === 'supervisor' ? SUPERVISOR_PREFIX : GATEWAY_PREFIX
  const at = url.pathname.indexOf(prefix)
  const path = url.pathname.slice(at + prefix.length) || '/'
  const method = request.method.toUpperCase()
  if (opts.latencyMs && opts.latencyMs > 0) await delay(opts.latencyMs)
  if (method === 'OPTIONS') return empty(204)

  const failure = db.takeFailure({ method, path, url, server })
  if (failure) return failResponse(failure)

  const found = findRoute(server === 'supervisor' ? supervisorRoutes : gatewayCompiled, method, path)
  if (found === null) return resourceNotFound(path)
  if (found === 'method-not-allowed') return send(405, { code: 'MethodNotAllowed', message: `${method} is not allowed` })

  const ctx: Ctx = {
    db,
    request,
    url,
    method,
    path,
    params: found.params,
    query: parseQs(url.searchParams),
    body: await readBody(request),
  }
  const denied = await authorise(ctx, found.route)
  if (denied) return denied
  try {
    return await found.route.handle(ctx)
  } catch (error) {
    // res.sendError(other): 500 "Internal Server Error"
    console.error('[mock supervisor]', error)
    return send(500, 'Internal Server Error')
  }
}

export function createHandlers(getDb: () => MockDb, opts: HandlerOptions = {}): HttpHandler[] {
  const make = (server: 'supervisor' | 'gateway') => async ({ request }: { request: Request }) => {
    const db = getDb()
    const response = await dispatch(server, db, request, opts)
    return decorate(response, request, db.now())
  }
  return [
    http.all(`*${SUPERVISOR_PREFIX}/*`, make('supervisor')),
    http.all(`*${SUPERVISOR_PREFIX}`, make('supervisor')),
    http.all(`*${GATEWAY_PREFIX}/*`, make('gateway')),
    ...remoteOptionsHandlers(getDb),
  ]
}
