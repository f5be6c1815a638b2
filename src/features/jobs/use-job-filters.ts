import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router'
import * as z from 'zod/mini'
import type { JobListQuery } from '@/api/jobs'

/**
 * The URL is the filter state (ui-contract.md): `task`, `state` and `lifecycle` (each repeats),
 * `type`, `q`, `since` (a rolling window: 1h, 24h, 7d) or `from`/`to` (ISO), and `sort`. Parsed
 * with a schema with defaults, so a hand-edited or stale link degrades to "no filter" for the bad
 * part instead of breaking the page.
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

/** Repeated values, trimmed, without empties or duplicates. */
const many = z.pipe(
  z.catch(z.array(z.string()), []),
  z.transform((ids: string[]) => [...new Set(ids.map((id) => id.trim()).filter(Boolean))]),
)

/** A rolling window: a number and a unit (m, h, d). The presets are 1h, 24h and 7d. */
const SINCE_RE = /^([1-9]\d{0,3})([mhd])$/
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const
export const SINCE_PRESETS = [
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
] as const

/** Milliseconds of a rolling window such as "24h"; null when it is not one. */
export function sinceMs(since: string | undefined): number | null {
  const m = since ? SINCE_RE.exec(since) : null
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : null
}

export const jobFiltersSchema = z.object({
  task: many,
  state: many,
  lifecycle: many,
  type: optional(nonEmpty),
  since: optional(z.string().check(z.trim(), z.regex(SINCE_RE))),
  q: z._default(z.catch(z.string(), ''), ''),
  from: optional(isoDate),
  to: optional(isoDate),
  sort: sortSchema,
})
export type JobFilters = z.output<typeof jobFiltersSchema>

export function parseJobFilters(params: URLSearchParams): JobFilters {
  const single = (k: string) => params.get(k) || undefined
  const f = jobFiltersSchema.parse({
    task: params.getAll('task'),
    state: params.getAll('state'),
    lifecycle: params.getAll('lifecycle'),
    type: single('type'),
    since: single('since'),
    q: params.get('q') ?? '',
    from: single('from'),
    to: single('to'),
    sort: single('sort'),
  })
  // A rolling window and a fixed range do not combine: the rolling one (a preset) wins.
  return f.since ? { ...f, from: undefined, to: undefined } : f
}

export function sortParam(sort: Sort): string | undefined {
  if (sort.key === DEFAULT_SORT.key && sort.dir === DEFAULT_SORT.dir) return undefined
  return sort.dir === 'desc' ? `-${sort.key}` : sort.key
}

/** Writes filters into search params; keeps unrelated params (e.g. the mock's `scenario`). */
export function writeJobFilters(params: URLSearchParams, f: JobFilters): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const k of ['task', 'state', 'lifecycle', 'type', 'since', 'q', 'from', 'to', 'sort']) next.delete(k)
  for (const id of f.task) next.append('task', id)
  for (const v of f.state) next.append('state', v)
  for (const v of f.lifecycle) next.append('lifecycle', v)
  if (f.type) next.set('type', f.type)
  if (f.since) next.set('since', f.since)
  if (f.q.trim()) next.set('q', f.q)
  if (f.from && !f.since) next.set('from', f.from)
  if (f.to && !f.since) next.set('to', f.to)
  const s = sortParam(f.sort)
  if (s) next.set('sort', s)
  return next
}

/** The part of the filters the server applies (`where[...]`); text search and sort stay client-side. */
export function serverQuery(f: JobFilters): JobListQuery {
  const q: JobListQuery = {}
  if (f.task.length) q.taskIds = [...f.task].sort()
  if (f.state.length) q.states = [...f.state].sort()
  if (f.lifecycle.length) q.lifecycles = [...f.lifecycle].sort()
  if (f.type) q.types = [f.type]
  const rolling = sinceMs(f.since)
  // The window is applied when each request is sent (api/jobs.ts), so it keeps rolling.
  if (rolling) q.sinceMs = rolling
  else {
    if (f.from) q.from = f.from
    if (f.to) q.to = f.to
  }
  return q
}

export function hasServerFilters(f: JobFilters): boolean {
  return f.task.length > 0 || f.state.length > 0 || f.lifecycle.length > 0 || !!f.type || !!f.since || !!f.from || !!f.to
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
