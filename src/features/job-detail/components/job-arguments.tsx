import { useState } from 'react'
import type { Job } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { argumentCount, argumentRows } from '@/lib/argument-rows'
import { plainText } from '@/lib/text'
import { multilineText, OUTPUT_PREVIEW, OUTPUT_STEP, ShowMore } from './output-section'

function MaskedValue({ label, value }: { label: string; value: unknown }) {
  const [revealed, setRevealed] = useState(false)
  return (
    <span className="inline-flex flex-wrap items-start gap-2">
      {revealed ? (
        <pre className="font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">{multilineText(value)}</pre>
      ) : (
        <span className="text-slate-600 italic dark:text-slate-400">hidden (masked)</span>
      )}
      <Button size="sm" variant="ghost" aria-pressed={revealed} aria-label={`${revealed ? 'Hide' : 'Reveal'} ${label}`} onClick={() => setRevealed((r) => !r)}>
        {revealed ? 'Hide' : 'Reveal'}
      </Button>
    </span>
  )
}

/** The job's input: each value beside its argument's label; masked ones hidden until revealed. */
export function JobArguments({ job }: { job: Job }) {
  const values = job.task_arguments_values
  const [limit, setLimit] = useState(OUTPUT_PREVIEW)
  const rows = argumentRows(job, limit)
  const total = argumentCount(job)
  return (
    <section aria-label="Arguments" className="space-y-2">
      <h2 className="text-lg font-semibold">Arguments</h2>
      {values === undefined ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The server did not send this job's arguments.</p>
      ) : rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">This job has no arguments.</p>
      ) : (
        // Fixed layout and break-anywhere: a 6,000-character word wraps instead of widening the page.
        <table className="w-full table-fixed text-left text-sm">
          <thead className="text-xs text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="w-[40%] py-1 pr-3 sm:w-48">Argument</th>
              <th scope="col" className="py-1">Value</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((row) => (
              <tr key={row.key} className="align-top">
                <th scope="row" className="py-1.5 pr-3 font-medium break-words">
                  {row.label}
                  {row.type !== 'input' && row.type !== 'unknown' && (
                    <span className="ml-1 inline-block text-xs font-normal text-slate-600 dark:text-slate-400">({plainText(row.type, 30)})</span>
                  )}
                </th>
                <td className="py-1.5">
                  {row.masked ? (
                    <MaskedValue label={row.label} value={row.raw} />
                  ) : row.missing ? (
                    <span className="text-slate-600 italic dark:text-slate-400">empty</span>
                  ) : row.decidedBy || row.type === 'select' || row.type === 'remote-options' || row.type === 'date' || row.type === 'file' ? (
                    <span className="break-words">
                      {row.value}
                      {row.detail && <span className="ml-1 font-mono text-xs text-slate-600 dark:text-slate-400">({row.detail})</span>}
                    </span>
                  ) : (
                    <pre className="max-h-48 overflow-auto font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">{multilineText(row.raw)}</pre>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {values !== undefined && (
        <ShowMore shown={rows.length} total={total} noun="arguments" onMore={() => setLimit((n) => n + OUTPUT_STEP)} onLess={() => setLimit(OUTPUT_PREVIEW)} />
      )}
      {job.env && Object.keys(job.env).length > 0 && <Environment env={job.env} />}
    </section>
  )
}

/**
 * The job's environment can hold passwords (the task's env values, THEEYE_* variables): collapsed
 * by default, and even when opened every value stays masked until "Reveal values". Nothing of it
 * is in the page while it is closed.
 */
function Environment({ env }: { env: Record<string, string> }) {
  const [open, setOpen] = useState(false)
  const [revealed, setRevealed] = useState(false)
  return (
    <details
      className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
      open={open}
      onToggle={(e) => {
        const next = (e.currentTarget as HTMLDetailsElement).open
        setOpen(next)
        if (!next) setRevealed(false)
      }}
    >
      <summary className="cursor-pointer text-sm font-medium">Environment (may contain secrets)</summary>
      {open && (
        <div className="mt-2 space-y-2">
          <Button size="sm" variant="secondary" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
            {revealed ? 'Hide values' : 'Reveal values'}
          </Button>
          <table className="w-full text-left text-xs">
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {Object.entries(env).map(([k, v]) => (
                <tr key={k} className="align-top">
                  <th scope="row" className="py-1 pr-3 font-mono font-normal">
                    {plainText(k, 100)}
                  </th>
                  <td className="py-1 font-mono break-all">{revealed ? plainText(v, 2000) : <span className="text-slate-600 dark:text-slate-400">•••••• (hidden)</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  )
}
