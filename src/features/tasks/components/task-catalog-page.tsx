import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { isFinished } from '@/api/schemas/job'
import type { Task } from '@/api/schemas/task'
import { ErrorPanel } from '@/components/ui/error-panel'
import { Field, Input, Select } from '@/components/ui/field'
import { SkeletonRows } from '@/components/ui/skeleton'
import { LifecycleBadge, StateBadge } from '@/components/ui/status'
import { RelativeTime } from '@/components/ui/time'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { useDocumentTitle } from '@/lib/use-document-title'
import { facetValues, filterTasks, hostReporting, successRateText, taskKind, taskStats, type CatalogFilter, type TaskStats } from '../catalog-model'
import { taskQueries } from '../queries'
import { ReportingText } from './preflight-summary'
import { jobPath, taskRunPath } from '@/lib/links'

function useCatalogFilter(): [CatalogFilter, (next: Partial<CatalogFilter>) => void] {
  const [params, setParams] = useSearchParams()
  const filter: CatalogFilter = { q: params.get('q') ?? '', type: params.get('type') ?? '', tag: params.get('tag') ?? '' }
  const update = (next: Partial<CatalogFilter>) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev)
        for (const [k, v] of Object.entries(next)) {
          if (v) p.set(k, v)
          else p.delete(k)
        }
        return p
      },
      { replace: true },
    )
  }
  return [filter, update]
}

/** `/tasks`: every task of the organization, with its bot, how it has been doing, and a way to run it. */
export function TaskCatalogPage() {
  useDocumentTitle('Tasks')
  const { config } = useSession()
  const tasks = useQuery(taskQueries.list())
  const hosts = useQuery(taskQueries.hosts())
  const liveness = useQuery(taskQueries.liveness())
  const jobs = useQuery({ ...taskQueries.recentJobs(), refetchInterval: config.refreshIntervalMs * 6 })
  const running = useQuery({ ...taskQueries.runningCounts(), refetchInterval: config.refreshIntervalMs })
  const [filter, setFilter] = useCatalogFilter()

  const stats = useMemo(() => taskStats(jobs.data?.jobs ?? [], running.data), [jobs.data, running.data])
  const all = useMemo(() => tasks.data ?? [], [tasks.data])
  const facets = useMemo(() => facetValues(all), [all])
  const shown = useMemo(() => filterTasks(all, filter), [all, filter])
  const hostName = (id: string | undefined, task: Task) => (id ? (hosts.data?.find((h) => h.id === id)?.hostname ?? task.hostname ?? id) : undefined)

  return (
    <div className="mx-auto max-w-7xl space-y-4 p-4 sm:p-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Tasks</h1>
          <p className="text-sm text-slate-700 dark:text-slate-300">Every task of the organization. Open its jobs, or run it with a checked form.</p>
        </div>
      </header>
      <div role="search" aria-label="Filter tasks" className="flex flex-wrap items-end gap-3">
        <Field label="Search tasks">
          {(control) => <Input {...control} type="search" value={filter.q} onChange={(e) => setFilter({ q: e.target.value })} placeholder="Name contains…" className="w-64" />}
        </Field>
        <FacetSelect label="Type" allLabel="All types" value={filter.type} options={facets.types} onChange={(type) => setFilter({ type })} />
        <FacetSelect label="Tag" allLabel="All tags" value={filter.tag} options={facets.tags} onChange={(tag) => setFilter({ tag })} />
        {tasks.data && (
          <p role="status" className="pb-1.5 text-sm text-slate-700 dark:text-slate-300">
            {shown.length === all.length ? `${all.length} tasks` : `${shown.length} of ${all.length} tasks`}
          </p>
        )}
      </div>
      {(jobs.isError || running.isError) && (
        <p className="text-sm text-amber-900 dark:text-amber-200">
          <span aria-hidden="true">⚠ </span>Recent runs could not be loaded; last run, success and running counts may be missing.
        </p>
      )}
      {tasks.isPending ? (
        <SkeletonRows rows={6} label="Loading tasks" />
      ) : tasks.isError && !tasks.data ? (
        <ErrorPanel error={tasks.error} title="The tasks could not be loaded" onRetry={() => tasks.refetch()} />
      ) : shown.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-600">
          {all.length === 0 ? 'This organization has no tasks you can see.' : 'No task matches these filters.'}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Tasks</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-700 uppercase dark:bg-slate-900 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2">Task</th>
                <th scope="col" className="px-3 py-2">Type</th>
                <th scope="col" className="px-3 py-2">Bot</th>
                <th scope="col" className="px-3 py-2">Last run</th>
                <th scope="col" className="px-3 py-2">Succeeded (kept runs)</th>
                <th scope="col" className="px-3 py-2">Running now</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-700">
              {shown.map((task) => (
                <CatalogRow
                  key={task.id}
                  task={task}
                  stats={stats.get(task.id)}
                  statsLoading={jobs.isPending}
                  hostName={hostName(task.host_id, task)}
                  reporting={hostReporting(task.host_id, liveness.data)}
                  livenessState={liveness.data?.find((r) => r.hostId === task.host_id)?.state}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

function CatalogRow({
  task,
  stats,
  statsLoading,
  hostName,
  reporting,
  livenessState,
}: {
  task: Task
  stats: TaskStats | undefined
  statsLoading: boolean
  hostName: string | undefined
  reporting: ReturnType<typeof hostReporting>
  livenessState?: string
}) {
  const name = plainText(task.name, 200)
  return (
    <tr className="align-top">
      <td className="px-3 py-2">
        <Link to={`/jobs?task=${encodeURIComponent(task.id)}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {name}
        </Link>
        {task.description && <p className="text-xs text-slate-600 dark:text-slate-400">{plainText(task.description, 160)}</p>}
        {task.tags && task.tags.length > 0 && (
          <p className="mt-1 flex flex-wrap gap-1">
            {task.tags.map((t) => (
              <span key={t} className="rounded bg-slate-100 px-1.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200">
                <span className="sr-only">tag </span>
                {plainText(t, 40)}
              </span>
            ))}
          </p>
        )}
      </td>
      <td className="px-3 py-2">{taskKind(task)}</td>
      <td className="px-3 py-2">
        {hostName ? (
          <>
            <span className="block font-medium">{plainText(hostName, 80)}</span>
            <ReportingText reporting={reporting} state={livenessState} />
          </>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">no bot</span>
        )}
      </td>
      <td className="px-3 py-2">
        {stats?.last ? (
          <span className="flex flex-wrap items-center gap-1">
            {isFinished(stats.last.lifecycle) ? <StateBadge state={stats.last.state} /> : <LifecycleBadge lifecycle={stats.last.lifecycle} />}
            <Link to={jobPath(stats.last.id)} className="text-xs text-slate-700 underline dark:text-slate-300">
              <span className="sr-only">Last run of {name}: </span>
              <RelativeTime date={stats.last.creation_date} />
            </Link>
          </span>
        ) : statsLoading ? (
          <span className="text-slate-500">…</span>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">no kept runs</span>
        )}
      </td>
      <td className="px-3 py-2">{statsLoading ? '…' : successRateText(stats)}</td>
      <td className="px-3 py-2">{stats?.running ? <strong>{stats.running} running</strong> : <span className="text-slate-600 dark:text-slate-400">none</span>}</td>
      <td className="px-3 py-2 text-right">
        <Link
          to={taskRunPath(task.id)}
          aria-label={`Run ${name}`}
          className="inline-flex h-8 items-center rounded-md bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Run
        </Link>
      </td>
    </tr>
  )
}

/** A filter over one facet of the tasks (type, tag): "All" or one value. Values are data: shown as text. */
function FacetSelect({ label, allLabel, value, options, onChange }: { label: string; allLabel: string; value: string; options: string[]; onChange: (value: string) => void }) {
  return (
    <Field label={label}>
      {(control) => (
        <Select {...control} value={value} onChange={(e) => onChange(e.target.value)} className="w-40">
          <option value="">{allLabel}</option>
          {options.map((t) => (
            <option key={t} value={t}>
              {plainText(t, 60)}
            </option>
          ))}
        </Select>
      )}
    </Field>
  )
}
