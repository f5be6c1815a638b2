import { useId, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { isChosen, OPTIONAL_COLUMNS, type ColumnChoice, type ColumnKey } from '../columns'

/**
 * "Columns": which optional columns the table shows. A column the user wants that does not fit the
 * current width says so; it comes back when the window is wider (the table never clips).
 */
export function ColumnChooser({ choice, onChange, noRoom }: { choice: ColumnChoice; onChange: (choice: ColumnChoice) => void; noRoom: readonly ColumnKey[] }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const ref = useRef<HTMLDivElement>(null)
  return (
    <div
      ref={ref}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          setOpen(false)
          ref.current?.querySelector('button')?.focus()
        }
      }}
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false)
      }}
    >
      <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        Columns
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </Button>
      <fieldset
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-30 mt-1 w-64 space-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <legend className="sr-only">Columns shown</legend>
        <p className="pb-1 text-xs text-slate-600 dark:text-slate-300">Status and Name are always shown.</p>
        {OPTIONAL_COLUMNS.map((c) => (
          <label key={c.key} className="flex items-center gap-2">
            <input type="checkbox" checked={isChosen(c.key, choice)} onChange={(e) => onChange({ ...choice, [c.key]: e.currentTarget.checked })} />
            {c.label}
            {noRoom.includes(c.key) && <span className="text-xs text-slate-600 dark:text-slate-300">(no room at this width)</span>}
          </label>
        ))}
      </fieldset>
    </div>
  )
}
