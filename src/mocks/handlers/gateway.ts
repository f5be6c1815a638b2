// The mock gateway: login, session profile ("who am I") and organisation switch.

import { bodyField, send, type Ctx, type Route } from './http'
import type { GatewayUser, Session } from '../types'

function unauthorized(): Response {
  // passport's default 401: a plain-text body
  return new Response('Unauthorized', { status: 401, headers: { 'Content-Type': 'text/plain' } })
}

function bearer(ctx: Ctx): Session | undefined {
  const header = ctx.request.headers.get('authorization') ?? ''
  const m = /^Bearer\s+(.+)$/i.exec(header)
  const token = m?.[1] ?? (typeof ctx.query.access_token === 'string' ? ctx.query.access_token : undefined)
  return token ? ctx.db.session(token) : undefined
}

function login(ctx: Ctx, identifier: string, password: string): Response {
  const user = ctx.db.userByLogin(identifier)
  if (!user || !user.password || user.password !== password) return unauthorized()
  const wanted = typeof ctx.query.customer === 'string' ? ctx.query.customer : undefined
  const membership = wanted ? user.memberships.find((m) => m.customer === wanted) : user.memberships[0]
  if (!membership) return unauthorized()
  const token = ctx.db.issueToken(user.id, membership.customer)
  return token ? send(200, { access_token: token }) : unauthorized()
}

export function profileOf(ctx: Ctx, session: Session, user: GatewayUser): Record<string, unknown> {
  const customers = user.memberships
    .map((m) => ctx.db.customerByName(m.customer))
    .filter((c) => c !== undefined)
    .map((c) => ({ id: c.id, name: c.name, display_name: c.display_name }))
  const current = ctx.db.customerByName(session.customerName)
  const membership = user.memberships.find((m) => m.customer === session.customerName)
  return {
    id: user.id,
    customers,
    name: user.name,
    username: user.username,
    email: user.email,
    current_customer: current ? { id: current.id, name: current.name, display_name: current.display_name, config: {} } : null,
    credential: session.credential,
    member_id: membership?.member_id,
    protocol: 'local',
    onboardingCompleted: true,
  }
}

export const gatewayRoutes: Route[] = [
  {
    method: 'POST',
    path: '/api/auth/login',
    handle: (ctx) => {
      const header = ctx.request.headers.get('authorization') ?? ''
      const m = /^Basic\s+(.+)$/i.exec(header)
      if (!m) return unauthorized()
      let decoded: string
      try {
        decoded = atob(m[1]!)
      } catch {
        return unauthorized()
      }
      const idx = decoded.indexOf(':')
      if (idx < 0) return unauthorized()
      return login(ctx, decoded.slice(0, idx), decoded.slice(idx + 1))
    },
  },
  // legacy form
  {
    method: 'POST',
    path: '/auth/login',
    handle: (ctx) => login(ctx, String(bodyField(ctx.body, 'identifier') ?? ''), String(bodyField(ctx.body, 'password') ?? '')),
  },
  {
    method: 'GET',
    path: '/api/session/profile',
    handle: (ctx) => {
      const session = bearer(ctx)
      const user = session ? ctx.db.getUser(session.userId) : undefined
      if (!session || !user) return unauthorized()
      return send(200, profileOf(ctx, session, user))
    },
  },
  {
    method: 'PUT',
    path: '/api/session/customer/:customerId',
    handle: (ctx) => {
      const session = bearer(ctx)
      const user = session ? ctx.db.getUser(session.userId) : undefined
      if (!session || !user) return unauthorized()
      const customer = ctx.db.customerById(ctx.params.customerId ?? '')
      if (!customer) return send(404, { statusCode: 404, message: 'Not Found' })
      const token = ctx.db.issueToken(user.id, customer.name)
      if (!token) return send(403, { statusCode: 403, message: 'Forbidden' })
      return send(200, { access_token: token })
    },
  },
]
