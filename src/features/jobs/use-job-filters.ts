import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import * as z from 'zod/mini'
import type { JobListQuery } from '@/api/jobs'

/**
 * The URL is the filter state (ui-contract.md): `task` (repeats), `state`, `lifecycle`, `type`,
 * `q`, `from`/`to` (ISO) and `sort`. Parsed with a schema with defaults, so a hand-edited or stale
 * link degrades to "no filter" for the bad part instead of breaking the page.
 */

export const SORT_KEYS = ['name', 'task', 'type', 'state', 'lifecycle', 'owner', 'host', 'created', 'duration', 'origin'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export interface Sort {
  key: SortKey
  dir: 'asc' | 'desc'
}
/** Newest first: the server's own order (`_id` desc). */
export const DEFAULT_SORT: Sort = { key: 'created', dir: 'desc' }

const isoDate = z.pipe(
  z.string().check(z.trim(), z.refine((v) => Number.isFinite(Date.parse(v)))),
  z.transform((v: string) => new Date(v).toISOString()),
)

/** One optional value: empty or invalid means "not set". */
const optional = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined)

function parseSort(raw: string): Sort {
  const desc = raw.startsWith('-')
  const key = (desc ? raw.slice(1) : raw) as SortKey
  return SORT_KEYS.includes(key) ? { key, dir: desc ? 'desc' : 'asc' } : DEFAULT_SORT
}

const sortSchema = z.catch(
  z.pipe(z.optional(z.string()), z.transform((raw: string | undefined): Sort => (raw ? parseSort(raw) : DEFAULT_SORT))),
  DEFAULT_SORT,
)

const nonEmpty = z.string().check(z.trim(), z.minLength(1))

export const jobFiltersSchema = z.object({
  task: z.pipe(
    z.catch(z.array(z.string()), []),
    z.transform((ids: string[]) => [...new Set(ids.map((id) => id.trim()).filter(Boolean))]),
  ),
  state: optional(nonEmpty),
  lifecycle: optional(nonEmpty),
  type: optional(nonEmpty),
  q: z._default(z.catch(z.string(), ''), ''),
  from: optional(isoDate),
  to: optional(isoDate),
  sort: sortSchema,
})
export type JobFilters = z.output<typeof jobFiltersSchema>

export function parseJobFilters(params: URLSearchParams): JobFilters {
  const single = (k: string) => params.get(k) || undefined
  return jobFiltersSchema.parse({
    task: params.getAll('task'),
    state: single('state'),
    lifecycle: single('lifecycle'),
    type: single('type'),
    q: params.get('q') ?? '',
    from: single('from'),
    to: single('to'),
    sort: single('sort'),
  })
}

export function sortParam(sort: Sort): string | undefined {
  if (sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir) return undefined
  return sort.dir === 'desc' ? `-${sort.key}` : sort.key
}

/** Writes filters into search params; keeps unrelated params (e.g. the mock's `scenario`). */
export function writeJobFilters(params: URLSearchParams, f: JobFilters): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const k of ['task', 'state', 'lifecycle', 'type', 'q', 'from', 'to', 'sort']) next.delete(k)
  for (const id of f.task) next.append('task', id)
  if (f.state) next.set('state', f.state)
  if (f.lifecycle) next.set('lifecycle', f.lifecycle)
  if (f.type) next.set('type', f.type)
  if (f.q.trim()) next.set('q', f.q)
  if (f.from) next.set('from', f.from)
  if (f.to) next.set('to', f.to)
  const s = sortParam(f.sort)
  if (s) next.set('sort', s)
  return next
}

/** The part of the filters the server applies (`where[...]`); text search and sort stay client-side. */
export function serverQuery(f: JobFilters): JobListQuery {
  const q: JobListQuery = {}
  if (f.task.length) q.taskIds = [...f.task].sort()
  if (f.state) q.states = [f.state]
  if (f.lifecycle) q.lifecycles = [f.lifecycle]
  if (f.type) q.types = [f.type]
  if (f.from) q.from = f.from
  if (f.to) q.to = f.to
  return q
}

export function hasServerFilters(f: JobFilters): boolean {
  return f.task.length > 0 || !!f.state || !!f.lifecycle || !!f.type || !!f.from || !!f.to
}

export function hasAnyFilter(f: JobFilters): boolean {
  return hasServerFilters(f) || f.q.trim() !== ''
}

export function useJobFilters() {
  const [params, setParams] = useSearchParams()
  const filters = useMemo(() => parseJobFilters(params), [params])

  /**
   * Changing a filter adds a history entry (back undoes it); typing in the search box replaces
   * the entry so Back does not step through every keystroke.
   */
  const update = useCallback(
    (patch: Partial<JobFilters>, opts: { replace?: boolean } = {}) => {
      setParams((prev) => writeJobFilters(prev, { ...parseJobFilters(prev), ...patch }), { replace: opts.replace })
    },
    [setParams],
  )

  const clear = useCallback(() => {
    setParams((prev) => writeJobFilters(prev, { ...parseJobFilters(new URLSearchParams()), sort: parseJobFilters(prev).sort }))
  }, [setParams])

  return { filters, update, clear }
}
