// The mock gateway's socket.io (mock mode only): the same events the real gateway relays, pushed when the simulated
// agent or a user changes a job in the mock world. MSW intercepts the page's WebSocket (no server, `npm run dev` stays
// server-free); @mswjs/socket.io-binding encodes the events. The binding has no acks, so the handshake
// (`post:authorize`, `post:autosubscribe`, each acked like theeye-gateway's server/services/notifications/sockets)
// is answered here on the raw engine.io frames. The binding's engine.io handshake announces a 25 s ping interval:
// this server pings, as a real one does, or the client would drop the connection after 30 s.

import { toSocketIo } from '@mswjs/socket.io-binding'
import { ws } from 'msw'
import type { MockDb } from './db'
import type { JobDoc } from './types'

const FULL_ACCESS = new Set(['root', 'owner', 'admin'])

/** The trimmed job model of a socket event (supervisor core/service/job/register.js jobToEventModel). */
const EVENT_FIELDS = [
  'acl',
  'approvers',
  'assigned_users',
  'cancellable',
  'components',
  'next',
  'creation_date',
  'customer_id',
  '_id',
  'id',
  'lifecycle',
  'name',
  'order',
  'state',
  'task_id',
  '_type',
  'type',
  'user_id',
  'user_inputs',
  'user_inputs_members',
  'workflow_id',
  'workflow_job_id',
  'show_result',
] as const

export function toEventModel(job: JobDoc): Record<string, unknown> {
  const model: Record<string, unknown> = {}
  for (const key of EVENT_FIELDS) if (job[key] !== undefined) model[key] = structuredClone(job[key])
  model.id ??= job.id
  model._id ??= job.id
  const task = job.task
  if (task && typeof task === 'object') {
    const t = task as Record<string, unknown>
    model.task = { id: t.id ?? t._id, _id: t._id ?? t.id, type: t.type, _type: t._type, name: t.name }
  }
  return model
}

/** Who a subscribed socket is: its organization (kept after a switch, like the gateway's rooms) and ACL names. */
export interface Audience {
  organizationId: string
  fullAccess: boolean
  /** email, credential: what a job's `acl` may name */
  aclNames: string[]
}

interface Subscriber extends Audience {
  send: (topic: string, data: unknown) => void
}

export interface MockJobEvent {
  topic: 'job-crud' | 'workflow-job-crud'
  data: Record<string, unknown>
  organizationId: string
  acl: unknown[]
}

/**
 * The event the supervisor sends (through the gateway) for a job change: none without `notify`
 * (AgentUpdateJob); a WorkflowJob's own updates go out as `workflow-job-crud`.
 */
export function jobEvent(db: MockDb, job: JobDoc, operation: 'create' | 'update'): MockJobEvent | null {
  if (job._type === 'AgentUpdateJob' || job.notify === false) return null
  const customer = db.customers.find((c) => c.id === job.customer_id || c.name === job.customer_name)
  if (!customer) return null
  return {
    topic: job._type === 'WorkflowJob' && operation === 'update' ? 'workflow-job-crud' : 'job-crud',
    data: {
      operation,
      ...(typeof job.hostname === 'string' ? { hostname: job.hostname } : {}),
      organization: customer.name,
      organization_id: customer.id,
      model_id: job.id,
      model_type: job._type,
      model: toEventModel(job),
    },
    organizationId: customer.id,
    acl: Array.isArray(job.acl) ? (job.acl as unknown[]) : [],
  }
}

/** The gateway's delivery: every event to the organization's admins, to other members when the ACL names them. */
export function receives(audience: Audience, event: MockJobEvent): boolean {
  if (audience.organizationId !== event.organizationId) return false
  return audience.fullAccess || audience.aclNames.some((n) => event.acl.includes(n))
}

/** Who a token's session is, for `post:autosubscribe`; null when the token is not a session. */
export function audienceOf(db: MockDb, token: string | null): Audience | null {
  const session = token ? db.session(token) : undefined
  const user = session ? db.getUser(session.userId) : undefined
  const customer = session ? db.customerByName(session.customerName) : undefined
  if (!session || !user || !customer) return null
  return { organizationId: customer.id, fullAccess: FULL_ACCESS.has(session.credential), aclNames: [user.email, session.credential] }
}

export interface MockSocketOptions {
  /** errors scenario: the socket drops every `dropEveryMs` and comes back after `downMs` */
  dropEveryMs?: number
  downMs?: number
  /** delay before an event is pushed (the real one is a fire-and-forget HTTP hop); default 15 ms */
  eventDelayMs?: number
}

export interface MockSocketControl {
  /** Drop every connection now and refuse new ones for `ms` (default 3000); Infinity until restore(). */
  drop: (ms?: number) => void
  restore: () => void
  /** Open, subscribed connections. */
  subscribers: () => number
}

export function createMockSocket(getDb: () => MockDb, opts: MockSocketOptions = {}) {
  const subscribers = new Set<Subscriber>()
  const closers = new Set<() => void>()
  let refuseUntil = 0
  let detach: () => void = () => {}

  const push = (job: JobDoc, operation: 'create' | 'update') => {
    const event = jobEvent(getDb(), job, operation)
    if (!event) return
    setTimeout(() => {
      for (const s of subscribers) if (receives(s, event)) s.send(event.topic, event.data)
    }, opts.eventDelayMs ?? 15)
  }

  /** Follow a (new) world's job changes. */
  const attach = (db: MockDb) => {
    detach()
    detach = db.onJobChange(push)
  }

  const handler = ws.link(/\/mock\/gateway\/socket\.io\//).addEventListener('connection', (connection) => {
    const { client } = connection
    if (Date.now() < refuseUntil) {
      client.close(1011, 'gateway unavailable')
      return
    }
    const io = toSocketIo(connection)
    let token: string | null = null
    let authorized = false
    const self: Subscriber = { send: (topic, data) => io.client.emit(topic, data), organizationId: '', fullAccess: false, aclNames: [] }
    const ack = (ackId: string, body: unknown) => client.send(`43${ackId}${JSON.stringify([body])}`)
    const ping = setInterval(() => client.send('2'), 25_000)
    const close = () => {
      clearInterval(ping)
      subscribers.delete(self)
      closers.delete(closeNow)
    }
    const closeNow = () => {
      close()
      client.close(1011, 'dropped')
    }
    closers.add(closeNow)
    client.addEventListener('close', close)
    client.addEventListener('message', (event) => {
      const raw = event.data
      if (typeof raw !== 'string') return
      // 40{auth}: the socket.io CONNECT packet carries the handshake auth (never the URL).
      if (raw.startsWith('40')) {
        try {
          const auth = JSON.parse(raw.slice(2) || '{}') as { access_token?: unknown }
          token = typeof auth.access_token === 'string' ? auth.access_token : null
        } catch {
          token = null
        }
        return
      }
      // 42<ackId>["event", params]
      const m = /^42(\d+)(\[[\s\S]*\])$/.exec(raw)
      if (!m) return
      const ackId = m[1]!
      let name: unknown
      try {
        ;[name] = JSON.parse(m[2]!) as unknown[]
      } catch {
        return
      }
      const audience = audienceOf(getDb(), token)
      if (name === 'post:authorize') {
        if (!audience) {
          ack(ackId, { status: 401, message: 'authentication error' })
          setTimeout(closeNow, 0)
          return
        }
        authorized = true
        ack(ackId, { status: 200, message: 'authorized' })
        return
      }
      if (!authorized) {
        ack(ackId, { status: 401, message: 'Incompleted authorization handshake' })
        return
      }
      if (!audience) {
        ack(ackId, { status: 401, message: 'authentication error' })
        return
      }
      if (name === 'post:autosubscribe') {
        Object.assign(self, audience)
        subscribers.add(self)
        ack(ackId, { status: 200, body: { message: 'auto-subscription success' } })
        return
      }
      ack(ackId, { status: 200, body: [] })
    })
  })

  const control: MockSocketControl = {
    drop: (ms = 3000) => {
      refuseUntil = Date.now() + ms
      for (const c of [...closers]) c()
    },
    restore: () => {
      refuseUntil = 0
    },
    subscribers: () => subscribers.size,
  }

  let dropTimer: ReturnType<typeof setInterval> | undefined
  if (opts.dropEveryMs) dropTimer = setInterval(() => control.drop(opts.downMs ?? 4000), opts.dropEveryMs)

  return {
    handler,
    attach,
    control,
    stop: () => {
      detach()
      if (dropTimer) clearInterval(dropTimer)
    },
  }
}
