import { useEffect, useId, useLayoutEffect, useRef } from 'react'
import { Button } from '@/components/ui/button'
import { InlineField, Input } from '@/components/ui/field'
import { SINCE_PRESETS } from '../use-job-filters'

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

function timeZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time'
  } catch {
    return 'local time'
  }
}

/**
 * "Created": a rolling window (written to the URL as `since=1h|24h|7d`, so a shared or reloaded
 * link stays "the last hour") or a custom range of dates (`from`/`to`, in the fields of the
 * expanded filters).
 */
export function CreatedSelect({ since, custom, onSince, onCustom }: { since?: string; custom: boolean; onSince: (since: string | undefined) => void; onCustom: () => void }) {
  const id = useId()
  const known = SINCE_PRESETS.some((p) => p.value === since)
  const value = since ? since : custom ? 'custom' : ''
  return (
    <div className="flex h-9 items-center gap-1 rounded-md border border-slate-300 bg-white pl-2 text-sm focus-within:outline-2 focus-within:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800">
      <label htmlFor={id} className="text-xs font-semibold text-slate-600 dark:text-slate-300">
        Created
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          const v = e.currentTarget.value
          if (v === 'custom') onCustom()
          else onSince(v || undefined)
        }}
        className="h-full w-32 rounded-md bg-transparent pr-1 text-sm outline-none dark:bg-slate-800"
      >
        <option value="">Any time</option>
        {SINCE_PRESETS.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
        {since && !known && <option value={since}>Last {since}</option>}
        <option value="custom">Custom range…</option>
      </select>
    </div>
  )
}

/** The custom created range: two local date-time fields, in the expanded filters. */
export function CreatedRange({ from, to, onChange }: { from?: string; to?: string; onChange: (r: { from?: string; to?: string }) => void }) {
  const hintId = useId()
  const inverted = !!from && !!to && Date.parse(from) > Date.parse(to)
  return (
    <fieldset className="flex flex-wrap items-center gap-2" aria-describedby={hintId}>
      <legend className="sr-only">Created between</legend>
      <DateTimeField label="Created from" value={from} onCommit={(v) => onChange({ from: v, to })} describedBy={hintId} />
      <span aria-hidden="true" className="text-slate-500">
        –
      </span>
      <DateTimeField label="Created to" value={to} onCommit={(v) => onChange({ from, to: v })} describedBy={hintId} />
      {(from || to) && (
        <Button size="sm" variant="ghost" onClick={() => onChange({ from: undefined, to: undefined })}>
          Clear dates
        </Button>
      )}
      <p id={hintId} className="text-xs text-slate-600 dark:text-slate-300">
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
    <InlineField
      label={
        <>
          <span className="sr-only">Created </span>
          {label.replace('Created ', '')}
        </>
      }
    >
      {(id) => (
        <Input
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
          className="w-auto px-2"
        />
      )}
    </InlineField>
  )
}
