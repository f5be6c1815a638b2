import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'

interface Anchor {
  id: string
  index: number
}

/**
 * Keeps what the user looks at in place in a scrolling list of fixed-height rows:
 * - new rows arriving on top (a live list) do not push the rows in view down: the row at the top
 *   of the view (or the selected row, when in view) is the anchor, and the list scrolls by as many
 *   rows as were inserted above it; at the very top with nothing selected, new rows show (a feed);
 * - a new `resetKey` (filters, sort) starts again at the top;
 * - the scroll position is saved per history entry (`storageKey`) and restored on back/forward.
 */
export function useScrollAnchor<T extends { id: string }>({
  scrollRef,
  rows,
  rowHeight,
  headerHeight,
  selectedId,
  resetKey,
  storageKey,
}: {
  scrollRef: RefObject<HTMLElement | null>
  rows: readonly T[]
  rowHeight: number
  headerHeight: number
  selectedId: string | null
  resetKey: string
  storageKey: string
}): { indexOf: RefObject<Map<string, number>> } {
  const anchor = useRef<Anchor | null>(null)
  const lastReset = useRef(resetKey)
  const restored = useRef(false)
  const indexOf = useRef(new Map<string, number>())

  useLayoutEffect(() => {
    const el = scrollRef.current
    indexOf.current = new Map(rows.map((r, i) => [r.id, i]))
    if (!el) return
    if (!restored.current && rows.length > 0) {
      // Back/forward to this entry: restore where the user was.
      restored.current = true
      const saved = Number(sessionStorage.getItem(storageKey))
      if (saved > 0) el.scrollTop = saved
    } else if (lastReset.current !== resetKey) {
      el.scrollTop = 0
    } else if (anchor.current) {
      const now = indexOf.current.get(anchor.current.id)
      if (now !== undefined && now !== anchor.current.index) el.scrollTop += (now - anchor.current.index) * rowHeight
    }
    lastReset.current = resetKey
    anchor.current = computeAnchor(el, rows, selectedId, rowHeight, headerHeight)
  }, [rows, resetKey, storageKey, selectedId, rowHeight, headerHeight, scrollRef])

  useEffect(() => {
    const el = scrollRef.current
    if (!el) return
    let frame = 0
    const onScroll = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        anchor.current = computeAnchor(el, rows, selectedId, rowHeight, headerHeight)
        sessionStorage.setItem(storageKey, String(Math.round(el.scrollTop)))
      })
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      el.removeEventListener('scroll', onScroll)
    }
  }, [rows, selectedId, storageKey, rowHeight, headerHeight, scrollRef])

  return { indexOf }
}

function computeAnchor<T extends { id: string }>(el: HTMLElement, rows: readonly T[], selectedId: string | null, rowHeight: number, headerHeight: number): Anchor | null {
  const first = Math.floor(el.scrollTop / rowHeight)
  const visible = Math.max(1, Math.floor((el.clientHeight - headerHeight) / rowHeight))
  if (selectedId) {
    const index = rows.findIndex((r) => r.id === selectedId)
    if (index >= first && index < first + visible) return { id: selectedId, index }
  }
  // At the very top with nothing selected: let new rows appear in view (a live feed).
  if (el.scrollTop <= 0) return null
  const row = rows[first]
  return row ? { id: row.id, index: first } : null
}
