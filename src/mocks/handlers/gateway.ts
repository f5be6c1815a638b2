// The mock gateway: login, session profile ("who am I") and organisation switch.

import { bodyField, send, type Ctx, type Route } from './http'
import type { GatewayUser, Session } from '../types'

// The real gateway's refusals (checked against theeye-gateway 1.19.1, npm run test:real):
//  - no or unreadable credentials, an unknown user: 401 with the JSON string "Unauthorized";
//  - a known user with a wrong password, a bad session token: 401 {message:"Unauthorized", statusCode:401, stack};
//  - the right password for an organization the user is not a member of: 403 ClientError "Forbidden".
function unauthorized(): Response {
  return send(401, 'Unauthorized')
}

function unauthorizedError(where: string): Response {
  return send(401, {
    stack: `Error: Unauthorized\n    at unauthorized (/gateway/server/services/authentication/index.js:684:15)\n    at ${where}`,
    message: 'Unauthorized',
    statusCode: 401,
  })
}

function notAMember(): Response {
  return send(403, {
    stack: 'ClientError: Forbidden\n    at Authentication.membersLogin (/gateway/server/services/authentication/index.js:448:15)',
    message: 'Forbidden',
    name: 'ClientError',
    code: '',
    status: 403,
  })
}

function bearer(ctx: Ctx): Session | undefined {
  const header = ctx.request.headers.get('authorization') ?? ''
  const m = /^Bearer\s+(.+)$/i.exec(header)
  const token = m?.[1] ?? (typeof ctx.query.access_token === 'string' ? ctx.query.access_token : undefined)
  return token ? ctx.db.session(token) : undefined
}

/** No token: the bare string; a token that is not a session: the error object. */
function bearerRefused(ctx: Ctx): Response {
  const header = ctx.request.headers.get('authorization') ?? ''
  return /^Bearer\s+\S/i.test(header) ? unauthorizedError('Strategy.verifySessionToken [as _verify] (/gateway/server/services/authentication/index.js:350:9)') : unauthorized()
}

/** A route for a signed-in session: the bearer's session and user, or the gateway's refusal. */
function withSession(handle: (ctx: Ctx, session: Session, user: GatewayUser) => Response): (ctx: Ctx) => Response {
  return (ctx) => {
    const session = bearer(ctx)
    const user = session ? ctx.db.getUser(session.userId) : undefined
    return session && user ? handle(ctx, session, user) : bearerRefused(ctx)
  }
}

function login(ctx: Ctx, identifier: string, password: string): Response {
  const user = ctx.db.userByLogin(identifier)
  if (!user || !user.password) return unauthorized()
  if (user.password !== password) return unauthorizedError('BasicStrategy.verifyUserPassword [as _verify] (/gateway/server/services/authentication/index.js:222:18)')
  const wanted = typeof ctx.query.customer === 'string' ? ctx.query.customer : undefined
  const membership = wanted ? user.memberships.find((m) => m.customer === wanted) : user.memberships[0]
  if (!membership) return notAMember()
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
    handle: withSession((ctx, session, user) => send(200, profileOf(ctx, session, user))),
  },
  {
    method: 'PUT',
    path: '/api/session/customer/:customerId',
    handle: withSession((ctx, _session, user) => {
      // An organization the user is not a member of, known or not: 403 ClientError "UserIsNoMember" (session.js:168).
      const noMember = () =>
        send(403, { stack: 'ClientError: Forbidden\n    at router.put.member.member (/gateway/server/router/session.js:168:15)', message: 'Forbidden', name: 'ClientError', code: 'UserIsNoMember', status: 403 })
      const customer = ctx.db.customerById(ctx.params.customerId ?? '')
      if (!customer) return noMember()
      const token = ctx.db.issueToken(user.id, customer.name)
      if (!token) return noMember()
      return send(200, { access_token: token })
    }),
  },
]
