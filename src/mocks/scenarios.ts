// Named worlds. Every job date is relative to `now` (default: Date.now() at call time), so "45 minutes ago" stays
// 45 minutes ago whenever the world is created; ids of well-known jobs are constants (see ids.ts).

import { runTasks } from './seed/run-tasks'
import { MockDb } from './db'
import {
  ANSI,
  buildAgentUpdateJob,
  buildJob,
  buildTask,
  buildWorkflowJob,
  cancelJob,
  createRng,
  finishJob,
  iso,
  resolveArguments,
  resultUser,
  scriptFile,
  timeoutJob,
  toOutputStrings,
  userFor,
  type JobContext,
  type Rng,
} from './factories'
import {
  ACME_CUSTOMER,
  APPROVAL_AGES,
  APPROVAL_JOB_IDS,
  DEMO_CUSTOMER,
  FAULT_JOB_IDS,
  FOREIGN_APPROVAL_JOB_ID,
  HOST_IDS,
  HOSTILE_JOB_IDS,
  HOSTILE_SECRETS,
  RUNAWAY_AGES,
  RUNAWAY_JOB_ID_MAP,
  RUNAWAY_JOB_IDS,
  SCRIPT_IDS,
  SPECIAL_JOB_IDS,
  TASK_IDS,
  USER_IDS,
  WORKFLOW_IDS,
  XSS_PAYLOADS,
  objectId,
} from './ids'
import type { JobDoc, TaskDoc } from './types'

export type ScenarioName = 'default' | 'empty' | 'big' | 'errors' | 'hostile'

export const SCENARIO_NAMES: readonly ScenarioName[] = ['default', 'empty', 'big', 'errors', 'hostile']

export function parseScenario(value: string | null | undefined): ScenarioName {
  return SCENARIO_NAMES.includes(value as ScenarioName) ? (value as ScenarioName) : 'default'
}

/** Task secrets (for `POST /job/secret/:secret`), 64 hex chars each. */
export const TASK_SECRETS: Record<string, string> = Object.fromEntries(
  Object.entries(TASK_IDS).map(([, id], i) => [id, (id + id + id).slice(0, 62) + (i + 16).toString(16).padStart(2, '0')]),
)

export const HOSTILE_TASK_ID = '65f1bf002a9b4c0012ab33f0'
export const HOSTILE_SECRETS_TASK_ID = '65f1bf002a9b4c0012ab33f1'

const DEMO_ACL = ['jane@example.com', 'victor@example.com', 'bob@example.com']
const SEC = 1000
const MIN = 60 * SEC
const HOUR = 60 * MIN

// ---------------------------------------------------------------------------------------------------------------
// tasks

function demoTasks(rng: Rng): TaskDoc[] {
  const t = (spec: Parameters<typeof buildTask>[0]) => buildTask({ acl: DEMO_ACL, ...spec })
  return [
    t({
      id: TASK_IDS.backupDb,
      name: 'Backup DB',
      type: 'script',
      hostId: HOST_IDS.db01,
      secret: TASK_SECRETS[TASK_IDS.backupDb]!,
      args: [
        { id: 1, order: 0, type: 'input', label: 'database', required: true, help: 'database name', charsmin: 2, charsmax: 40 },
        {
          id: 2,
          order: 1,
          type: 'select',
          label: 'mode',
          required: true,
          options: [
            { id: 'full', label: 'full' },
            { id: 'incremental', label: 'incremental' },
          ],
        },
        { id: 3, order: 2, type: 'date', label: 'since', required: false },
        { id: 4, order: 3, type: 'fixed', label: 'compression', value: 'gzip', readonly: true },
      ],
      extra: {
        timeout: 600000,
        script_id: SCRIPT_IDS.backup,
        script: scriptFile(SCRIPT_IDS.backup, 'backup.sh', rng),
        env: { DB_HOST: 'db.internal' },
        description: 'Dump a database to /backups',
      },
    }),
    t({
      id: TASK_IDS.rotateLogs,
      name: 'Rotate logs',
      type: 'script',
      hostId: HOST_IDS.db02,
      secret: TASK_SECRETS[TASK_IDS.rotateLogs]!,
      args: [{ id: 1, order: 0, type: 'input', label: 'path', required: true, value: '/var/log/app' }],
      extra: { timeout: 600000, script_id: SCRIPT_IDS.rotate, script: scriptFile(SCRIPT_IDS.rotate, 'rotate.sh', rng) },
    }),
    t({
      id: TASK_IDS.syncInventory,
      name: 'Sync inventory',
      type: 'script',
      hostId: HOST_IDS.worker01,
      secret: TASK_SECRETS[TASK_IDS.syncInventory]!,
      args: [
        {
          id: 1,
          order: 0,
          type: 'select',
          label: 'source',
          required: true,
          options: [
            { id: 'erp', label: 'ERP' },
            { id: 'shop', label: 'Web shop' },
          ],
        },
      ],
      extra: { timeout: 3600000, script_id: SCRIPT_IDS.sync, script: scriptFile(SCRIPT_IDS.sync, 'sync.sh', rng) },
    }),
    t({
      id: TASK_IDS.deployWeb,
      name: 'Deploy web',
      type: 'script',
      hostId: HOST_IDS.web01,
      secret: TASK_SECRETS[TASK_IDS.deployWeb]!,
      args: [
        {
          id: 1,
          order: 0,
          type: 'select',
          label: 'environment',
          required: true,
          options: [
            { id: 'staging', label: 'staging' },
            { id: 'production', label: 'production' },
          ],
        },
        { id: 2, order: 1, type: 'input', label: 'version', required: true, pattern: '^v\\d+\\.\\d+\\.\\d+$', help: 'e.g. v1.4.2' },
        { id: 3, order: 2, type: 'date', label: 'window', required: false },
        { id: 4, order: 3, type: 'input', label: 'api_key', required: false, masked: true },
      ],
      extra: {
        cancellable: false,
        timeout: 900000,
        script_id: SCRIPT_IDS.deploy,
        script: scriptFile(SCRIPT_IDS.deploy, 'deploy.sh', rng),
        env: { APP_DIR: '/srv/web' },
      },
    }),
    t({
      id: TASK_IDS.cleanupTmp,
      name: 'Cleanup tmp',
      type: 'script',
      hostId: HOST_IDS.web01,
      secret: TASK_SECRETS[TASK_IDS.cleanupTmp]!,
      args: [{ id: 1, order: 0, type: 'input', label: 'directory', required: true, charsmin: 2, charsmax: 64, pattern: '^/' }],
      extra: { timeout: 120000, script_id: SCRIPT_IDS.cleanup, script: scriptFile(SCRIPT_IDS.cleanup, 'cleanup.sh', rng) },
    }),
    t({
      id: TASK_IDS.checkHomepage,
      name: 'Check homepage',
      type: 'scraper',
      hostId: HOST_IDS.web01,
      secret: TASK_SECRETS[TASK_IDS.checkHomepage]!,
    }),
    t({
      id: TASK_IDS.generateReport,
      name: 'Generate report',
      type: 'nodejs',
      hostId: HOST_IDS.worker01,
      secret: TASK_SECRETS[TASK_IDS.generateReport]!,
      args: [
        {
          id: 1,
          order: 0,
          type: 'select',
          label: 'format',
          required: true,
          options: [
            { id: 'pdf', label: 'PDF' },
            { id: 'csv', label: 'CSV' },
          ],
        },
      ],
      extra: { timeout: 600000, script_id: SCRIPT_IDS.report, script: scriptFile(SCRIPT_IDS.report, 'report.js', rng) },
    }),
    t({
      id: TASK_IDS.notifyOncall,
      name: 'Notify on-call',
      type: 'notification',
      secret: TASK_SECRETS[TASK_IDS.notifyOncall]!,
      extra: { subject: 'Alert', body: 'Something needs attention', recipients: ['oncall@example.com'], notificationTypes: { email: true, push: true } },
    }),
    t({
      id: TASK_IDS.collectTicket,
      name: 'Collect ticket data',
      type: 'dummy',
      secret: TASK_SECRETS[TASK_IDS.collectTicket]!,
      args: [
        { id: 1, order: 0, type: 'input', label: 'ticket', required: true, charsmin: 5, charsmax: 20, pattern: '^INC-\\d+$', help: 'INC-1234' },
        {
          id: 2,
          order: 1,
          type: 'select',
          label: 'priority',
          required: true,
          options: [
            { id: 'low', label: 'low' },
            { id: 'medium', label: 'medium' },
            { id: 'high', label: 'high' },
          ],
        },
        { id: 3, order: 2, type: 'input', label: 'notes', required: false, charsmax: 200 },
      ],
      extra: { user_inputs: true },
    }),
    t({
      id: TASK_IDS.approveDeploy,
      name: 'Approve deploy',
      type: 'approval',
      secret: TASK_SECRETS[TASK_IDS.approveDeploy]!,
      args: [
        { id: 1, order: 0, type: 'input', label: 'release', required: true },
        {
          id: 2,
          order: 1,
          type: 'select',
          label: 'risk',
          required: true,
          options: [
            { id: 'low', label: 'low' },
            { id: 'high', label: 'high' },
          ],
        },
      ],
      extra: { approvers: [USER_IDS.jane, USER_IDS.bob] },
    }),
    t({
      id: TASK_IDS.approveRefund,
      name: 'Approve refund',
      type: 'approval',
      secret: TASK_SECRETS[TASK_IDS.approveRefund]!,
      args: [
        { id: 1, order: 0, type: 'input', label: 'amount', required: true },
        {
          id: 2,
          order: 1,
          type: 'select',
          label: 'currency',
          required: true,
          options: [
            { id: 'USD', label: 'USD' },
            { id: 'EUR', label: 'EUR' },
          ],
        },
        {
          id: 3,
          order: 2,
          type: 'remote-options',
          label: 'cost_center',
          required: false,
          endpoint_url: 'https://erp.example.com/api/cost-centers',
          id_attribute: 'code',
          label_attribute: 'name',
        },
      ],
      extra: {
        approvers: [USER_IDS.jane],
        success_label: 'Ship it',
        failure_label: 'Hold back',
        cancel_label: 'Cancel request',
        cancel_enabled: true,
      },
    }),
    t({
      id: TASK_IDS.approveVendor,
      name: 'Approve vendor',
      type: 'approval',
      secret: TASK_SECRETS[TASK_IDS.approveVendor]!,
      args: [{ id: 1, order: 0, type: 'input', label: 'vendor', required: true }],
      extra: { approvers: [USER_IDS.bob] },
    }),
  ]
}

function acmeTasks(rng: Rng): TaskDoc[] {
  return [
    buildTask({
      id: TASK_IDS.acmeHealth,
      name: 'Acme health check',
      type: 'script',
      customer: ACME_CUSTOMER,
      hostId: HOST_IDS.acme01,
      acl: ['jane@example.com'],
      secret: TASK_SECRETS[TASK_IDS.acmeHealth]!,
      extra: { script_id: SCRIPT_IDS.acme, script: scriptFile(SCRIPT_IDS.acme, 'health.sh', rng) },
    }),
  ]
}

// ---------------------------------------------------------------------------------------------------------------
// history generation

interface HistoryProfile {
  taskId: string
  /** runs of this task in the default world */
  weight: number
  durationMs: [number, number]
  failureRate: number
  args: (rng: Rng) => unknown[]
}

const PROFILES: HistoryProfile[] = [
  { taskId: TASK_IDS.backupDb, weight: 16, durationMs: [60 * SEC, 180 * SEC], failureRate: 0.15, args: (r) => [r.pick(['customers', 'orders', 'billing', 'analytics']), r.pick(['full', 'incremental']), ''] },
  { taskId: TASK_IDS.rotateLogs, weight: 14, durationMs: [4 * SEC, 15 * SEC], failureRate: 0.08, args: () => ['/var/log/app'] },
  { taskId: TASK_IDS.syncInventory, weight: 16, durationMs: [26 * SEC, 34 * SEC], failureRate: 0.1, args: (r) => [r.pick(['erp', 'shop'])] },
  { taskId: TASK_IDS.deployWeb, weight: 12, durationMs: [60 * SEC, 240 * SEC], failureRate: 0.2, args: (r) => [r.pick(['staging', 'production']), `v1.${r.int(0, 9)}.${r.int(0, 20)}`, '', '••••'] },
  { taskId: TASK_IDS.cleanupTmp, weight: 8, durationMs: [1 * SEC, 5 * SEC], failureRate: 0.05, args: () => ['/tmp'] },
  { taskId: TASK_IDS.checkHomepage, weight: 12, durationMs: [300, 2000], failureRate: 0.1, args: () => [] },
  { taskId: TASK_IDS.generateReport, weight: 14, durationMs: [20 * SEC, 90 * SEC], failureRate: 0.12, args: (r) => [r.pick(['pdf', 'csv'])] },
  { taskId: TASK_IDS.notifyOncall, weight: 8, durationMs: [50, 400], failureRate: 0, args: (r) => ['Alert', `Disk usage at ${r.int(80, 99)}%`, 'oncall@example.com'] },
  { taskId: TASK_IDS.collectTicket, weight: 6, durationMs: [30 * SEC, 10 * MIN], failureRate: 0, args: (r) => [`INC-${r.int(1000, 9999)}`, r.pick(['low', 'medium', 'high']), ''] },
  { taskId: TASK_IDS.approveDeploy, weight: 4, durationMs: [2 * MIN, 3 * HOUR], failureRate: 0.25, args: (r) => [`v1.${r.int(0, 9)}.${r.int(0, 20)}`, r.pick(['low', 'high'])] },
  { taskId: TASK_IDS.approveRefund, weight: 4, durationMs: [2 * MIN, 5 * HOUR], failureRate: 0.3, args: (r) => [`${r.int(10, 900)}.00`, r.pick(['USD', 'EUR']), ''] },
  { taskId: TASK_IDS.approveVendor, weight: 3, durationMs: [10 * MIN, 2 * HOUR], failureRate: 0.3, args: (r) => [r.pick(['Initech', 'Globex', 'Umbrella'])] },
]

interface World {
  db: MockDb
  rng: Rng
  ctx: JobContext
  now: number
}

function ctxFor(world: { rng: Rng }, db: MockDb, userId: string | null): JobContext {
  const u = userId ? db.getUser(userId) : undefined
  return { rng: world.rng, customer: DEMO_CUSTOMER, user: u ? userFor(u) : null }
}

/** Finished history runs, oldest first. `count` overrides the profile weights (big scenario). */
function generateHistory(world: World, count: number | null, spanMs: number): JobDoc[] {
  const { db, rng, now } = world
  const totalWeight = PROFILES.reduce((s, p) => s + p.weight, 0)
  const plan: Array<{ profile: HistoryProfile; ageMs: number }> = []
  if (count === null) {
    for (const profile of PROFILES) for (let i = 0; i < profile.weight; i++) plan.push({ profile, ageMs: 0 })
  } else {
    for (let i = 0; i < count; i++) {
      let x = rng.next() * totalWeight
      let profile = PROFILES[0]!
      for (const p of PROFILES) {
        x -= p.weight
        if (x < 0) {
          profile = p
          break
        }
      }
      plan.push({ profile, ageMs: 0 })
    }
  }
  // ages: at least 12 min old (so no history job overlaps the live ones), spread over spanMs
  for (const item of plan) item.ageMs = 12 * MIN + Math.floor(rng.next() * spanMs) + item.profile.durationMs[1]
  plan.sort((a, b) => b.ageMs - a.ageMs)

  const users = [USER_IDS.jane, USER_IDS.jane, USER_IDS.bob, USER_IDS.victor, USER_IDS.rootAdmin]
  const taskById = new Map(db.tasks.map((t) => [t.id, t]))
  const ctxByUser = new Map(users.map((u) => [u, ctxFor(world, db, u)]))
  const jobs: JobDoc[] = []
  for (const { profile, ageMs } of plan) {
    const task = taskById.get(profile.taskId)!
    const createdAt = now - ageMs
    const id = objectId(-ageMs / 1000, db.nextSerial())
    const ctx = ctxByUser.get(rng.pick(users))!
    const args = resolveArguments(task, profile.args(rng))
    const job = buildJob(ctx, task, { id, createdAt, args, origin: rng.chance(0.2) ? 'scheduler' : 'user' })
    const duration = rng.int(profile.durationMs[0], profile.durationMs[1])
    const roll = rng.next()
    if (task.type === 'approval') {
      const decider = db.getUser(rng.pick((task.approvers as string[]) ?? [USER_IDS.jane]))!
      decide(job, resultUser(decider), roll >= profile.failureRate, createdAt + duration)
    } else if ((task.type === 'script' || task.type === 'nodejs') && roll < 0.03) {
      timeoutJob(job, createdAt + Number(task.timeout ?? 600000))
    } else if (task.type !== 'notification' && task.type !== 'dummy' && roll < 0.06) {
      job.lifecycle = rng.chance(0.5) ? 'ready' : 'assigned'
      cancelJob(job, resultUser(db.getUser(USER_IDS.jane)!), createdAt + duration)
    } else {
      finishJob(job, rng, { success: rng.next() >= profile.failureRate, durationMs: duration, createdAt })
    }
    jobs.push(job)
  }
  return jobs
}

/** approve()/reject() effect. */
function decide(job: JobDoc, user: ReturnType<typeof resultUser>, approve: boolean, at: number): void {
  const values = Array.isArray(job.task_arguments_values) ? (job.task_arguments_values as unknown[]) : []
  values.push(user)
  job.task_arguments_values = values
  job.lifecycle = 'finished'
  job.state = approve ? 'success' : 'failure'
  job.trigger_name = job.state
  job.result = { user, output: [...values] }
  job.output = toOutputStrings(values)
  job.last_update = iso(at)
}

// ---------------------------------------------------------------------------------------------------------------
// the hand-placed jobs of the default world

function specialJobs(world: World): JobDoc[] {
  const { db, rng, now } = world
  const jane = ctxFor(world, db, USER_IDS.jane)
  const bob = ctxFor(world, db, USER_IDS.bob)
  const task = (id: string) => db.getTask(id)!
  const jobs: JobDoc[] = []
  const at = (ageSec: number) => now - ageSec * 1000

  // --- runaways (exactly three) ---
  const r1 = buildJob(jane, task(TASK_IDS.backupDb), {
    id: RUNAWAY_JOB_ID_MAP.pastTimeout,
    createdAt: at(RUNAWAY_AGES.pastTimeout),
    args: resolveArguments(task(TASK_IDS.backupDb), ['warehouse', 'full', '']),
  })
  r1.name = 'Backup DB'
  r1.lifecycle = 'assigned'
  r1.last_update = iso(at(RUNAWAY_AGES.pastTimeout - 2))
  const r2 = buildJob(jane, task(TASK_IDS.syncInventory), {
    id: RUNAWAY_JOB_ID_MAP.pastMedian,
    createdAt: at(RUNAWAY_AGES.pastMedian),
    args: ['erp'],
  })
  r2.lifecycle = 'assigned'
  r2.last_update = iso(at(RUNAWAY_AGES.pastMedian - 1))
  const r3 = buildJob(ctxFor(world, db, USER_IDS.bob), task(TASK_IDS.rotateLogs), {
    id: RUNAWAY_JOB_ID_MAP.queuedTooLong,
    createdAt: at(RUNAWAY_AGES.queuedTooLong),
    args: ['/var/log/app'],
    origin: 'scheduler',
  })
  jobs.push(r1, r2, r3)
  for (const id of RUNAWAY_JOB_IDS) db.frozenJobIds.add(id)

  // --- healthy live jobs ---
  const a1 = buildJob(jane, task(TASK_IDS.backupDb), {
    id: SPECIAL_JOB_IDS.assignedBackup,
    createdAt: at(8),
    args: resolveArguments(task(TASK_IDS.backupDb), ['customers', 'incremental', '']),
  })
  a1.lifecycle = 'assigned'
  a1.last_update = iso(at(7))
  const a2 = buildJob(bob, task(TASK_IDS.generateReport), { id: SPECIAL_JOB_IDS.assignedReport, createdAt: at(5), args: ['pdf'] })
  a2.lifecycle = 'assigned'
  a2.last_update = iso(at(4))
  const q1 = buildJob(jane, task(TASK_IDS.cleanupTmp), { id: SPECIAL_JOB_IDS.readyCleanup, createdAt: at(4), args: ['/tmp/cache'] })
  const q2 = buildJob(jane, task(TASK_IDS.checkHomepage), { id: SPECIAL_JOB_IDS.readyScraper, createdAt: at(2), origin: 'scheduler' })
  const s1 = buildJob(jane, task(TASK_IDS.syncInventory), {
    id: SPECIAL_JOB_IDS.syncing,
    createdAt: at(90),
    args: ['shop'],
    lifecycle: 'syncing',
  })
  const l1 = buildJob(jane, task(TASK_IDS.generateReport), {
    id: SPECIAL_JOB_IDS.locked,
    createdAt: at(300),
    args: ['csv'],
    lifecycle: 'locked',
  })
  jobs.push(a1, a2, q1, q2, s1, l1)

  // --- input waiting ---
  const d1 = buildJob({ ...jane, user: null }, task(TASK_IDS.collectTicket), {
    id: SPECIAL_JOB_IDS.inputDummy,
    createdAt: at(15 * 60),
    args: [],
    lifecycle: 'onhold',
    origin: 'secret',
  })
  d1.user_inputs = true
  const d2 = buildJob(jane, task(TASK_IDS.collectTicket), {
    id: SPECIAL_JOB_IDS.inputDummy2,
    createdAt: at(3 * 3600),
    args: [],
    lifecycle: 'onhold',
    origin: 'scheduler',
  })
  d2.user_inputs = true
  const i1 = buildJob(jane, task(TASK_IDS.cleanupTmp), {
    id: SPECIAL_JOB_IDS.inputScript,
    createdAt: at(30 * 60),
    args: [''],
    lifecycle: 'onhold',
  })
  i1.user_inputs = true
  jobs.push(d1, d2, i1)

  // --- approvals waiting on jane ---
  const approval = (id: string, taskId: string, ageSec: number, args: unknown[], ctx = jane) =>
    buildJob(ctx, task(taskId), { id, createdAt: at(ageSec), args: resolveArguments(task(taskId), args) })
  jobs.push(
    approval(APPROVAL_JOB_IDS.deployDefaultLabels, TASK_IDS.approveDeploy, APPROVAL_AGES[0], ['v1.8.0', 'low'], bob),
    approval(APPROVAL_JOB_IDS.refundShipIt, TASK_IDS.approveRefund, APPROVAL_AGES[1], ['150.00', 'USD', 'CC-100']),
    approval(APPROVAL_JOB_IDS.refundLarge, TASK_IDS.approveRefund, APPROVAL_AGES[2], ['12500.00', 'EUR', 'CC-220'], bob),
    approval(APPROVAL_JOB_IDS.deployHotfix, TASK_IDS.approveDeploy, APPROVAL_AGES[3], ['v1.7.3-hotfix', 'high']),
    approval(APPROVAL_JOB_IDS.refundOld, TASK_IDS.approveRefund, APPROVAL_AGES[4], ['42.00', 'USD', null]),
    approval(FOREIGN_APPROVAL_JOB_ID, TASK_IDS.approveVendor, 50 * 60, ['Initech']),
  )
  const decided = approval(SPECIAL_JOB_IDS.decidedApproval, TASK_IDS.approveDeploy, 6 * 3600, ['v1.6.0', 'low'], bob)
  decide(decided, resultUser(db.getUser(USER_IDS.jane)!), true, at(6 * 3600 - 600))
  jobs.push(decided)

  // --- a running workflow execution: Deploy web (finished) -> Approve deploy (onhold) ---
  const wfCtx = { ...jane }
  const wf = buildWorkflowJob(wfCtx, {
    id: SPECIAL_JOB_IDS.workflowJob,
    workflowId: WORKFLOW_IDS.releasePipeline,
    name: 'Release pipeline',
    createdAt: at(42 * 60),
    lifecycle: 'started',
    args: ['staging', 'v1.9.0'],
  })
  wf.acl = [...DEMO_ACL]
  wf.last_update = iso(at(40 * 60))
  const wfMeta = { workflowId: WORKFLOW_IDS.releasePipeline, workflowJobId: SPECIAL_JOB_IDS.workflowJob }
  const step0 = buildJob(wfCtx, task(TASK_IDS.deployWeb), {
    id: SPECIAL_JOB_IDS.workflowDeploy,
    createdAt: at(41 * 60),
    args: resolveArguments(task(TASK_IDS.deployWeb), ['staging', 'v1.9.0', '', '']),
    workflow: { ...wfMeta, order: 0 },
  })
  finishJob(step0, rng, { success: true, durationMs: 95 * SEC })
  const step1 = buildJob(wfCtx, task(TASK_IDS.approveDeploy), {
    id: APPROVAL_JOB_IDS.workflowStep,
    createdAt: at(APPROVAL_AGES[5]),
    args: ['v1.9.0', 'low'],
    workflow: { ...wfMeta, order: 1 },
  })
  jobs.push(wf, step0, step1)

  // --- some finished runs that tests can address directly ---
  const fb = buildJob(jane, task(TASK_IDS.backupDb), {
    id: SPECIAL_JOB_IDS.finishedBackup,
    createdAt: at(4 * 3600),
    args: resolveArguments(task(TASK_IDS.backupDb), ['customers', 'full', '']),
  })
  finishJob(fb, rng, { success: true, durationMs: 112 * SEC })
  const fd = buildJob(jane, task(TASK_IDS.deployWeb), {
    id: SPECIAL_JOB_IDS.finishedDeploy,
    createdAt: at(7 * 3600),
    args: resolveArguments(task(TASK_IDS.deployWeb), ['production', 'v1.8.0', '', 'sk_live_mock_key']),
  })
  finishJob(fd, rng, { success: false, durationMs: 180 * SEC })
  jobs.push(fb, fd)
  // queued runs cancelled by a user (ready -> canceled) and an input request nobody answered (onhold -> canceled)
  const janeUser = resultUser(db.getUser(USER_IDS.jane)!)
  const c1 = buildJob(jane, task(TASK_IDS.syncInventory), { id: objectId(-5 * 3600, db.nextSerial()), createdAt: at(5 * 3600), args: ['shop'] })
  cancelJob(c1, janeUser, at(5 * 3600 - 40))
  const c2 = buildJob(jane, task(TASK_IDS.collectTicket), {
    id: objectId(-9 * 3600, db.nextSerial()),
    createdAt: at(9 * 3600),
    args: [],
    lifecycle: 'onhold',
    origin: 'scheduler',
  })
  cancelJob(c2, janeUser, at(8 * 3600))
  jobs.push(c1, c2)

  // --- agent config updates ---
  let n = 0
  for (const hostId of [HOST_IDS.web01, HOST_IDS.db01, HOST_IDS.worker01]) {
    const ageMs = (20 + n * 7) * HOUR
    jobs.push(
      buildAgentUpdateJob({ ...jane, user: null }, { id: objectId(-ageMs / 1000, db.nextSerial()), createdAt: now - ageMs, hostId, finished: true }),
    )
    n++
  }
  for (const j of jobs) if (j._type !== 'WorkflowJob' && !j.acl) j.acl = [...DEMO_ACL]
  return jobs
}

function acmeJobs(world: World): JobDoc[] {
  const { db, rng, now } = world
  const jane = db.getUser(USER_IDS.jane)!
  const ctx: JobContext = { rng, customer: ACME_CUSTOMER, user: userFor(jane) }
  const task = db.getTask(TASK_IDS.acmeHealth)!
  const jobs: JobDoc[] = []
  for (let i = 0; i < 3; i++) {
    const ageMs = (3 - i) * HOUR
    const job = buildJob(ctx, task, { id: objectId(-ageMs / 1000, db.nextSerial()), createdAt: now - ageMs })
    finishJob(job, rng, { success: i !== 1, durationMs: rng.int(2, 9) * SEC })
    jobs.push(job)
  }
  return jobs
}

// ---------------------------------------------------------------------------------------------------------------
// errors

function faultJobs(world: World): JobDoc[] {
  const { db, rng, now } = world
  const jane = ctxFor(world, db, USER_IDS.jane)
  const task = db.getTask(TASK_IDS.cleanupTmp)!
  const faults: Array<[keyof typeof FAULT_JOB_IDS, string]> = [
    ['unauthorized', '401 Unauthorized'],
    ['authFailed', '401 authentication failed'],
    ['sessionConflict', '409 session conflict'],
    ['forbidden', '403 forbidden'],
    ['notFoundObject', '404 job not found (object)'],
    ['resourceNotFound', '404 ResourceNotFound'],
    ['serverError', '500 Internal Server Error'],
    ['badGateway', '502 Bad gateway (html)'],
    ['hang', 'never answers'],
    ['networkError', 'network error'],
  ]
  const jobs: JobDoc[] = []
  faults.forEach(([kind, label], i) => {
    const id = FAULT_JOB_IDS[kind]
    const job = buildJob(jane, task, { id, createdAt: now - (60 + i) * 1000, args: ['/tmp'] })
    job.name = `Fault: ${label}`
    finishJob(job, rng, { success: true, durationMs: 2 * SEC })
    db.faults.set(id, kind as Exclude<keyof typeof FAULT_JOB_IDS, 'cancelForbidden'>)
    db.frozenJobIds.add(id)
    jobs.push(job)
  })
  const deploy = db.getTask(TASK_IDS.deployWeb)!
  const nc = buildJob(jane, deploy, {
    id: FAULT_JOB_IDS.cancelForbidden,
    createdAt: now - 70 * 1000,
    args: resolveArguments(deploy, ['staging', 'v2.0.0', '', '']),
  })
  nc.name = 'Fault: not cancellable'
  db.cancelForbidden.add(nc.id)
  db.frozenJobIds.add(nc.id)
  jobs.push(nc)
  db.listTriggers = true
  return jobs
}

// ---------------------------------------------------------------------------------------------------------------
// hostile

let hugeLogCache: string | null = null
/** ~2 MB log, built once per process. */
export function hugeLog(): string {
  if (hugeLogCache === null) {
    const line = `${ANSI.green}[ok]${ANSI.reset} processed chunk with payload ${XSS_PAYLOADS.img} and some padding text ........\n`
    hugeLogCache = line.repeat(Math.ceil((2 * 1024 * 1024) / line.length))
  }
  return hugeLogCache
}

const LONG = 'A'.repeat(6000)
const RTL = 'Deploy \u202Eexe.tsil_daolnwod\u202C \u200B\u200Bzero\u200Dwidth \u2066isolated\u2069 \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627'
const CONTROL = `Ctl \x1b[31mred\x1b[0m\r overwritten\b\b back\x00nul\x07bell`

function hostileTasks(): TaskDoc[] {
  return [
    buildTask({
      id: HOSTILE_TASK_ID,
      name: `${XSS_PAYLOADS.img} ${XSS_PAYLOADS.script} task`,
      type: 'script',
      hostId: HOST_IDS.web01,
      acl: DEMO_ACL,
      secret: 'f'.repeat(64),
      args: [
        { id: 1, order: 0, type: 'input', label: XSS_PAYLOADS.img, required: false, help: XSS_PAYLOADS.script },
        { id: 2, order: 1, type: 'select', label: RTL, required: false, options: [{ id: XSS_PAYLOADS.script, label: XSS_PAYLOADS.img }] },
      ],
      extra: { description: XSS_PAYLOADS.script },
    }),
    buildTask({
      id: HOSTILE_SECRETS_TASK_ID,
      name: 'Rotate credentials',
      type: 'script',
      hostId: HOST_IDS.web01,
      acl: DEMO_ACL,
      secret: 'e'.repeat(64),
      args: [
        { id: 1, order: 0, type: 'input', label: 'service', required: true },
        { id: 2, order: 1, type: 'input', label: 'new_password', required: true, masked: true },
      ],
      extra: { env: { DB_PASSWORD: HOSTILE_SECRETS.envPassword } },
    }),
  ]
}

function hostileJobs(world: World): JobDoc[] {
  const { db, rng, now } = world
  const jane = ctxFor(world, db, USER_IDS.jane)
  const xssTask = db.getTask(HOSTILE_TASK_ID)!
  const base = (id: string, ageSec: number, name: unknown): JobDoc => {
    const job = buildJob(jane, xssTask, { id, createdAt: now - ageSec * 1000, args: [XSS_PAYLOADS.img, XSS_PAYLOADS.script] })
    finishJob(job, rng, { success: true, durationMs: 1500 })
    job.name = name
    db.frozenJobIds.add(id)
    return job
  }
  const H = HOSTILE_JOB_IDS
  const jobs: JobDoc[] = []

  const xss = base(H.xssName, 100, `Backup ${XSS_PAYLOADS.img}`)
  xss.output = [XSS_PAYLOADS.img, JSON.stringify({ html: XSS_PAYLOADS.script })]
  ;(xss.result as Record<string, unknown>).log = `${XSS_PAYLOADS.img}\n${XSS_PAYLOADS.script}\n<b>bold?</b>&amp;\n`
  jobs.push(xss)
  const st = base(H.scriptTagName, 101, XSS_PAYLOADS.script)
  ;(st.result as Record<string, unknown>).lastline = XSS_PAYLOADS.script
  jobs.push(st)
  const rtl = base(H.rtlName, 102, RTL)
  rtl.task_arguments_values = [RTL, '\u200B']
  jobs.push(rtl)
  const long = base(H.longName, 103, `Long ${LONG}`)
  long.task_arguments_values = [LONG, LONG]
  long.output = [LONG]
  ;(long.result as Record<string, unknown>).log = `${LONG}\n`
  jobs.push(long)
  const ctl = base(H.controlChars, 104, CONTROL)
  ctl.task_arguments_values = [CONTROL]
  ctl.output = [CONTROL]
  ;(ctl.result as Record<string, unknown>).log =
    `progress 10%\rprogress 50%\rprogress 100%\n${ANSI.red}red${ANSI.reset} ${ANSI.bold}bold\x1b[22m \x1b[38;5;208morange\x1b[0m \x1b[999mbogus\x1b[0m\nback\b\b\bspace\x00nul\x1b]0;title\x07\n\x1b[2Kcleared\n`
  jobs.push(ctl)
  const missing = base(H.missingName, 105, undefined)
  delete missing.name
  jobs.push(missing)
  const zombie = base(H.zombieLifecycle, 106, 'Zombie job')
  zombie.lifecycle = 'zombie'
  zombie.state = 'weird'
  jobs.push(zombie)
  const os = base(H.outputString, 107, 'Output as plain string')
  os.output = 'plain string output, not an array'
  jobs.push(os)
  const oo = base(H.outputObject, 108, 'Output as object (after restart)')
  oo.output = {}
  jobs.push(oo)
  const on = base(H.outputNull, 109, 'Output null')
  on.output = null
  jobs.push(on)
  const nr = base(H.noResult, 110, 'No result')
  delete nr.result
  jobs.push(nr)
  const bd = base(H.badDate, 111, 'Bad dates')
  bd.creation_date = 'not a date'
  bd.last_update = 'yesterday-ish'
  jobs.push(bd)
  const na = base(H.argsNotArray, 112, 'Arguments not an array')
  na.task_arguments_values = { 0: 'object', weird: true }
  na.script_arguments = 'oops'
  jobs.push(na)
  const num = base(H.numericName, 113, 12345)
  jobs.push(num)
  const hl = base(H.hugeLog, 114, 'Huge log (2 MB)')
  ;(hl.result as Record<string, unknown>).log = hugeLog()
  jobs.push(hl)
  const ho = base(H.hugeOutput, 115, 'Huge output (10,000 items)')
  ho.output = Array.from({ length: 10000 }, (_, i) => JSON.stringify({ row: i, value: `item-${i}` }))
  jobs.push(ho)

  const secretsTask = db.getTask(HOSTILE_SECRETS_TASK_ID)!
  const sj = buildJob(jane, secretsTask, {
    id: H.secrets,
    createdAt: now - 116 * 1000,
    args: ['postgres', HOSTILE_SECRETS.maskedArgument],
  })
  finishJob(sj, rng, { success: true, durationMs: 3000 })
  db.frozenJobIds.add(sj.id)
  jobs.push(sj)
  return jobs
}

// ---------------------------------------------------------------------------------------------------------------

export const BIG_JOB_COUNT = 10000

/** `size` sets the job count of the `big` world (default 10,000), for the benchmark's 100 / 1,000 / 10,000 runs. */
export function createWorld(scenario: ScenarioName, opts: { now?: number; size?: number } = {}): MockDb {
  const now = opts.now ?? Date.now()
  const db = new MockDb({ scenario, now })
  const rng = createRng(0x7e7e + SCENARIO_NAMES.indexOf(scenario))
  const world: World = { db, rng, now, ctx: { rng, customer: DEMO_CUSTOMER, user: null } }
  db.tasks = [...demoTasks(rng), ...acmeTasks(rng), ...runTasks()]
  db.workflows = [
    { id: WORKFLOW_IDS.releasePipeline, name: 'Release pipeline', customer_id: DEMO_CUSTOMER.id, steps: [TASK_IDS.deployWeb, TASK_IDS.approveDeploy] },
  ]
  if (scenario === 'empty') return db

  if (scenario === 'hostile') db.tasks.push(...hostileTasks())
  const specials = specialJobs(world)
  const acme = scenario === 'big' ? [] : acmeJobs(world)
  const bigCount = opts.size && opts.size > 0 ? Math.min(Math.floor(opts.size), 100_000) : BIG_JOB_COUNT
  const historyCount = scenario === 'big' ? Math.max(0, bigCount - specials.length) : null
  const history = generateHistory(world, historyCount, scenario === 'big' ? 30 * 24 * HOUR : 6 * 24 * HOUR)
  db.insertMany(history)
  db.insertMany(specials)
  db.insertMany(acme)
  if (scenario === 'errors') db.insertMany(faultJobs(world))
  if (scenario === 'hostile') db.insertMany(hostileJobs(world))
  return db
}
