import { useEffect, useEffectEvent, useId, useState, type Ref } from 'react'
import { JOB_STATES, JOB_TYPES, LIFECYCLES } from '@/api/schemas/job'
import type { Task } from '@/api/schemas/task'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { InlineField, Input, Select } from '@/components/ui/field'
import { lifecycleLabel } from '@/components/ui/status'
import { plainText } from '@/lib/text'
import type { JobFilters } from '../use-job-filters'
import { CreatedRange, CreatedSelect } from './created-range'
import { MultiCombobox } from './multi-combobox'
import { TaskPicker } from './task-picker'

// Named by the state's value, as ui-contract.md has it (`in_progress`, not the badge's "in progress"): the URL, the
// server and the options say the same word.
const STATE_OPTIONS = JOB_STATES.map((s) => ({ value: s, label: s }))
const LIFECYCLE_OPTIONS = LIFECYCLES.map((l) => ({ value: l, label: lifecycleLabel(l) }))

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

/** How many filters are set (each task, state and lifecycle counts), for the collapsed panel's button. */
export function activeFilterCount(f: JobFilters): number {
  return f.task.length + f.state.length + f.lifecycle.length + [f.type, f.q.trim(), f.since || f.from || f.to].filter(Boolean).length
}

/**
 * One line of filters above the table: search, Task, State, Lifecycle, Created, and "More filters"
 * for the rarer ones (job type, a custom date range). On a phone the whole bar folds behind a
 * "Filters" button.
 */
export function JobFiltersBar({ filters, tasks, tasksError, onChange, onClear, active, searchRef, open, onOpenChange }: JobFiltersBarProps) {
  const formId = useId()
  const moreId = useId()
  const count = activeFilterCount(filters)
  const [customPicked, setCustomPicked] = useState(false)
  const custom = !!(filters.from || filters.to)
  const [moreOpen, setMoreOpen] = useState(() => custom || !!filters.type)
  // A link (or back/forward) that brings a custom range or a type shows the fields that hold it.
  const [seen, setSeen] = useState(custom || !!filters.type)
  if ((custom || !!filters.type) !== seen) {
    setSeen(custom || !!filters.type)
    if (custom || filters.type) setMoreOpen(true)
  }
  const rare = (filters.type ? 1 : 0) + (custom ? 1 : 0)
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
        className={cn('flex-col gap-2 sm:mt-0 sm:flex', open ? 'mt-2 flex' : 'hidden')}
      >
        <div className="flex flex-wrap items-start gap-2">
          <SearchBox value={filters.q} onCommit={(q) => onChange({ q }, { replace: true })} inputRef={searchRef} />
          <TaskPicker value={filters.task} tasks={tasks} tasksError={tasksError} onChange={(task) => onChange({ task })} />
          <MultiCombobox label="State" options={STATE_OPTIONS} selected={filters.state} onChange={(state) => onChange({ state })} placeholder="Any" className="w-40" />
          <MultiCombobox label="Lifecycle" options={LIFECYCLE_OPTIONS} selected={filters.lifecycle} onChange={(lifecycle) => onChange({ lifecycle })} placeholder="Any" className="w-44" />
          <CreatedSelect
            since={filters.since}
            custom={custom || (customPicked && !filters.since)}
            onSince={(since) => {
              setCustomPicked(false)
              onChange({ since, from: undefined, to: undefined })
            }}
            onCustom={() => {
              setCustomPicked(true)
              setMoreOpen(true)
              // The range starts empty: the fields below take the dates.
              onChange({ since: undefined })
              requestAnimationFrame(() => document.getElementById(`${moreId}-from`)?.querySelector('input')?.focus())
            }}
          />
          <Button variant="ghost" aria-expanded={moreOpen} aria-controls={moreId} onClick={() => setMoreOpen((o) => !o)}>
            {rare > 0 ? `More filters · ${rare}` : 'More filters'}
            <span aria-hidden="true">{moreOpen ? '▴' : '▾'}</span>
          </Button>
          <Button variant="ghost" onClick={onClear} disabled={!active}>
            Clear filters
          </Button>
        </div>
        <div id={moreId} hidden={!moreOpen} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
          <TypeSelect value={filters.type} onChange={(type) => onChange({ type })} />
          <div id={`${moreId}-from`}>
            <CreatedRange from={filters.from} to={filters.to} onChange={(range) => onChange({ ...range, since: undefined })} />
          </div>
        </div>
      </form>
    </div>
  )
}

function TypeSelect({ value, onChange }: { value: string | undefined; onChange: (v: string | undefined) => void }) {
  const all = value && !(JOB_TYPES as readonly string[]).includes(value) ? [...JOB_TYPES, value] : JOB_TYPES
  return (
    <InlineField label="Type">
      {(id) => (
        <Select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} className="w-auto px-2">
          <option value="">Any type</option>
          {all.map((v) => (
            <option key={v} value={v}>
              {plainText(v, 60)}
            </option>
          ))}
        </Select>
      )}
    </InlineField>
  )
}

/**
 * Free text, debounced into `q`. Local state only while typing; when `q` changes from outside
 * (back/forward, Clear filters) the box follows it.
 */
function SearchBox({ value, onCommit, inputRef }: { value: string; onCommit: (q: string) => void; inputRef: Ref<HTMLInputElement> }) {
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
    <div className="w-full sm:w-48">
      <Input
        aria-label="Search"
        ref={inputRef}
        type="search"
        value={text}
        placeholder="Search jobs…  ( / )"
        title="Searches what the rows show: name, task, host, owner (and ids)"
        onChange={(e) => setText(e.currentTarget.value)}
        className="px-2 placeholder:text-slate-500 dark:placeholder:text-slate-400"
        autoComplete="off"
      />
    </div>
  )
}
