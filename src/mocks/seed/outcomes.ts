// How jobs end, as the supervisor records it: finished by the agent, timed out, cancelled, approved or rejected.

import { AGENT_RESULT_USER } from '../ids'
import type { JobDoc, ResultUser } from '../types'
import { iso, type Rng } from './random'
import { ANSI, toOutputStrings } from './values'

// ---------------------------------------------------------------------------------------------------------------
// results

interface LogRecipe {
  lines: (rng: Rng, args: unknown[]) => string[]
  output: (rng: Rng, args: unknown[]) => unknown
  failure: (rng: Rng) => string
}

const RECIPES: Record<string, LogRecipe> = {
  'Backup DB': {
    lines: (rng, args) => [
      `${ANSI.blue}[info]${ANSI.reset} connecting to ${String(args[0] ?? 'customers')}@db.internal`,
      `${ANSI.blue}[info]${ANSI.reset} dumping ${String(args[0] ?? 'customers')}... ${rng.int(10, 900)} tables`,
      `${ANSI.green}[ok]${ANSI.reset} compressed with gzip (${rng.int(2, 80)}%)`,
    ],
    output: (rng, args) => ({ file: `/backups/${String(args[0] ?? 'customers')}.sql.gz`, bytes: rng.int(100000, 90000000) }),
    failure: () => `${ANSI.red}[error]${ANSI.reset} pg_dump: connection refused`,
  },
  'Rotate logs': {
    lines: (rng) => [`rotating /var/log/app/*.log`, `${ANSI.green}[ok]${ANSI.reset} ${rng.int(1, 40)} files rotated`],
    output: (rng) => ({ rotated: rng.int(1, 40) }),
    failure: () => `${ANSI.red}[error]${ANSI.reset} permission denied: /var/log/app`,
  },
  'Sync inventory': {
    lines: (rng) => [
      `${ANSI.dim}fetching remote catalogue${ANSI.reset}`,
      `${ANSI.yellow}[warn]${ANSI.reset} ${rng.int(0, 5)} items without sku`,
      `${ANSI.green}[ok]${ANSI.reset} ${rng.int(100, 5000)} items synced`,
    ],
    output: (rng) => ({ synced: rng.int(100, 5000) }),
    failure: () => `${ANSI.red}[error]${ANSI.reset} upstream answered 503`,
  },
  'Deploy web': {
    lines: (rng, args) => [
      `${ANSI.bold}deploying to ${String(args[0] ?? 'staging')}${ANSI.reset}`,
      `building release ${rng.hex(7)}`,
      `${ANSI.green}✔${ANSI.reset} health check passed`,
    ],
    output: (rng) => ({ release: rng.hex(7) }),
    failure: () => `${ANSI.red}✖ health check failed after 3 attempts${ANSI.reset}`,
  },
  'Generate report': {
    lines: (rng) => [`> node report.js`, `rows: ${rng.int(100, 20000)}`, `${ANSI.green}report written${ANSI.reset}`],
    output: (rng) => ({ url: `https://reports.example.com/r/${rng.hex(10)}.pdf` }),
    failure: () => `TypeError: Cannot read properties of undefined (reading 'rows')\n    at main (report.js:42:17)`,
  },
}

const DEFAULT_RECIPE: LogRecipe = {
  lines: (rng) => [`starting`, `${ANSI.green}[ok]${ANSI.reset} done in ${rng.int(1, 90)}s`],
  output: (rng) => ({ ok: true, n: rng.int(1, 100) }),
  failure: () => `${ANSI.red}[error]${ANSI.reset} exit status 1`,
}

/**
 * Mark a job finished the way the agent + finish() would: result (log, lastline, times, output, user),
 * output strings, trigger_name, last_update = creation + duration.
 */
export function finishJob(
  job: JobDoc,
  rng: Rng,
  opts: { success: boolean; durationMs: number; finishedAt?: number; createdAt?: number },
): JobDoc {
  const created = opts.createdAt ?? Date.parse(String(job.creation_date))
  const finishedAt = opts.finishedAt ?? created + opts.durationMs
  const durationMs = opts.finishedAt !== undefined ? Math.max(0, opts.finishedAt - created) : opts.durationMs
  const state = opts.success ? 'success' : 'failure'
  const args = Array.isArray(job.task_arguments_values) ? job.task_arguments_values : []
  job.lifecycle = 'finished'
  job.state = state
  job.trigger_name = state
  job.last_update = iso(finishedAt)
  const times = { seconds: Math.floor(durationMs / 1000), nanoseconds: (durationMs % 1000) * 1e6 }
  if (job._type === 'ScriptJob' || job._type === 'NodejsJob') {
    const recipe = RECIPES[String(job.name)] ?? DEFAULT_RECIPE
    const out = opts.success ? recipe.output(rng, args) : { error: 'failed' }
    const lastline = JSON.stringify({ state, data: out })
    const lines = opts.success ? recipe.lines(rng, args) : [...recipe.lines(rng, args).slice(0, 1), recipe.failure(rng)]
    job.result = {
      code: opts.success ? 0 : 1,
      log: [...lines, lastline].join('\n') + '\n',
      lastline,
      signal: null,
      killed: false,
      times,
      output: out,
      user: AGENT_RESULT_USER,
    }
    job.output = toOutputStrings(out)
  } else if (job._type === 'ScraperJob') {
    const status = opts.success ? 200 : 503
    job.result = {
      message: opts.success ? 'pattern matched' : `unexpected status code ${status}`,
      expected: '200',
      output: { status_code: status },
      response: { status_code: status, body: opts.success ? '<html>…ok…</html>' : 'Service Unavailable', headers: { 'content-type': 'text/html' }, chunked: false },
      user: AGENT_RESULT_USER,
    }
    job.output = toOutputStrings({ status_code: status })
  } else if (job._type === 'DummyJob') {
    job.result = { output: args }
    job.output = toOutputStrings(args)
  } else if (job._type === 'NotificationJob') {
    delete job.result
    job.output = []
  }
  return job
}

/** Script finished by the supervisor watchdog or agent kill: terminated + timeout. */
export function timeoutJob(job: JobDoc, finishedAt: number): JobDoc {
  job.lifecycle = 'terminated'
  job.state = 'timeout'
  job.trigger_name = 'timeout'
  job.last_update = iso(finishedAt)
  const created = Date.parse(String(job.creation_date))
  const ms = Math.max(0, finishedAt - created)
  job.result = {
    code: null,
    log: `${ANSI.yellow}still working...${ANSI.reset}\n`,
    lastline: 'still working...',
    signal: 'SIGTERM',
    killed: true,
    times: { seconds: Math.floor(ms / 1000), nanoseconds: (ms % 1000) * 1e6 },
    user: AGENT_RESULT_USER,
  }
  job.output = []
  return job
}

/** cancel() effect (core/service/job/index.js:674-699). Returns false when the lifecycle cannot be cancelled. */
export function cancelJob(job: JobDoc, user: ResultUser, nowMs: number): boolean {
  const next = job.lifecycle === 'ready' || job.lifecycle === 'onhold' ? 'canceled' : job.lifecycle === 'assigned' ? 'terminated' : null
  if (!next) return false
  job.lifecycle = next
  job.state = 'canceled'
  job.trigger_name = 'canceled'
  job.result = { user, output: [user] }
  job.output = [JSON.stringify(user)]
  job.last_update = iso(nowMs)
  return true
}

/**
 * approve()/reject() (lifecycle.js finish): the approver is pushed into task_arguments_values, which become the
 * output the next workflow step receives. The one place the mock decides an approval: seeds and handlers.
 */
export function decideApproval(job: JobDoc, user: ResultUser, approve: boolean, at?: number): void {
  const values = Array.isArray(job.task_arguments_values) ? (job.task_arguments_values as unknown[]) : []
  values.push(user)
  job.task_arguments_values = values
  job.lifecycle = 'finished'
  job.state = approve ? 'success' : 'failure'
  job.trigger_name = job.state
  job.result = { user, output: [...values] }
  job.output = toOutputStrings(values)
  if (at !== undefined) job.last_update = iso(at)
}
