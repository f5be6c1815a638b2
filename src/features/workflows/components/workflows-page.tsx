import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { isRunning, type Job } from '@/api/schemas/job'
import { StartedBy } from '@/components/started-by'
import { ErrorPanel } from '@/components/ui/error-panel'
import { SkeletonRows } from '@/components/ui/skeleton'
import { StateBadge } from '@/components/ui/status'
import { formatDuration, RelativeTime, useNow } from '@/components/ui/time'
import { useSession } from '@/lib/session'
import { jobDurationMs } from '@/lib/stats'
import { plainText } from '@/lib/text'
import { useDocumentTitle } from '@/lib/use-document-title'
import { workflowQueries } from '../queries'
import { runStats, runWord } from '../workflow-runs'
import { jobPath, workflowPath } from '@/lib/links'

const LATEST = 3

function newestFirst(a: Job, b: Job) {
  return (b.creation_date ?? '').localeCompare(a.creation_date ?? '') || b.id.localeCompare(a.id)
}

/**
 * `/workflows`: every workflow of the organization with its latest runs, its success rate over the
 * runs the server keeps, and how many run now. All runs come from one request (the job list filtered
 * to WorkflowJobs), refreshed while any of them moves.
 */
export function WorkflowsPage() {
  useDocumentTitle('Workflows')
  const { config } = useSession()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const workflows = useQuery(workflowQueries.list())
  const runs = useQuery({
    ...workflowQueries.allRuns(),
    refetchInterval: (query) => (query.state.data?.jobs.some((j) => isRunning(j.lifecycle)) ? config.refreshIntervalMs : false),
  })
  const now = useNow(5000)

  const runsByWorkflow = useMemo(() => {
    const map = new Map<string, Job[]>()
    for (const j of runs.data?.jobs ?? []) {
      if (!j.workflow_id) continue
      map.set(j.workflow_id, [...(map.get(j.workflow_id) ?? []), j])
    }
    for (const list of map.values()) list.sort(newestFirst)
    return map
  }, [runs.data])

  const needle = q.trim().toLowerCase()
  const shown = (workflows.data?.workflows ?? []).filter((w) => !needle || w.name.toLowerCase().includes(needle))

  return (
    <div className="mx-auto max-w-6xl space-y-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Workflows</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">Chains of tasks: open one to see its graph and runs; open a run to see where it is.</p>
        </div>
        <label className="flex flex-col text-sm">
          <span className="font-medium">Filter by name</span>
          <input
            type="search"
            value={q}
            onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })}
            className="w-64 rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-800"
          />
        </label>
      </header>

      {workflows.isPending ? (
        <SkeletonRows rows={4} label="Loading workflows" />
      ) : workflows.isError ? (
        <ErrorPanel error={workflows.error} title="The workflows could not be loaded" onRetry={() => workflows.refetch()} />
      ) : (
        <>
          {runs.isError && <ErrorPanel error={runs.error} title="The runs could not be loaded; workflows are listed without them" onRetry={() => runs.refetch()} />}
          {workflows.data.skipped > 0 && (
            <p className="text-sm text-amber-900 dark:text-amber-200">
              {workflows.data.skipped} item(s) of the server’s answer were not workflows and are not shown.
            </p>
          )}
          {workflows.data.workflows.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-600">This organization has no workflows (or none you may see).</p>
          ) : shown.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-600">
              No workflow matches “{plainText(q, 80)}”.{' '}
              <button type="button" className="font-medium text-indigo-700 underline dark:text-indigo-300" onClick={() => setParams({}, { replace: true })}>
                Clear the filter
              </button>
            </p>
          ) : (
            <ul aria-label="Workflows" className="space-y-3">
              {shown.map((w) => {
                const list = runsByWorkflow.get(w.id) ?? []
                const stats = runStats(list)
                return (
                  <li key={w.id} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h2 className="text-lg font-semibold">
                        <Link to={workflowPath(w.id)} className="text-indigo-700 underline dark:text-indigo-300">
                          {plainText(w.name, 120)}
                        </Link>
                      </h2>
                      <p className="flex flex-wrap gap-x-4 text-sm text-slate-700 dark:text-slate-300">
                        <span>{stats.running > 0 ? <strong>{stats.running} running now</strong> : 'none running'}</span>
                        <span>
                          {stats.successRate === null
                            ? 'no finished run kept'
                            : `${Math.round(stats.successRate * 100)}% success over ${stats.finished} finished run${stats.finished === 1 ? '' : 's'} kept`}
                        </span>
                        {w.enable === false && <span>disabled</span>}
                      </p>
                    </div>
                    {w.description && <p className="text-sm text-slate-600 dark:text-slate-400">{plainText(w.description, 300)}</p>}
                    {runs.isPending ? (
                      <SkeletonRows rows={1} label="Loading runs" />
                    ) : list.length === 0 ? (
                      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No run kept.</p>
                    ) : (
                      <table className="mt-2 w-full text-left text-sm">
                        <caption className="sr-only">Latest runs of {plainText(w.name, 120)}</caption>
                        <thead className="text-xs text-slate-600 dark:text-slate-400">
                          <tr>
                            <th scope="col" className="py-1 pr-3 font-medium">Run</th>
                            <th scope="col" className="py-1 pr-3 font-medium">State</th>
                            <th scope="col" className="py-1 pr-3 font-medium">Started</th>
                            <th scope="col" className="py-1 pr-3 font-medium">Duration</th>
                            <th scope="col" className="py-1 font-medium">By</th>
                          </tr>
                        </thead>
                        <tbody>
                          {list.slice(0, LATEST).map((r) => (
                            <tr key={r.id} className="border-t border-slate-100 dark:border-slate-800">
                              <td className="py-1 pr-3">
                                <Link to={jobPath(r.id)} className="text-indigo-700 underline dark:text-indigo-300">
                                  Run {r.order ? `#${r.order}` : `…${r.id.slice(-6)}`}
                                </Link>
                              </td>
                              <td className="py-1 pr-3">
                                {runWord(r) === 'running' ? <span className="font-medium text-indigo-800 dark:text-indigo-300">▶ running</span> : <StateBadge state={r.state} />}
                              </td>
                              <td className="py-1 pr-3">
                                <RelativeTime date={r.creation_date} now={now} />
                              </td>
                              <td className="py-1 pr-3 tabular-nums">{formatDuration(jobDurationMs(r, now))}</td>
                              <td className="py-1">
                                <StartedBy job={r} />
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                  </li>
                )
              })}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
