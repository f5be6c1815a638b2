import { useCallback, useMemo, useState } from 'react'

/**
 * A set of selected ids for a list with checkboxes and bulk actions. Callers intersect it with
 * what is on screen (a refresh may drop items), so it never acts on something not shown.
 */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set())

  const set = useCallback(
    (id: string, on: boolean) =>
      setSelected((prev) => {
        if (prev.has(id) === on) return prev
        const next = new Set(prev)
        if (on) next.add(id)
        else next.delete(id)
        return next
      }),
    [],
  )
  const toggle = useCallback((id: string) => setSelected((prev) => {
    const next = new Set(prev)
    if (!next.delete(id)) next.add(id)
    return next
  }), [])
  const replace = useCallback((ids: Iterable<string>) => setSelected(new Set(ids)), [])
  const remove = useCallback(
    (ids: Iterable<string>) =>
      setSelected((prev) => {
        const drop = new Set(ids)
        if (![...prev].some((id) => drop.has(id))) return prev
        return new Set([...prev].filter((id) => !drop.has(id)))
      }),
    [],
  )

  return useMemo(() => ({ selected, set, toggle, replace, remove }), [selected, set, toggle, replace, remove])
}
