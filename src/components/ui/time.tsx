import { useState, useSyncExternalStore } from 'react'
import { clockNow, formatExact, formatRelative } from './time-format'

export { clockNow, formatDuration, formatElapsed, formatExact, formatRelative, setNowSource } from './time-format'

/*
 * One shared clock per interval: a page with hundreds of live durations runs one timer, not
 * hundreds. It reads the app's clock (clockNow: the server-corrected time once the app sets it), so a
 * skewed laptop clock does not make a fresh job look hours old.
 */
interface Clock {
  current: number
  subscribe: (listener: () => void) => () => void
}
const clocks = new Map<number, Clock>()

function clockFor(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs)
  if (clock) return clock
  const listeners = new Set<() => void>()
  let timer: ReturnType<typeof setInterval> | undefined
  const c: Clock = {
    current: clockNow(),
    subscribe(listener) {
      listeners.add(listener)
      if (!timer) {
        c.current = clockNow()
        timer = setInterval(() => {
          c.current = clockNow()
          for (const l of listeners) l()
        }, intervalMs)
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0 && timer) {
          clearInterval(timer)
          timer = undefined
        }
      }
    },
  }
  clock = c
  clocks.set(intervalMs, clock)
  return clock
}

const noSubscription = () => () => {}

/** The current (server-corrected) time, re-read every `intervalMs` while `enabled`; the time of mount otherwise. */
export function useNow(intervalMs = 1000, enabled = true): number {
  const [mountedAt] = useState(clockNow)
  const clock = clockFor(intervalMs)
  const live = useSyncExternalStore(enabled ? clock.subscribe : noSubscription, () => clock.current)
  return enabled ? live : mountedAt
}

/** A relative time with the exact time on hover and for assistive tech. */
export function RelativeTime({ date, now }: { date: string | null | undefined; now?: number }) {
  if (!date || !Number.isFinite(Date.parse(date))) return <span>—</span>
  return (
    <time dateTime={new Date(date).toISOString()} title={formatExact(date)}>
      {formatRelative(date, now)}
    </time>
  )
}
