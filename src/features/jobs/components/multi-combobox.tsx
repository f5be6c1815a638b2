import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { cn } from '@/components/ui/cn'
import { plainText } from '@/lib/text'

export interface ComboOption {
  value: string
  label: string
}

export interface MultiComboboxProps {
  /** The accessible name of the combobox and its listbox ("Task", "State"), shown inside the field. */
  label: string
  options: readonly ComboOption[]
  selected: readonly string[]
  onChange: (values: string[]) => void
  /** Shown in the empty field: "Any task". */
  placeholder: string
  /** When typing matches nothing. */
  noMatch?: string
  describedBy?: string
  className?: string
}

/**
 * A searchable multi-select: an ARIA 1.2 combobox (an input) with a multi-selectable listbox of
 * the same name. Picked values show as removable chips in the field; typing narrows the options;
 * ↑/↓ move, Enter toggles and keeps the list open for the next pick, Escape closes, Backspace in
 * the empty box removes the last chip. Option names are the words the user reads; values are raw.
 */
export function MultiCombobox({ label, options, selected, onChange, placeholder, noMatch = 'No match', describedBy, className }: MultiComboboxProps) {
  const labelId = useId()
  const listId = useId()
  const optionId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const needle = text.trim().toLowerCase()
  // A value from a link that is not (or not yet) among the options still shows, by its raw value.
  const known = new Set(options.map((o) => o.value))
  const all = [...options, ...selected.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }))]
  const shown = needle ? all.filter((o) => o.label.toLowerCase().includes(needle) || o.value.toLowerCase() === needle) : all
  const activeIndex = Math.min(active, shown.length - 1)
  const labelOf = (v: string) => all.find((o) => o.value === v)?.label ?? v

  const toggle = (value: string) => {
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value])
    setText('')
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!open) return setOpen(true)
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive(Math.max(0, Math.min(shown.length - 1, activeIndex + step)))
    } else if (e.key === 'Enter') {
      // Never submits a form; picks the active option.
      e.preventDefault()
      const option = open ? shown[activeIndex] : undefined
      if (option) toggle(option.value)
      else setOpen(true)
    } else if (e.key === 'Escape') {
      if (open || text) {
        e.preventDefault()
        e.stopPropagation()
        setOpen(false)
        setText('')
      }
    } else if (e.key === 'Backspace' && text === '' && selected.length > 0) {
      onChange(selected.slice(0, -1))
    }
  }

  return (
    <div
      className={cn('relative', className)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) {
          setOpen(false)
          setText('')
        }
      }}
    >
      <div
        className="flex min-h-9 flex-wrap items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus-within:outline-2 focus-within:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800"
        onMouseDown={(e) => {
          // A click on the field's padding focuses the box (and opens the list).
          if (e.target === e.currentTarget) {
            e.preventDefault()
            inputRef.current?.focus()
            setOpen(true)
          }
        }}
      >
        <span id={labelId} className="text-xs font-semibold text-slate-600 dark:text-slate-300">
          {label}
        </span>
        {selected.map((v) => (
          <span key={v} className="inline-flex max-w-40 items-center gap-0.5 rounded bg-indigo-50 py-0.5 pr-0.5 pl-1.5 text-xs text-indigo-900 ring-1 ring-indigo-200 ring-inset dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-800">
            <span className="truncate">{plainText(labelOf(v), 60)}</span>
            <button
              type="button"
              aria-label={`Remove ${plainText(labelOf(v), 60)}`}
              onClick={() => onChange(selected.filter((s) => s !== v))}
              className="rounded px-1 leading-none hover:bg-indigo-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-indigo-800"
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        ))}
        <input
          ref={inputRef}
          role="combobox"
          aria-labelledby={labelId}
          aria-describedby={describedBy}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown[activeIndex] ? `${optionId}-${activeIndex}` : undefined}
          value={text}
          placeholder={selected.length ? '' : placeholder}
          onChange={(e) => {
            setText(e.currentTarget.value)
            setActive(0)
            setOpen(true)
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          className="h-7 min-w-16 flex-1 bg-transparent text-sm outline-none placeholder:text-slate-500 dark:placeholder:text-slate-400"
        />
      </div>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-labelledby={labelId}
          aria-multiselectable="true"
          className="absolute top-full left-0 z-30 mt-1 max-h-72 w-max max-w-80 min-w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {shown.length === 0 && <li className="px-3 py-1.5 text-slate-600 dark:text-slate-300">{noMatch}</li>}
          {shown.map((o, i) => {
            const isSelected = selected.includes(o.value)
            return (
              <li
                key={o.value}
                id={`${optionId}-${i}`}
                role="option"
                aria-selected={isSelected}
                // Keep the focus in the box: the list stays open for the next pick.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => toggle(o.value)}
                onMouseMove={() => i !== activeIndex && setActive(i)}
                className={cn('flex cursor-pointer items-center gap-2 px-3 py-1.5', i === activeIndex && 'bg-indigo-50 dark:bg-indigo-950')}
              >
                <span aria-hidden="true" className={cn('w-3 text-indigo-700 dark:text-indigo-300', !isSelected && 'invisible')}>
                  ✓
                </span>
                <span className="truncate">{plainText(o.label, 80)}</span>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
