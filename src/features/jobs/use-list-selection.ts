import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import { useNavigate } from 'react-router'
import { useShortcuts } from '@/lib/keyboard'

/**
 * The keyboard selection of the jobs list and its shortcuts: j/k move, Enter opens, / focuses the
 * search, ? shows the help. The selection belongs to the history entry (`storageKey`): opening a
 * job and coming back selects (and focuses) the same row again.
 */
export function useListSelection<T extends { id: string }>({
  rows,
  storageKey,
  onSearch,
  onHelp,
}: {
  rows: readonly T[]
  storageKey: string
  /** "/": focus the search box (unfolding it first on a phone). */
  onSearch: (flush: typeof flushSync) => void
  onHelp: () => void
}) {
  const navigate = useNavigate()
  const [selectedId, setSelectedId] = useState<string | null>(() => sessionStorage.getItem(storageKey))
  const [focusToken, setFocusToken] = useState(0)
  // Back to this list: once the remembered row is loaded, scroll to it and focus it.
  const [restoring, setRestoring] = useState(() => sessionStorage.getItem(storageKey) !== null)
  if (restoring && rows.some((r) => r.id === selectedId)) {
    setRestoring(false)
    setFocusToken((t) => t + 1)
  }
  useEffect(() => {
    if (selectedId) sessionStorage.setItem(storageKey, selectedId)
  }, [selectedId, storageKey])

  /** The row being opened: written now, not in the effect, since the page unmounts on navigation. */
  const remember = (id: string) => {
    setSelectedId(id)
    sessionStorage.setItem(storageKey, id)
  }
  const open = (id: string) => {
    remember(id)
    navigate(`/jobs/${encodeURIComponent(id)}`)
  }
  const move = (delta: number) => () => {
    if (rows.length === 0) return false
    const at = selectedId ? rows.findIndex((r) => r.id === selectedId) : -1
    const next = at === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, at + delta))
    setSelectedId(rows[next]!.id)
    setFocusToken((t) => t + 1)
  }
  // The app's one shortcut hook: one listener, the latest rows and selection, no key repeat, nothing
  // while typing or behind a dialog.
  useShortcuts({
    '/': () => onSearch(flushSync),
    '?': () => onHelp(),
    j: move(1),
    k: move(-1),
    Enter: (e) => {
      // A focused link or button handles Enter itself.
      const t = e.target as HTMLElement | null
      if (!selectedId || t?.closest('a,button,input,select')) return false
      open(selectedId)
    },
  })

  return { selectedId, focusToken, open, remember }
}
