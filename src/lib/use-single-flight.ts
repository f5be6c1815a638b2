import { useCallback, useMemo, useRef } from 'react'

/**
 * One request per click, even for a double click. The button's disabled state only arrives with
 * a later render, and a fast server can answer before it does, so a second click could start a
 * second request. A ref closes that gap synchronously: after a failure the action can be tried
 * again at once; after a success it stays closed until `reset()` (the UI that offered the action
 * goes away on success: the dialog closes, the job moves on).
 */
export function useSingleFlight() {
  const busy = useRef(false)
  const run = useCallback((action: () => Promise<unknown>) => {
    if (busy.current) return
    busy.current = true
    action().catch(() => {
      // The mutation's own state reports the failure; allow another try.
      busy.current = false
    })
  }, [])
  const reset = useCallback(() => {
    busy.current = false
  }, [])
  return useMemo(() => ({ run, reset }), [run, reset])
}
