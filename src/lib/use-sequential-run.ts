import { useCallback, useEffect, useRef, useState } from 'react'

export type RunPhase = 'confirm' | 'running' | 'done'

/**
 * Runs a confirmed bulk action one item at a time (one request each, in order, never retried):
 * - `start` runs once per dialog, however often it is clicked;
 * - `stop` ends the run after the request in flight, and so does leaving the page;
 * - `results[i]` is item i's outcome, undefined until it ran (or when stopped before it);
 * - `onResult(item, result, i)` is told as each one lands (callers keep outcomes in place with it).
 * `runOne` reports failures in its result instead of throwing.
 */
export function useSequentialRun<T, R>(items: readonly T[], runOne: (item: T) => Promise<R>, onResult?: (item: T, result: R, index: number) => void) {
  const [phase, setPhase] = useState<RunPhase>('confirm')
  const [results, setResults] = useState<Array<R | undefined>>(() => items.map(() => undefined))
  const [current, setCurrent] = useState(-1)
  const [stopping, setStopping] = useState(false)
  const started = useRef(false)
  /** The user pressed Stop: survives everything, it is their decision. */
  const stopRef = useRef(false)
  /**
   * Mounted, as opposed to left behind. Set on every mount, not only at creation: React
   * StrictMode (npm run dev) mounts, unmounts and mounts again, and a flag set by the first
   * unmount and never cleared made every dev-mode run stop before its first request.
   */
  const mountedRef = useRef(false)
  useEffect(() => {
    mountedRef.current = true
    return () => {
      mountedRef.current = false
    }
  }, [])

  const start = async () => {
    if (started.current) return
    started.current = true
    setPhase('running')
    for (let i = 0; i < items.length; i++) {
      if (stopRef.current || !mountedRef.current) break
      setCurrent(i)
      const result = await runOne(items[i]!)
      setResults((prev) => prev.map((x, j) => (j === i ? result : x)))
      onResult?.(items[i]!, result, i)
    }
    setCurrent(-1)
    setPhase('done')
  }

  const stop = useCallback(() => {
    stopRef.current = true
    setStopping(true)
  }, [])

  const processed = results.filter((r) => r !== undefined).length
  return { phase, results, current, processed, stopping, start, stop }
}
