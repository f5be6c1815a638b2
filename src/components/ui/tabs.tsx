import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { cn } from './cn'

export interface TabItem<K extends string> {
  id: K
  label: string
}

/**
 * Tabs (WAI-ARIA tabs pattern, manual activation by click, arrows move and activate): one panel,
 * the content of the current tab. The owner keeps which tab is current (often in the URL).
 */
export function Tabs<K extends string>({
  tabs,
  current,
  onChange,
  label,
  children,
  className,
}: {
  tabs: ReadonlyArray<TabItem<K>>
  current: K
  onChange: (id: K) => void
  /** Accessible name of the tab list. */
  label: string
  children: ReactNode
  className?: string
}) {
  const base = useId()
  const refs = useRef(new Map<K, HTMLButtonElement>())
  const onKeyDown = (e: KeyboardEvent) => {
    const idx = tabs.findIndex((t) => t.id === current)
    let next = -1
    if (e.key === 'ArrowRight') next = (idx + 1) % tabs.length
    else if (e.key === 'ArrowLeft') next = (idx - 1 + tabs.length) % tabs.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = tabs.length - 1
    if (next === -1) return
    e.preventDefault()
    const id = tabs[next]!.id
    onChange(id)
    refs.current.get(id)?.focus()
  }
  return (
    <div className={className}>
      <div role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-700" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              if (el) refs.current.set(t.id, el)
              else refs.current.delete(t.id)
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={current === t.id}
            aria-controls={`${base}-panel`}
            tabIndex={current === t.id ? 0 : -1}
            onClick={() => onChange(t.id)}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-500',
              current === t.id
                ? 'border-indigo-600 text-indigo-900 dark:border-indigo-400 dark:text-indigo-100'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white',
            )}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${current}`} className="pt-4">
        {children}
      </div>
    </div>
  )
}
