import { useEffect, useEffectEvent, useId, useState, type Ref } from 'react'
import { JOB_STATES, JOB_TYPES, LIFECYCLES } from '@/api/schemas/job'
import type { Task } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { plainText } from '@/lib/text'
import type { JobFilters } from '../use-job-filters'

const control =
  'h-9 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100'
const labelCls = 'mb-1 block text-xs font-semibold text-slate-700 dark:text-slate-200'

export interface JobFiltersBarProps {
  filters: JobFilters
  tasks: Task[] | undefined
  tasksError: unknown
  onChange: (patch: Partial<JobFilters>, opts?: { replace?: boolean }) => void
  onClear: () => void
  active: boolean
  searchRef: Ref<HTMLInputElement>
}

export function JobFiltersBar({ filters, tasks, tasksError, onChange, onClear, active, searchRef }: JobFiltersBarProps) {
  return (
    <form
      role="search"
      aria-label="Filter jobs"
      onSubmit={(e) => e.preventDefault()}
      className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <TaskSelect value={filters.task} tasks={tasks} tasksError={tasksError} onChange={(task) => onChange({ task })} />
      <ValueSelect label="State" any="Any state" value={filters.state} values={JOB_STATES} onChange={(state) => onChange({ state })} />
      <ValueSelect label="Lifecycle" any="Any lifecycle" value={filters.lifecycle} values={LIFECYCLES} onChange={(lifecycle) => onChange({ lifecycle })} />
      <ValueSelect label="Type" any="Any type" value={filters.type} values={JOB_TYPES} onChange={(type) => onChange({ type })} />
      <SearchBox value={filters.q} onCommit={(q) => onChange({ q }, { replace: true })} inputRef={searchRef} />
      <CreatedRange from={filters.from} to={filters.to} onChange={(range) => onChange(range)} />
      <Button variant="ghost" onClick={onClear} disabled={!active}>
        Clear filters
      </Button>
    </form>
  )
}

/**
 * "Task": a type-ahead box that narrows a native multiple select (role listbox, named "Task";
 * Ctrl/Cmd+click or Shift+arrows pick several; Enter in the box picks the first match).
 * Options are task names, values ids.
 */
function TaskSelect({ value, tasks, tasksError, onChange }: { value: string[]; tasks: Task[] | undefined; tasksError: unknown; onChange: (ids: string[]) => void }) {
  const id = useId()
  const findId = useId()
  const hintId = useId()
  const [find, setFind] = useState('')
  const known = new Set((tasks ?? []).map((t) => t.id))
  const needle = find.trim().toLowerCase()
  const all = [...(tasks ?? [])].sort((a, b) => a.name.localeCompare(b.name))
  // Type-ahead narrows the options; selected tasks always stay listed (and selected).
  const options = needle ? all.filter((t) => value.includes(t.id) || t.name.toLowerCase().includes(needle)) : all
  // A task id from a shared link that is not (or not yet) in the task list still shows as selected.
  const unknown = value.filter((v) => !known.has(v))
  return (
    <div>
      <label htmlFor={id} className={labelCls}>
        Task
      </label>
      <input
        id={findId}
        type="search"
        value={find}
        onChange={(e) => setFind(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter picks the first match, like a combobox.
          if (e.key !== 'Enter') return
          e.preventDefault()
          const first = options.find((t) => !value.includes(t.id))
          if (first) onChange([...value, first.id])
          setFind('')
        }}
        aria-label="Find a task"
        aria-controls={id}
        placeholder="Find a task…"
        className={`${control} mb-1 w-56`}
      />
      <select
        id={id}
        multiple
        size={4}
        value={value}
        aria-describedby={hintId}
        onChange={(e) => onChange([...e.currentTarget.selectedOptions].map((o) => o.value))}
        className={`${control} h-auto w-56 py-1`}
      >
        {options.map((t) => (
          <option key={t.id} value={t.id}>
            {plainText(t.name, 80)}
          </option>
        ))}
        {unknown.map((v) => (
          <option key={v} value={v}>
            {plainText(v, 80)}
          </option>
        ))}
      </select>
      <p id={hintId} className="mt-1 w-56 text-xs text-slate-600 dark:text-slate-300">
        {tasksError
          ? 'Task names could not be loaded; ids shown.'
          : needle && options.length === 0
            ? 'No task matches.'
            : value.length
              ? `${value.length} selected · Ctrl+click for more`
              : 'Type above to narrow, Enter to pick · Ctrl+click for several'}
      </p>
    </div>
  )
}

function ValueSelect({ label, any, value, values, onChange }: { label: string; any: string; value: string | undefined; values: readonly string[]; onChange: (v: string | undefined) => void }) {
  const id = useId()
  const all = value && !values.includes(value) ? [...values, value] : values
  return (
    <div>
      <label htmlFor={id} className={labelCls}>
        {label}
      </label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} className={control}>
        <option value="">{any}</option>
        {all.map((v) => (
          <option key={v} value={v}>
            {plainText(v, 60)}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * Free text, debounced into `q`. Local state only while typing; when `q` changes from outside
 * (back/forward, Clear filters) the box follows it.
 */
function SearchBox({ value, onCommit, inputRef }: { value: string; onCommit: (q: string) => void; inputRef: Ref<HTMLInputElement> }) {
  const id = useId()
  const [text, setText] = useState(value)
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    // Adjusting state during render (React docs pattern): the URL moved (ours or back/forward).
    setSeen(value)
    setText(value)
  }
  // The parent's callback changes every render; the debounce must not restart because of it.
  const commit = useEffectEvent((q: string) => onCommit(q))
  useEffect(() => {
    if (text === value) return
    const t = setTimeout(() => commit(text), 300)
    return () => clearTimeout(t)
  }, [text, value])
  return (
    <div>
      <label htmlFor={id} className={labelCls}>
        Search
      </label>
      <input
        id={id}
        ref={inputRef}
        type="search"
        value={text}
        placeholder="Name, task, host or id  ( / )"
        onChange={(e) => setText(e.currentTarget.value)}
        className={`${control} w-60`}
        autoComplete="off"
      />
    </div>
  )
}

/** `<input type=datetime-local>` speaks local time without zone; the URL speaks ISO. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (!Number.isFinite(d.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
function fromLocalInput(v: string): string | undefined {
  if (!v) return undefined
  const t = new Date(v).getTime()
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined
}

const PRESETS: Array<{ label: string; ms: number }> = [
  { label: 'Last hour', ms: 3_600_000 },
  { label: 'Last 24 h', ms: 86_400_000 },
  { label: 'Last 7 days', ms: 7 * 86_400_000 },
]

function CreatedRange({ from, to, onChange }: { from?: string; to?: string; onChange: (r: { from?: string; to?: string }) => void }) {
  const fromId = useId()
  const toId = useId()
  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className={labelCls}>Created</legend>
      <div className="flex gap-1" role="group" aria-label="Created presets">
        {PRESETS.map((p) => (
          // The preset becomes an absolute ISO `from` in the URL (ui-contract: from/to are ISO dates).
          <Button key={p.label} size="sm" variant="secondary" onClick={() => onChange({ from: new Date(Date.now() - p.ms).toISOString(), to: undefined })}>
            {p.label}
          </Button>
        ))}
      </div>
      <div>
        <label htmlFor={fromId} className="sr-only">
          Created from
        </label>
        <input id={fromId} type="datetime-local" value={toLocalInput(from)} onChange={(e) => onChange({ from: fromLocalInput(e.currentTarget.value), to })} className={control} />
      </div>
      <span aria-hidden="true" className="pb-2 text-slate-500">
        –
      </span>
      <div>
        <label htmlFor={toId} className="sr-only">
          Created to
        </label>
        <input id={toId} type="datetime-local" value={toLocalInput(to)} onChange={(e) => onChange({ from, to: fromLocalInput(e.currentTarget.value) })} className={control} />
      </div>
    </fieldset>
  )
}
