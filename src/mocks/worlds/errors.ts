// The errors world: a job per error shape the real server sends, one that never answers, one network drop.

import { FAULT_JOB_IDS, TASK_IDS, USER_IDS } from '../ids'
import type { JobDoc } from '../types'
import { buildJob, resolveArguments } from '../seed/jobs'
import { finishJob } from '../seed/outcomes'
import { ctxFor, SEC, type World } from './world'

// ---------------------------------------------------------------------------------------------------------------
// errors

export function faultJobs(world: World): JobDoc[] {
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
