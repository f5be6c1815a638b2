// The mock world: an in-memory, stateful stand-in for the supervisor's MongoDB and the gateway's sessions.
//
// Tokens (send ONE of: `Authorization: Bearer <token>`, `?access_token=`, body `access_token`):
//
//   token             user          user id                    org    credential  password (gateway login)
//   demo-token        jane          5a7360736124f504534a15fa   demo   manager     jane / jane-password
//   viewer-token      victor        5a7360736124f504534a1601   demo   viewer      victor / victor-password
//   admin-token       root-admin    5a7360736124f504534a1602   demo   admin       root-admin / root-password
//   other-org-token   jane          5a7360736124f504534a15fa   acme   manager     (PUT /api/session/customer/<acme id>)
//   agent-token       agent-demo    5a7360736124f504534a1600   demo   agent       (no password)
//   bob-token         bob           5a7360736124f504534a1603   demo   user        bob / bob-password
//
// jane is a *manager* (non-admin) on purpose: the non-admin paths of the real server are reachable for the demo
// user (cancel of a `cancellable:false` task -> 403, history delete -> 403 "forbidden"). admin-token is the admin.
// Organisations: demo = 5a7360736124f504534a15f9, acme = 5a7360736124f504534a1700. jane belongs to both.

import { iso } from './seed/random'
import { ACME_CUSTOMER, DEMO_CUSTOMER, HOST_IDS, TOKENS, USER_IDS } from './ids'
import type { Credential, Customer, GatewayUser, Host, JobDoc, Session, TaskDoc } from './types'

export * from './ids'
export type { Credential, Customer, GatewayUser, Host, JobDoc, Session, TaskDoc } from './types'

/** How a job id's `GET /:customer/job/:id` misbehaves in the `errors` scenario. */
export type FaultKind =
  | 'unauthorized'
  | 'authFailed'
  | 'sessionConflict'
  | 'forbidden'
  | 'notFoundObject'
  | 'resourceNotFound'
  | 'serverError'
  | 'badGateway'
  | 'hang'
  | 'networkError'

/** A canned answer for db.failNext(). */
export type FailResponse =
  | { status: number; body?: unknown; contentType?: string }
  | 'network-error'
  | 'hang'

export interface WorkflowDef {
  id: string
  name: string
  customer_id: string
  steps: string[]
}

export interface RequestInfo {
  method: string
  /** path relative to the mock server root, e.g. `/demo/job/65f...` */
  path: string
  url: URL
  server: 'supervisor' | 'gateway'
}

export type RequestMatcher = string | RegExp | ((req: RequestInfo) => boolean)

interface FailRule {
  matcher: RequestMatcher
  response: FailResponse
  remaining: number
}

export interface MockDbOptions {
  scenario: string
  /** the world's reference time (job dates are relative to it) */
  now: number
  /** clock; defaults to Date.now */
  clock?: () => number
}

export function defaultUsers(): GatewayUser[] {
  return [
    {
      id: USER_IDS.jane,
      username: 'jane',
      name: 'Jane Doe',
      email: 'jane@example.com',
      password: 'jane-password',
      memberships: [
        { customer: DEMO_CUSTOMER.name, credential: 'manager', member_id: '5a7360736124f504534a2001' },
        { customer: ACME_CUSTOMER.name, credential: 'manager', member_id: '5a7360736124f504534a2002' },
      ],
    },
    {
      id: USER_IDS.victor,
      username: 'victor',
      name: 'Victor Viewer',
      email: 'victor@example.com',
      password: 'victor-password',
      memberships: [{ customer: DEMO_CUSTOMER.name, credential: 'viewer', member_id: '5a7360736124f504534a2003' }],
    },
    {
      id: USER_IDS.rootAdmin,
      username: 'root-admin',
      name: 'Root Admin',
      email: 'root-admin@example.com',
      password: 'root-password',
      memberships: [{ customer: DEMO_CUSTOMER.name, credential: 'admin', member_id: '5a7360736124f504534a2004' }],
    },
    {
      id: USER_IDS.bob,
      username: 'bob',
      name: 'Bob Builder',
      email: 'bob@example.com',
      password: 'bob-password',
      memberships: [{ customer: DEMO_CUSTOMER.name, credential: 'user', member_id: '5a7360736124f504534a2005' }],
    },
    {
      id: USER_IDS.agent,
      username: 'agent-demo',
      name: 'agent-demo',
      email: 'agent-demo@theeye.io',
      password: '',
      memberships: [{ customer: DEMO_CUSTOMER.name, credential: 'agent', member_id: '5a7360736124f504534a2006' }],
    },
  ]
}

export function defaultHosts(): Host[] {
  return [
    { id: HOST_IDS.web01, hostname: 'web-01', customer_id: DEMO_CUSTOMER.id, state: 'normal' },
    { id: HOST_IDS.db01, hostname: 'db-01', customer_id: DEMO_CUSTOMER.id, state: 'normal' },
    { id: HOST_IDS.db02, hostname: 'db-02', customer_id: DEMO_CUSTOMER.id, state: 'updates_stopped' },
    { id: HOST_IDS.worker01, hostname: 'worker-01', customer_id: DEMO_CUSTOMER.id, state: 'normal' },
    { id: HOST_IDS.acme01, hostname: 'acme-app-01', customer_id: ACME_CUSTOMER.id, state: 'normal' },
  ]
}

export class MockDb {
  readonly scenario: string
  /** the reference time the world was built around */
  readonly worldNow: number
  customers: Customer[] = [{ ...DEMO_CUSTOMER }, { ...ACME_CUSTOMER }]
  users: GatewayUser[] = defaultUsers()
  hosts: Host[] = defaultHosts()
  tasks: TaskDoc[] = []
  /** workflow definitions: `steps` are task ids in execution order */
  workflows: WorkflowDef[] = []
  readonly sessions = new Map<string, Session>()
  /** errors scenario: per-job GET faults */
  readonly faults = new Map<string, FaultKind>()
  /** errors scenario: jobs whose cancel answers 403 "Job is not cancellable" for everyone */
  readonly cancelForbidden = new Set<string>()
  /** jobs the simulated agent must never touch (runaways, faults, hostile docs) */
  readonly frozenJobIds = new Set<string>()
  /** errors scenario: `where[name]=__fail__` -> 500, `where[name]=__hang__` -> never answers */
  listTriggers = false

  private jobList: JobDoc[] = []
  private byId = new Map<string, JobDoc>()
  private sorted = true
  private serial = 0
  private tokenSerial = 0
  private failRules: FailRule[] = []
  private clock: () => number
  private listeners = new Set<() => void>()
  private jobListeners = new Set<(job: JobDoc, operation: 'create' | 'update') => void>()

  constructor(opts: MockDbOptions) {
    this.scenario = opts.scenario
    this.worldNow = opts.now
    this.clock = opts.clock ?? (() => Date.now())
    const fixed: Array<[string, string, string, Credential]> = [
      [TOKENS.demo, USER_IDS.jane, DEMO_CUSTOMER.name, 'manager'],
      [TOKENS.viewer, USER_IDS.victor, DEMO_CUSTOMER.name, 'viewer'],
      [TOKENS.admin, USER_IDS.rootAdmin, DEMO_CUSTOMER.name, 'admin'],
      [TOKENS.otherOrg, USER_IDS.jane, ACME_CUSTOMER.name, 'manager'],
      [TOKENS.agent, USER_IDS.agent, DEMO_CUSTOMER.name, 'agent'],
      [TOKENS.bob, USER_IDS.bob, DEMO_CUSTOMER.name, 'user'],
    ]
    for (const [token, userId, customerName, credential] of fixed) this.sessions.set(token, { token, userId, customerName, credential })
  }

  // ---- clock -------------------------------------------------------------------------------------------------

  now(): number {
    return this.clock()
  }

  nowIso(): string {
    return iso(this.clock())
  }

  /** Override the clock: a fixed epoch-ms value or a function. */
  setNow(value: number | (() => number)): void {
    this.clock = typeof value === 'number' ? () => value : value
  }

  // ---- ids ---------------------------------------------------------------------------------------------------

  nextSerial(): number {
    return ++this.serial
  }

  /** A new job id whose time part sorts after every job created earlier. */
  newJobId(at: number = this.now()): string {
    const rel = Math.floor((at - this.worldNow) / 1000)
    const t = (0x65f00000 + rel) >>> 0
    return t.toString(16).padStart(8, '0') + (0x100000 + this.nextSerial()).toString(16).padStart(16, '0')
  }

  // ---- jobs --------------------------------------------------------------------------------------------------

  /** All jobs in `_id` order (natural order). */
  jobs(): readonly JobDoc[] {
    if (!this.sorted) {
      this.jobList.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      this.sorted = true
    }
    return this.jobList
  }

  getJob(id: string): JobDoc | undefined {
    return this.byId.get(id)
  }

  insertJob(job: JobDoc): JobDoc {
    const last = this.jobList[this.jobList.length - 1]
    if (last && last.id > job.id) this.sorted = false
    this.jobList.push(job)
    this.byId.set(job.id, job)
    this.changed()
    this.jobChanged(job, 'create')
    return job
  }

  /** Bulk insert without notifying (world building). */
  insertMany(jobs: JobDoc[]): void {
    for (const job of jobs) {
      this.jobList.push(job)
      this.byId.set(job.id, job)
    }
    this.sorted = false
  }

  removeJobs(predicate: (job: JobDoc) => boolean): number {
    const before = this.jobList.length
    this.jobList = this.jobList.filter((j) => {
      if (!predicate(j)) return true
      this.byId.delete(j.id)
      return false
    })
    const removed = before - this.jobList.length
    if (removed) this.changed()
    return removed
  }

  /** Apply a mutation and bump last_update (every real save runs pre('save') last_update = now). */
  updateJob(job: JobDoc, mutate?: (job: JobDoc) => void): JobDoc {
    mutate?.(job)
    job.last_update = this.nowIso()
    this.changed()
    this.jobChanged(job, 'update')
    return job
  }

  // ---- tasks, users, hosts -----------------------------------------------------------------------------------

  getTask(id: string): TaskDoc | undefined {
    return this.tasks.find((t) => t.id === id)
  }

  tasksOf(customerId: string): TaskDoc[] {
    return this.tasks.filter((t) => t.customer_id === customerId)
  }

  customerByName(name: string): Customer | undefined {
    return this.customers.find((c) => c.name === name)
  }

  customerById(id: string): Customer | undefined {
    return this.customers.find((c) => c.id === id)
  }

  getUser(id: string): GatewayUser | undefined {
    return this.users.find((u) => u.id === id)
  }

  userByLogin(login: string): GatewayUser | undefined {
    return this.users.find((u) => u.username === login || u.email === login)
  }

  hostsOf(customerId: string): Host[] {
    return this.hosts.filter((h) => h.customer_id === customerId)
  }

  // ---- sessions ----------------------------------------------------------------------------------------------

  session(token: string): Session | undefined {
    return this.sessions.get(token)
  }

  /**
   * Token for a user in an organisation. The well-known tokens are reused (jane@demo -> demo-token,
   * jane@acme -> other-org-token, ...) so logging in yields the documented token.
   */
  issueToken(userId: string, customerName: string): string | undefined {
    const user = this.getUser(userId)
    const membership = user?.memberships.find((m) => m.customer === customerName)
    if (!user || !membership) return undefined
    for (const s of this.sessions.values()) {
      if (s.userId === userId && s.customerName === customerName && !s.token.startsWith('session-')) return s.token
    }
    const token = `session-${++this.tokenSerial}-${user.username}-${customerName}`
    this.sessions.set(token, { token, userId, customerName, credential: membership.credential })
    return token
  }

  // ---- fault injection ---------------------------------------------------------------------------------------

  /**
   * Make the next `times` requests matching `matcher` answer `response` instead of the normal handler.
   * matcher: a substring of / RegExp on `${METHOD} ${path}` (e.g. 'GET /demo/job', /PUT .*\/cancel$/) or a function.
   */
  failNext(matcher: RequestMatcher, response: FailResponse, times = 1): void {
    this.failRules.push({ matcher, response, remaining: times })
  }

  clearFailures(): void {
    this.failRules = []
  }

  /** Used by the handlers: consume the first matching failure rule. */
  takeFailure(req: RequestInfo): FailResponse | undefined {
    const line = `${req.method} ${req.path}`
    const idx = this.failRules.findIndex((r) =>
      typeof r.matcher === 'string' ? line.includes(r.matcher) : r.matcher instanceof RegExp ? r.matcher.test(line) : r.matcher(req),
    )
    if (idx === -1) return undefined
    const rule = this.failRules[idx]!
    rule.remaining -= 1
    if (rule.remaining <= 0) this.failRules.splice(idx, 1)
    return rule.response
  }

  // ---- change notification (for the browser devtools / agent) -----------------------------------------------

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  changed(): void {
    for (const l of this.listeners) l()
  }

  /** Per-job changes (created, updated), for the mock gateway's socket events (mocks/socket.ts). */
  onJobChange(listener: (job: JobDoc, operation: 'create' | 'update') => void): () => void {
    this.jobListeners.add(listener)
    return () => this.jobListeners.delete(listener)
  }

  private jobChanged(job: JobDoc, operation: 'create' | 'update'): void {
    for (const l of this.jobListeners) l(job, operation)
  }
}
