import type { SortKey } from './use-job-filters'

/**
 * The jobs table's columns and which of them fit. Pure: the table measures its container and asks
 * `fitColumns` which optional columns to show, so no column is ever pushed out of view: a column
 * that does not fit is dropped (lowest priority first) and stays reachable in the column chooser.
 */

export type ColumnKey = 'status' | 'name' | 'task' | 'owner' | 'host' | 'created' | 'duration' | 'lifecycle' | 'type' | 'origin'

export interface ColumnDef {
  key: ColumnKey
  label: string
  sort: SortKey
  /** Fixed width in px; the Name column takes what is left. */
  width: number
  /** Shown unless the user hides it (optional columns only). */
  defaultOn: boolean
}

/** Status first, then the name; optional columns in the order they are dropped when room runs out (last first). */
export const COLUMNS: readonly ColumnDef[] = [
  { key: 'status', label: 'Status', sort: 'state', width: 136, defaultOn: true },
  { key: 'name', label: 'Name', sort: 'name', width: 0, defaultOn: true },
  { key: 'task', label: 'Task', sort: 'task', width: 168, defaultOn: true },
  { key: 'created', label: 'Created', sort: 'created', width: 128, defaultOn: true },
  { key: 'duration', label: 'Duration', sort: 'duration', width: 104, defaultOn: true },
  { key: 'owner', label: 'Owner', sort: 'owner', width: 128, defaultOn: true },
  { key: 'host', label: 'Host', sort: 'host', width: 120, defaultOn: true },
  { key: 'lifecycle', label: 'Lifecycle', sort: 'lifecycle', width: 120, defaultOn: true },
  { key: 'type', label: 'Type', sort: 'type', width: 128, defaultOn: false },
  { key: 'origin', label: 'Origin', sort: 'origin', width: 104, defaultOn: false },
]

export const OPTIONAL_COLUMNS = COLUMNS.filter((c) => c.key !== 'status' && c.key !== 'name')

/** The Name column never gets narrower than this: below it, optional columns give way. */
export const MIN_NAME_WIDTH = 200
/** Below this container width the table becomes two-line rows (status and name, then the facts). */
export const COMPACT_BELOW = 600

export type ColumnChoice = Partial<Record<ColumnKey, boolean>>

export function isChosen(key: ColumnKey, choice: ColumnChoice): boolean {
  const def = COLUMNS.find((c) => c.key === key)
  if (!def) return false
  if (key === 'status' || key === 'name') return true
  return choice[key] ?? def.defaultOn
}

export interface ColumnFit {
  compact: boolean
  /** Columns shown, in display order. */
  shown: ColumnDef[]
  /** Columns the user wants but that do not fit at this width. */
  noRoom: ColumnKey[]
}

/**
 * Which chosen columns fit a container `width` px wide (0 = unknown, e.g. no layout: assume a
 * desktop). Drops chosen optional columns from the end of COLUMNS until the Name column keeps
 * MIN_NAME_WIDTH.
 */
/** Two fits that show the same columns the same way. */
export function sameFit(a: ColumnFit, b: ColumnFit): boolean {
  const keys = (cs: readonly { key: string }[]) => cs.map((c) => c.key).join(',')
  return a.compact === b.compact && keys(a.shown) === keys(b.shown) && a.noRoom.join(',') === b.noRoom.join(',')
}

export function fitColumns(width: number, choice: ColumnChoice): ColumnFit {
  const w = width > 0 ? width : 1200
  if (w < COMPACT_BELOW) return { compact: true, shown: COLUMNS.filter((c) => c.key === 'status' || c.key === 'name'), noRoom: [] }
  const chosen = COLUMNS.filter((c) => isChosen(c.key, choice))
  const noRoom: ColumnKey[] = []
  const used = () => chosen.reduce((sum, c) => sum + c.width, 0)
  while (used() + MIN_NAME_WIDTH > w) {
    const drop = chosen.findLastIndex((c) => c.key !== 'status' && c.key !== 'name')
    if (drop < 0) break
    noRoom.unshift(chosen[drop]!.key)
    chosen.splice(drop, 1)
  }
  return { compact: false, shown: chosen, noRoom }
}

/** Where the user's column choice is kept (localStorage). */
export const COLUMNS_KEY = 'jobs-columns'

/** The user's column choice; nothing chosen when storage is unavailable or holds something else. */
export function readColumnChoice(): ColumnChoice {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? '{}')
    return v && typeof v === 'object' ? (v as ColumnChoice) : {}
  } catch {
    return {}
  }
}
