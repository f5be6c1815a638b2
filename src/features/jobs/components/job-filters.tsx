import { useEffect, useEffectEvent, useId, useLayoutEffect, useRef, useState, type Ref } from 'react'
import { JOB_STATES, JOB_TYPES, LIFECYCLES } from '@/api/schemas/job'
import type { Task } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
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
  /** Narrow screens: whether the filters panel is expanded (wide screens always show it). */
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** How many filters are set (each task counts), for the collapsed panel's button. */
export function activeFilterCount(f: JobFilters): number {
  return f.task.length + [f.state, f.lifecycle, f.type, f.q.trim(), f.from || f.to].filter(Boolean).length
}

export function JobFiltersBar({ filters, tasks, tasksError, onChange, onClear, active, searchRef, open, onOpenChange }: JobFiltersBarProps) {
  const formId = useId()
  const count = activeFilterCount(filters)
  return (
    <div>
      {/* On a phone the filters would fill the first screen: they fold behind this button (sm and up: always shown). */}
      <Button
        variant="secondary"
        className="w-full justify-between sm:hidden"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => onOpenChange(!open)}
      >
        <span>{count > 0 ? `Filters · ${count} active` : 'Filters'}</span>
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </Button>
      <form
        id={formId}
        role="search"
        aria-label="Filter jobs"
        onSubmit={(e) => e.preventDefault()}
        className={cn(
          'flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-white p-3 sm:flex sm:mt-0 dark:border-slate-700 dark:bg-slate-900',
          open ? 'mt-2 flex' : 'hidden',
        )}
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
    </div>
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
    <div className="flex flex-col">
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
        // A fixed height: an empty list (task names not in yet) and a filled one are not the same height otherwise.
        className={`${control} h-[4.875rem] w-56 py-1`}
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
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (!Number.isFinite(d.getTime())) return ''
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  // The year needs 4 digits: "2-03-15T10:30" is not a valid value and would blank the input.
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/**
 * A complete local date-time to ISO; undefined for "" and for a year still being typed: while the
 * year segment is edited the input reports 0002, 0020, 0202… which must not become filters.
 */
export function fromLocalInput(v: string): string | undefined {
  if (!v) return undefined
  const t = new Date(v).getTime()
  if (!Number.isFinite(t) || new Date(t).getFullYear() < 1000) return undefined
  return new Date(t).toISOString()
}

const PRESETS: Array<{ label: string; ms: number }> = [
  { label: 'Last hour', ms: 3_600_000 },
  { label: 'Last 24 h', ms: 86_400_000 },
  { label: 'Last 7 days', ms: 7 * 86_400_000 },
]

function timeZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time'
  } catch {
    return 'local time'
  }
}

function CreatedRange({ from, to, onChange }: { from?: string; to?: string; onChange: (r: { from?: string; to?: string }) => void }) {
  const hintId = useId()
  const inverted = !!from && !!to && Date.parse(from) > Date.parse(to)
  return (
    <fieldset className="flex flex-wrap items-end gap-2" aria-describedby={hintId}>
      <legend className={labelCls}>Created</legend>
      <div className="flex gap-1" role="group" aria-label="Created presets">
        {PRESETS.map((p) => (
          // The preset becomes an absolute ISO `from` in the URL (ui-contract: from/to are ISO dates).
          <Button key={p.label} size="sm" variant="secondary" onClick={() => onChange({ from: new Date(Date.now() - p.ms).toISOString(), to: undefined })}>
            {p.label}
          </Button>
        ))}
      </div>
      <DateTimeField label="Created from" value={from} onCommit={(v) => onChange({ from: v, to })} describedBy={hintId} />
      <span aria-hidden="true" className="pb-2 text-slate-500">
        –
      </span>
      <DateTimeField label="Created to" value={to} onCommit={(v) => onChange({ from, to: v })} describedBy={hintId} />
      {(from || to) && (
        <Button size="sm" variant="ghost" className="mb-0.5" onClick={() => onChange({ from: undefined, to: undefined })}>
          Clear dates
        </Button>
      )}
      <p id={hintId} className="basis-full text-xs text-slate-600 dark:text-slate-300">
        {inverted ? (
          <span role="alert" className="font-medium text-red-700 dark:text-red-300">
            “From” is after “to”: no job can match.
          </span>
        ) : (
          `Times in your time zone (${timeZoneName()}).`
        )}
      </p>
    </fieldset>
  )
}

/**
 * One end of the created range. Uncontrolled on purpose: the browser keeps half-typed segments
 * that a controlled value would undo (Backspace on one segment reads as ""). What is typed goes to
 * the URL once it is a whole date (a year of four digits), after a short pause, so editing a
 * segment does not send a request (and a history entry) per keystroke. Emptying the field removes
 * that end; a field left half filled shows the applied value again when it loses focus.
 */
function DateTimeField({ label, value, onCommit, describedBy }: { label: string; value: string | undefined; onCommit: (iso: string | undefined) => void; describedBy: string }) {
  const id = useId()
  const ref = useRef<HTMLInputElement>(null)
  const applied = toLocalInput(value)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  // The pending commit runs later (timer): it must see the latest URL value and callback.
  const latest = useRef({ applied, onCommit })
  useLayoutEffect(() => {
    latest.current = { applied, onCommit }
  })
  const commit = (v: string) => {
    clearTimeout(timer.current)
    if (v !== latest.current.applied) latest.current.onCommit(v ? fromLocalInput(v) : undefined)
  }
  // The URL moved from outside (presets, Clear dates, Clear filters, back/forward): show it,
  // unless the user is typing in this field.
  useEffect(() => {
    const el = ref.current
    if (el && el !== document.activeElement && el.value !== applied) el.value = applied
  }, [applied])
  useEffect(() => () => clearTimeout(timer.current), [])
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        type="datetime-local"
        defaultValue={applied}
        aria-describedby={describedBy}
        // onInput, not onChange: React drops a change from "" (half filled) to "" (emptied).
        onInput={(e) => {
          const el = e.currentTarget
          clearTimeout(timer.current)
          // Half filled ("" with badInput) or a year still being typed: keep the applied filter.
          if (el.validity.badInput || (el.value && !fromLocalInput(el.value))) return
          const v = el.value
          timer.current = setTimeout(() => commit(v), 400)
        }}
        onBlur={(e) => {
          const el = e.currentTarget
          if (el.validity.badInput || (el.value && !fromLocalInput(el.value))) el.value = applied
          else commit(el.value)
        }}
        className={control}
      />
    </div>
  )
}
