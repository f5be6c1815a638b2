import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react'

/** A row the user acted on: kept where it was, with what happened to it. */
export interface KeptRow<T, O> {
  /** The item as it was when the user acted (shown when a refresh no longer lists it). */
  item: T
  /** Its index in the list on screen when the user acted. */
  position: number
  /** undefined while the action runs (never collapses then). */
  outcome: O | undefined
  /** When the outcome arrived. */
  at: number
}

/** How long an outcome stays at least, so that it is seen. */
export const SETTLE_MS = 4000

/**
 * One intent, one effect: a row the user decided or cancelled stays where it was, showing its
 * outcome, so nothing slides under the pointer or the keyboard focus (a double click or a second
 * key press then lands on the outcome, not on the next item). Settled rows leave once they have
 * been visible for `settleMs` AND the pointer and focus are out of the list (the user moved on),
 * or when the page goes away. While `paused` (a dialog covers the list) nothing leaves, and the
 * moment starts again when it closes.
 *
 * Spread `containerProps` on the list's container; render `arrange(liveItems)`.
 */
export function useKeptInPlace<T, O>(idOf: (item: T) => string, { settleMs = SETTLE_MS, paused = false }: { settleMs?: number; paused?: boolean } = {}) {
  const [kept, setKept] = useState<ReadonlyMap<string, KeptRow<T, O>>>(() => new Map())
  const [pointerIn, setPointerIn] = useState(false)
  const [focusIn, setFocusIn] = useState(false)
  const idOfRef = useRef(idOf)
  useEffect(() => {
    idOfRef.current = idOf
  })

  /** Pins a row at its place (before its action runs). */
  const hold = useCallback((item: T, position: number) => {
    setKept((m) => {
      const id = idOfRef.current(item)
      if (m.has(id)) return m
      return new Map(m).set(id, { item, position, outcome: undefined, at: 0 })
    })
  }, [])

  /** Records the outcome of a held row (a row not held is not shown: nothing to record). */
  const settle = useCallback((id: string, outcome: O) => {
    setKept((m) => {
      const prev = m.get(id)
      if (!prev) return m
      return new Map(m).set(id, { ...prev, outcome, at: Date.now() })
    })
  }, [])

  /** Lets a row go at once (its action was refused and it is back to normal, or was never run). */
  const release = useCallback((id: string) => {
    setKept((m) => {
      if (!m.has(id)) return m
      const next = new Map(m)
      next.delete(id)
      return next
    })
  }, [])

  const engaged = pointerIn || focusIn
  /** When a dialog over the list closed: the visible moment starts then, not while it hid the rows. */
  const shownSince = useRef(0)
  const wasPaused = useRef(paused)
  useEffect(() => {
    if (wasPaused.current && !paused) shownSince.current = Date.now()
    wasPaused.current = paused
  }, [paused])
  useEffect(() => {
    if (engaged || paused) return
    const settled = [...kept.values()].filter((k) => k.outcome !== undefined)
    if (settled.length === 0) return
    const due = Math.min(...settled.map((k) => Math.max(k.at, shownSince.current) + settleMs))
    const timer = setTimeout(() => {
      // Timers may fire a little early: a row due within the next frame goes now, or it would stay for good.
      const now = Date.now() + 50
      setKept((m) => {
        const next = new Map([...m].filter(([, k]) => k.outcome === undefined || Math.max(k.at, shownSince.current) + settleMs > now))
        return next.size === m.size ? m : next
      })
    }, Math.max(0, due - Date.now()))
    return () => clearTimeout(timer)
  }, [kept, engaged, paused, settleMs])

  /** The live items with the kept rows at their places (a kept row shows its live data while listed). */
  const arrange = useCallback(
    (live: readonly T[]): Array<{ item: T; kept?: KeptRow<T, O> }> => {
      const byId = new Map(live.map((x) => [idOfRef.current(x), x]))
      const out: Array<{ item: T; kept?: KeptRow<T, O> }> = live.filter((x) => !kept.has(idOfRef.current(x))).map((item) => ({ item }))
      const pinned = [...kept.entries()].sort((a, b) => a[1].position - b[1].position)
      for (const [id, k] of pinned) out.splice(Math.min(k.position, out.length), 0, { item: byId.get(id) ?? k.item, kept: k })
      return out
    },
    [kept],
  )

  const containerProps = {
    onPointerEnter: () => setPointerIn(true),
    onPointerLeave: () => setPointerIn(false),
    onFocus: () => setFocusIn(true),
    onBlur: (e: FocusEvent<HTMLElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusIn(false)
    },
  }

  return { kept, hold, settle, release, arrange, containerProps }
}
