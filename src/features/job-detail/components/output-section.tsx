import { useState, type ReactNode } from 'react'
import type { Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { displayValue, plainText, stripAnsi, stripInvisible } from '@/lib/text'
import { Fact } from './job-facts'
import { LogViewer } from './log-viewer'

/** Output parameters shown before "Show more": a 100,000-item output must not freeze the page. */
export const OUTPUT_PREVIEW = 200

/** A multi-line value from a script, shown as text: escapes, control and invisible characters removed, newlines kept; nesting and length bounded. */
export function multilineText(value: unknown): string {
  return stripInvisible(stripAnsi(displayValue(value))).replace(/\r\n?/g, '\n')
}

/** The log to show: `result.log`, or the stdout/stderr of old agents. A build error's log is a JSON-quoted message. */
function jobLog(job: Job): string | undefined {
  const r = job.result
  if (!r) return undefined
  if (typeof r.log === 'string' && r.log !== '') {
    if (job.state === 'error' && /^\s*"/.test(r.log)) {
      try {
        const decoded = JSON.parse(r.log) as unknown
        if (typeof decoded === 'string') return decoded
      } catch {
        // not JSON after all: show it as it is
      }
    }
    return r.log
  }
  const parts = [r.stdout && `${r.stdout}`, r.stderr && `--- stderr ---\n${r.stderr}`].filter(Boolean)
  return parts.length ? parts.join('\n') : undefined
}

function outputLabel(param: unknown, index: number): string {
  if (typeof param === 'string' && param.trim()) return plainText(param, 80)
  if (param && typeof param === 'object') {
    const p = param as Record<string, unknown>
    const label = p.label ?? p.name ?? p.id
    if (typeof label === 'string' && label.trim()) return plainText(label, 80)
  }
  return `Output ${index + 1}`
}

function who(user: { username?: string; email?: string; id?: string } | undefined): string | undefined {
  if (!user) return undefined
  const name = user.username ? plainText(user.username, 80) : undefined
  const email = user.email ? plainText(user.email, 120) : undefined
  if (name && email) return `${name} (${email})`
  return name ?? email ?? (user.id ? `user ${user.id}` : undefined)
}

function OutputParameters({ job }: { job: Job }) {
  const [limit, setLimit] = useState(OUTPUT_PREVIEW)
  // The supervisor-timeout result carries its message only in result.output.
  const values = job.output.length > 0 ? job.output : Array.isArray(job.result?.output) && !job.result?.log ? (job.result.output as unknown[]) : []
  if (values.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No output parameters.</p>
  const params = job.task?.output_parameters ?? []
  const shown = values.slice(0, limit)
  return (
    <div className="space-y-2">
      <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 dark:border-slate-700" tabIndex={0} role="region" aria-label="Parameter values">
        <table className="w-full table-fixed text-left text-sm">
          <caption className="sr-only">Output parameters ({values.length})</caption>
          <thead className="sticky top-0 bg-slate-50 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            <tr>
              <th scope="col" className="w-12 px-3 py-2">#</th>
              <th scope="col" className="w-[35%] px-3 py-2 sm:w-48">Name</th>
              <th scope="col" className="px-3 py-2">Value</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {shown.map((value, i) => (
              <tr key={i} className="align-top [content-visibility:auto]">
                <td className="px-3 py-1.5 text-slate-500 tabular-nums dark:text-slate-400">{i + 1}</td>
                <td className="px-3 py-1.5 [overflow-wrap:anywhere]">{outputLabel(params[i], i)}</td>
                <td className="px-3 py-1.5">
                  <pre className="max-h-48 overflow-auto font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">{multilineText(value)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowMore shown={shown.length} total={values.length} noun="output values" onMore={() => setLimit((n) => n + OUTPUT_STEP)} onLess={() => setLimit(OUTPUT_PREVIEW)} />
    </div>
  )
}

/** How many more rows each "Show more" adds: enough to be useful, few enough to render at once. */
export const OUTPUT_STEP = 500

/**
 * "Showing 200 of 100,000 … Show 500 more": rows come in steps that render quickly, so a hostile
 * 100,000-item list never freezes the page (rendering all of them at once took 12–54 s).
 */
export function ShowMore({ shown, total, noun, onMore, onLess }: { shown: number; total: number; noun: string; onMore: () => void; onLess: () => void }) {
  if (total <= OUTPUT_PREVIEW) return null
  const next = Math.min(OUTPUT_STEP, total - shown)
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span>
        Showing {shown} of {total} {noun}.
      </span>
      {next > 0 && (
        <Button size="sm" onClick={onMore}>
          Show {next} more
        </Button>
      )}
      {shown > OUTPUT_PREVIEW && (
        <Button size="sm" variant="ghost" onClick={onLess}>
          Show first {OUTPUT_PREVIEW}
        </Button>
      )}
    </div>
  )
}

function ResultFacts({ job }: { job: Job }) {
  const r = job.result
  if (!r) return null
  const decidedBy = who(r.user)
  const userTerm = job._type === 'ApprovalJob' ? 'Decided by' : job.state === 'canceled' ? 'Canceled by' : job.origin === 'user' && job._type === 'DummyJob' ? 'Input by' : 'Reported by'
  const facts: Array<[string, ReactNode]> = []
  if (r.code !== undefined) facts.push(['Exit code', r.code === null ? 'none' : String(r.code)])
  if (r.signal !== undefined) facts.push(['Signal', r.signal ?? 'none'])
  if (r.killed !== undefined) facts.push(['Killed', r.killed ? 'yes (stopped by a timeout or signal)' : 'no'])
  if (decidedBy) facts.push([userTerm, decidedBy])
  if (r.message) facts.push(['Message', plainText(r.message, 500)])
  if (r.expected) facts.push(['Expected', plainText(r.expected, 500)])
  if (facts.length === 0 && !r.lastline && !r.response) return null
  return (
    <div className="space-y-3">
      {facts.length > 0 && <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">{facts.map(([t, v]) => <Fact key={t} term={t}>{v}</Fact>)}</dl>}
      {r.lastline !== undefined && r.lastline !== '' && (
        <div>
          <h4 className="text-xs font-medium text-slate-600 dark:text-slate-400">Last line</h4>
          <pre className="mt-0.5 max-h-32 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs break-words whitespace-pre-wrap dark:bg-slate-800">{multilineText(r.lastline)}</pre>
        </div>
      )}
      {r.response && (
        <div className="space-y-2">
          <h4 className="text-sm font-semibold">Response</h4>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Fact term="Status">{r.response.status_code ?? 'unknown'}</Fact>
            {r.response.message && <Fact term="Message">{plainText(r.response.message, 300)}</Fact>}
          </dl>
          {r.response.headers && Object.keys(r.response.headers).length > 0 && (
            <table className="text-left text-xs">
              <caption className="text-left text-xs font-medium text-slate-600 dark:text-slate-400">Headers</caption>
              <tbody>
                {Object.entries(r.response.headers).map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row" className="pr-3 font-mono font-normal text-slate-600 dark:text-slate-400">{plainText(k, 100)}</th>
                    <td className="font-mono break-all">{plainText(v, 1000)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {r.response.body !== undefined && (
            <div>
              <h5 className="text-xs font-medium text-slate-600 dark:text-slate-400">Body</h5>
              <pre className="mt-0.5 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs break-words whitespace-pre-wrap dark:bg-slate-800">
                {multilineText(Array.isArray(r.response.body) ? r.response.body.join('') : r.response.body)}
              </pre>
            </div>
          )}
        </div>
      )}
    </div>
  )
}

/** The job's output: log, result facts and output parameters. */
export function OutputSection({ job }: { job: Job }) {
  const log = jobLog(job)
  const fileName = `${plainText(job.name ?? 'job', 60).replace(/[^\w.-]+/g, '-') || 'job'}-${job.id}.log`
  return (
    <section aria-label="Output" className="space-y-4">
      <h2 className="text-lg font-semibold">Output</h2>
      <ResultFacts job={job} />
      <div>
        <h3 className="mb-2 text-sm font-semibold">Log</h3>
        {log !== undefined ? (
          <LogViewer log={log} fileName={fileName} />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {job.lifecycle && ['ready', 'assigned', 'onhold', 'syncing', 'locked', 'started'].includes(job.lifecycle)
              ? 'No log yet: the log arrives when the job finishes.'
              : 'This job has no log.'}
          </p>
        )}
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Output parameters</h3>
        <OutputParameters job={job} />
      </div>
    </section>
  )
}
