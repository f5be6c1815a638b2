// The hand-placed jobs of the default world: approvals waiting, runaway jobs, input requests, workflow runs, and
// Acme Corp's few jobs.

import { ACME_CUSTOMER, APPROVAL_AGES, APPROVAL_JOB_IDS, FOREIGN_APPROVAL_JOB_ID, HOST_IDS, RUNAWAY_AGES, RUNAWAY_JOB_ID_MAP, RUNAWAY_JOB_IDS, SPECIAL_JOB_IDS, TASK_IDS, USER_IDS, WORKFLOW_IDS, objectId } from '../ids'
import type { JobDoc } from '../types'
import { buildAgentUpdateJob, buildJob, buildWorkflowJob, resolveArguments, type JobContext } from '../seed/jobs'
import { cancelJob, decideApproval, finishJob } from '../seed/outcomes'
import { iso } from '../seed/random'
import { resultUser, userFor } from '../seed/values'
import { ctxFor, DEMO_ACL, HOUR, SEC, type World } from './world'

// ---------------------------------------------------------------------------------------------------------------
// the hand-placed jobs of the default world

export function specialJobs(world: World): JobDoc[] {
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
  const waitingForInput = (id: string, taskId: string, ageSec: number, args: unknown[], { ctx = jane, origin }: { ctx?: JobContext; origin?: string } = {}) => {
    const job = buildJob(ctx, task(taskId), { id, createdAt: at(ageSec), args, lifecycle: 'onhold', origin })
    job.user_inputs = true
    return job
  }
  jobs.push(
    waitingForInput(SPECIAL_JOB_IDS.inputDummy, TASK_IDS.collectTicket, 15 * 60, [], { ctx: { ...jane, user: null }, origin: 'secret' }),
    waitingForInput(SPECIAL_JOB_IDS.inputDummy2, TASK_IDS.collectTicket, 3 * 3600, [], { origin: 'scheduler' }),
    waitingForInput(SPECIAL_JOB_IDS.inputScript, TASK_IDS.cleanupTmp, 30 * 60, ['']),
  )

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
  decideApproval(decided, resultUser(db.getUser(USER_IDS.jane)!), true, at(6 * 3600 - 600))
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

export function acmeJobs(world: World): JobDoc[] {
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
