// Mock routes for running tasks (issue 14):
// - GET /monitor?where[type]=host: the host Resources (liveness of each bot). dbFilter adds an acl
//   filter for non-admins, and host resources carry no acl, so non-admins get [] (as on the real
//   server); admins see every host of their organisation.
// - the remote-options endpoints of seed/run-tasks.ts: plain MSW handlers (no token is expected or
//   read), one answering a list and one failing with 500.

import { http, HttpResponse, type HttpHandler } from 'msw'
import type { MockDb } from '../db'
import { REMOTE_OPTIONS_PATHS, REMOTE_TEAMS } from '../worlds/run-tasks'
import { send, type Route } from './http'
import { aclFilter } from './job-ops'

export const runTaskRoutes: Route[] = [
  {
    method: 'GET',
    path: '/monitor',
    auth: { credential: 'viewer', org: 'session' },
    handle: (ctx) => {
      const where = (ctx.query.where ?? {}) as Record<string, unknown>
      const acl = aclFilter(ctx)
      const now = ctx.db.now()
      const resources = ctx.db
        .hostsOf(ctx.customer!.id)
        .map((h) => ({
          id: `${h.id.slice(0, 20)}beef`,
          _type: 'Resource',
          type: 'host',
          name: h.hostname,
          hostname: h.hostname,
          host_id: h.id,
          customer_id: h.customer_id,
          state: h.state,
          fails_count: h.state === 'normal' ? 0 : 4,
          // a stopped bot last reported ~4 minutes ago (3 missed 60 s loops + the check interval)
          last_update: new Date(now - (h.state === 'normal' ? 12_000 : 4 * 60_000)).toISOString(),
          last_check: new Date(now - 5_000).toISOString(),
          acl: [] as string[],
          monitor: { looptime: 60000 },
        }))
        .filter((r) => (where.type === undefined || r.type === where.type) && (where.host_id === undefined || r.host_id === where.host_id))
        .filter(acl)
      return send(200, resources)
    },
  },
]

/** The remote-options endpoints, answered wherever the dashboard is served from. */
export function remoteOptionsHandlers(getDb: () => MockDb): HttpHandler[] {
  return [
    http.get(`*${REMOTE_OPTIONS_PATHS.teams}`, ({ request }) => {
      // A remote endpoint is not the supervisor: a token sent here would be a leak.
      if (request.headers.get('authorization')) return HttpResponse.json({ message: 'unexpected Authorization header' }, { status: 400 })
      const failure = getDb().takeFailure({ method: 'GET', path: REMOTE_OPTIONS_PATHS.teams, url: new URL(request.url), server: 'supervisor' })
      if (failure === 'network-error') return HttpResponse.error()
      if (failure === 'hang') return new Promise<Response>(() => {})
      if (failure) return HttpResponse.json((failure.body ?? null) as never, { status: failure.status })
      return HttpResponse.json(REMOTE_TEAMS)
    }),
    http.get(`*${REMOTE_OPTIONS_PATHS.broken}`, () => HttpResponse.json({ message: 'CRM is down for maintenance' }, { status: 500 })),
  ]
}
