import { useLayoutEffect, useState, type RefObject } from 'react'

/**
 * What the element's inner width (clientWidth: without a scrollbar) means to the caller — `derive(width)`, kept
 * current with a ResizeObserver (width 0 without layout, and before the first measurement). A measurement that
 * derives a value `equal` to the current one renders nothing: measuring right after the first render (which
 * assumed a width) does not render the page again when the assumption was right.
 */
export function useElementWidth<T>(ref: RefObject<HTMLElement | null>, derive: (width: number) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const [value, setValue] = useState(() => derive(0))
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const update = () => {
      const next = derive(el.clientWidth)
      setValue((prev) => (equal(prev, next) ? prev : next))
    }
    // Also when `derive` changes (e.g. other columns chosen): derived again from the current width.
    update()
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(update)
    ro.observe(el)
    return () => ro.disconnect()
  }, [ref, derive, equal])
  return value
}
