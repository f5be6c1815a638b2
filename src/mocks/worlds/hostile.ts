// The hostile world: HTML and scripts in names and logs, malformed documents, a 2 MB log, secrets in env.

import { HOST_IDS, HOSTILE_JOB_IDS, HOSTILE_SECRETS, INVISIBLE_NAME, USER_IDS, XSS_PAYLOADS } from '../ids'
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

let manyCache: { outputs: string[]; args: string[] } | null = null
/** 100,000 output items and 100,000 argument values, built once per process (every hostile world shares them; nothing mutates them). */
function manyValues(): { outputs: string[]; args: string[] } {
  manyCache ??= {
    outputs: Array.from({ length: 100_000 }, (_, i) => `"out-${i}"`),
    args: Array.from({ length: 100_000 }, (_, i) => `arg-${i}`),
  }
  return manyCache
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
  const result = (job: JobDoc) => job.result as Record<string, unknown>
  /** Each odd document as data: its id, age (s) and name, and what else is odd about it. */
  const odd: Array<[id: string, ageSec: number, name: unknown, oddity?: (job: JobDoc) => void]> = [
    [
      H.xssName,
      100,
      `Backup ${XSS_PAYLOADS.img}`,
      (j) => {
        j.output = [XSS_PAYLOADS.img, JSON.stringify({ html: XSS_PAYLOADS.script })]
        result(j).log = `${XSS_PAYLOADS.img}\n${XSS_PAYLOADS.script}\n<b>bold?</b>&amp;\n`
      },
    ],
    [H.scriptTagName, 101, XSS_PAYLOADS.script, (j) => void (result(j).lastline = XSS_PAYLOADS.script)],
    [H.rtlName, 102, RTL, (j) => void (j.task_arguments_values = [RTL, '\u200B'])],
    [
      H.longName,
      103,
      `Long ${LONG}`,
      (j) => {
        j.task_arguments_values = [LONG, LONG]
        j.output = [LONG]
        result(j).log = `${LONG}\n`
      },
    ],
    [
      H.controlChars,
      104,
      CONTROL,
      (j) => {
        j.task_arguments_values = [CONTROL]
        j.output = [CONTROL]
        result(j).log =
          `progress 10%\rprogress 50%\rprogress 100%\n${ANSI.red}red${ANSI.reset} ${ANSI.bold}bold\x1b[22m \x1b[38;5;208morange\x1b[0m \x1b[999mbogus\x1b[0m\nback\b\b\bspace\x00nul\x1b]0;title\x07\n\x1b[2Kcleared\n`
      },
    ],
    [H.missingName, 105, undefined, (j) => void delete j.name],
    [H.zombieLifecycle, 106, 'Zombie job', (j) => Object.assign(j, { lifecycle: 'zombie', state: 'weird' })],
    [H.outputString, 107, 'Output as plain string', (j) => void (j.output = 'plain string output, not an array')],
    [H.outputObject, 108, 'Output as object (after restart)', (j) => void (j.output = {})],
    [H.outputNull, 109, 'Output null', (j) => void (j.output = null)],
    [H.noResult, 110, 'No result', (j) => void delete j.result],
    [H.badDate, 111, 'Bad dates', (j) => Object.assign(j, { creation_date: 'not a date', last_update: 'yesterday-ish' })],
    [H.argsNotArray, 112, 'Arguments not an array', (j) => Object.assign(j, { task_arguments_values: { 0: 'object', weird: true }, script_arguments: 'oops' })],
    [H.numericName, 113, 12345],
    [H.hugeLog, 114, 'Huge log (2 MB)', (j) => void (result(j).log = hugeLog())],
    [H.hugeOutput, 115, 'Huge output (10,000 items)', (j) => void (j.output = Array.from({ length: 10000 }, (_, i) => JSON.stringify({ row: i, value: `item-${i}` })))],
    [H.deepOutput, 117, 'Deep output (6,000 levels)', (j) => void (j.output = [`${'['.repeat(6000)}"bottom"${']'.repeat(6000)}`, JSON.stringify({ fine: true })])],
    [H.manyOutputs, 118, 'Many outputs (100,000 items)', (j) => void (j.output = manyValues().outputs)],
    [H.manyArguments, 119, 'Many arguments (100,000 values)', (j) => void (j.task_arguments_values = manyValues().args)],
    [H.invisibleName, 120, INVISIBLE_NAME.raw],
    [H.craftedId, 121, 'Crafted id'],
  ]
  const jobs: JobDoc[] = odd.map(([id, ageSec, name, oddity]) => {
    const job = base(id, ageSec, name)
    oddity?.(job)
    return job
  })

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
