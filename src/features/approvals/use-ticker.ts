import { useSyncExternalStore } from 'react'
import { serverNow } from '@/api/client'

/**
 * One shared one-second clock for every "waiting for" label on the page: a list of hundreds of
 * approvals runs one timer, not hundreds. Server-clock corrected, so a skewed laptop clock does
 * not make a fresh request look hours old.
 */
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined
let current = serverNow()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (!timer) {
    current = serverNow()
    timer = setInterval(() => {
      current = serverNow()
      for (const l of listeners) l()
    }, 1000)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

export function useTicker(): number {
  return useSyncExternalStore(subscribe, () => current, () => current)
}
