// Finished history of the demo world: runs per task weighted by profile, spread over days.

import { TASK_IDS, USER_IDS, objectId } from '../ids'
import type { JobDoc } from '../types'
import { buildJob, resolveArguments } from '../seed/jobs'
import { cancelJob, decideApproval, finishJob, timeoutJob } from '../seed/outcomes'
import { type Rng } from '../seed/random'
import { resultUser } from '../seed/values'
import { ctxFor, HOUR, MIN, SEC, type World } from './world'

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

/** Finished history runs, oldest first. `count` overrides the profile weights (big scenario). */
export function generateHistory(world: World, count: number | null, spanMs: number): JobDoc[] {
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
      decideApproval(job, resultUser(decider), roll >= profile.failureRate, createdAt + duration)
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
