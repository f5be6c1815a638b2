// A simulated TheEye agent so the mock dashboard looks alive: each tick it dispatches one queued job
// (ready -> assigned), finishes one running job with a realistic result, and now and then a user "runs" a script
// task. It never touches frozen jobs (the runaways, fault and hostile documents), so those stay deterministic.

import type { MockDb } from './db'
import { buildJob, resolveArguments } from './seed/jobs'
import { finishJob } from './seed/outcomes'
import { createRng, type Rng } from './seed/random'
import { userFor } from './seed/values'
import { afterCompletion } from './handlers/job-ops'
import { USER_IDS } from './ids'
import type { JobDoc, TaskDoc } from './types'
import { onJobDispatched } from './workflow-engine'

const DISPATCHABLE = new Set(['ScriptJob', 'NodejsJob', 'ScraperJob'])

const SAMPLE_ARGS: Record<string, () => unknown[]> = {
  input: () => ['customers'],
}

function argsFor(task: TaskDoc, rng: Rng): unknown[] {
  return task.task_arguments
    .filter((a) => a.type !== 'fixed')
    .sort((a, b) => a.order - b.order)
    .map((a) => {
      if (a.type === 'select' && Array.isArray(a.options) && a.options.length) {
        const o = rng.pick(a.options) as { id?: unknown }
        return String(o?.id ?? '')
      }
      if (a.type === 'date') return ''
      if (a.masked) return ''
      if (a.value !== undefined) return String(a.value)
      if (a.pattern === '^v\\d+\\.\\d+\\.\\d+$') return `v1.${rng.int(0, 9)}.${rng.int(0, 20)}`
      if (a.pattern === '^/') return '/tmp'
      return String(SAMPLE_ARGS.input!()[0])
    })
}

function hostUp(db: MockDb, job: JobDoc): boolean {
  if (typeof job.host_id !== 'string') return true
  return db.hosts.find((h) => h.id === job.host_id)?.state !== 'updates_stopped'
}

/** One simulation step (exported for tests). */
export function agentTick(db: MockDb, rng: Rng, tick: number): void {
  const now = db.now()
  const jobs = db.jobs()
  // finish the oldest assigned job that was dispatched before this tick
  const running = jobs.find((j) => j.lifecycle === 'assigned' && !db.frozenJobIds.has(j.id) && DISPATCHABLE.has(j._type))
  if (running) {
    finishJob(running, rng, { success: rng.chance(0.85), durationMs: 0, finishedAt: now })
    db.updateJob(running)
    afterCompletion(db, running)
  }
  // dispatch the oldest queued job whose host agent is up
  const queued = jobs.find(
    (j) => j.lifecycle === 'ready' && j !== running && !db.frozenJobIds.has(j.id) && DISPATCHABLE.has(j._type) && hostUp(db, j),
  )
  if (queued) {
    db.updateJob(queued, (j) => void (j.lifecycle = 'assigned'))
    onJobDispatched(db, queued)
  }
  // every few ticks somebody runs a script task
  if (tick % 4 === 3) {
    const candidates = db.tasks.filter(
      (t) =>
        (t.type === 'script' || t.type === 'nodejs') &&
        !t.workflow_id &&
        db.customerById(t.customer_id)?.name === 'demo' &&
        db.hosts.find((h) => h.id === t.host_id)?.state !== 'updates_stopped',
    )
    if (candidates.length) {
      const task = rng.pick(candidates)
      const customer = db.customerById(task.customer_id)!
      const user = db.getUser(rng.pick([USER_IDS.jane, USER_IDS.bob]))!
      const job = buildJob({ rng, customer, user: userFor(user) }, task, {
        id: db.newJobId(now),
        createdAt: now,
        args: resolveArguments(task, argsFor(task, rng)),
        origin: rng.chance(0.5) ? 'scheduler' : 'user',
      })
      db.insertJob(job)
    }
  }
}

export function startSimulatedAgent(db: MockDb, opts: { intervalMs?: number } = {}): () => void {
  const rng = createRng(0xa6e47 ^ (db.worldNow & 0xffff))
  let tick = 0
  const timer = setInterval(() => agentTick(db, rng, tick++), opts.intervalMs ?? 3000)
  return () => clearInterval(timer)
}
