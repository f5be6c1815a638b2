// The hostile world: HTML and scripts in names and logs, malformed documents, a 2 MB log, secrets in env.

import { HOST_IDS, HOSTILE_JOB_IDS, HOSTILE_SECRETS, USER_IDS, XSS_PAYLOADS } from '../ids'
import type { JobDoc, TaskDoc } from '../types'
import { buildJob } from '../seed/jobs'
import { finishJob } from '../seed/outcomes'
import { buildTask } from '../seed/tasks'
import { ANSI } from '../seed/values'
import { ctxFor, DEMO_ACL, type World } from './world'

export const HOSTILE_TASK_ID = '65f1bf002a9b4c0012ab33f0'
export const HOSTILE_SECRETS_TASK_ID = '65f1bf002a9b4c0012ab33f1'

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

export function hostileTasks(): TaskDoc[] {
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

export function hostileJobs(world: World): JobDoc[] {
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
