import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { jobDisplayName, type Job } from '@/api/schemas/job'
import { plainText } from '@/lib/text'
import { newIds } from './approval-logic'

// The opt-in is a preference of this browser (kept across tabs and restarts); never the token.
const STORAGE_KEY = 'theeye.approvals.notify'

export type NotifyState = 'unsupported' | 'off' | 'on' | 'denied'

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window && typeof window.Notification === 'function'
}

function initialState(): NotifyState {
  if (!supported()) return 'unsupported'
  if (Notification.permission === 'denied') return 'denied'
  let optedIn = false
  try {
    optedIn = localStorage.getItem(STORAGE_KEY) === '1'
  } catch {
    // storage blocked: opt-in just is not remembered
  }
  return optedIn && Notification.permission === 'granted' ? 'on' : 'off'
}

/*
 * The opt-in is one piece of state for the whole tab: the inbox page shows the switch, and the
 * signed-in shell (always mounted) sends the notifications, so they arrive on any page.
 */
let current: NotifyState | null = null
const listeners = new Set<() => void>()
function getState(): NotifyState {
  if (!supported()) return 'unsupported'
  current ??= initialState()
  return current
}

/** Forgets the opt-in decision of this tab (sign-out; tests). */
export function resetNotificationOptIn(): void {
  current = null
  for (const l of listeners) l()
}
function setState(next: NotifyState) {
  current = next
  for (const l of listeners) l()
}
function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The opt-in switch: state, enable (asks the browser's permission), disable. */
export function useNotificationOptIn() {
  const state = useSyncExternalStore(subscribe, getState, () => 'unsupported' as NotifyState)

  const enable = useCallback(async () => {
    if (!supported()) return
    let permission: NotificationPermission
    try {
      permission = await Notification.requestPermission()
    } catch {
      permission = Notification.permission
    }
    if (permission === 'granted') {
      try {
        localStorage.setItem(STORAGE_KEY, '1')
      } catch {
        // not remembered; still on for now
      }
      setState('on')
    } else {
      setState(permission === 'denied' ? 'denied' : 'off')
    }
  }, [])

  const disable = useCallback(() => {
    try {
      localStorage.removeItem(STORAGE_KEY)
    } catch {
      // nothing remembered
    }
    setState('off')
  }, [])

  return { state, enable, disable }
}

/**
 * Sends one desktop notification per approval that arrives after the first load (the first load
 * is the baseline: no burst for what was already waiting), with its plain-text name, while the
 * user has opted in. Mount it once, where it lives as long as the session.
 */
export function useNotifyNewApprovals(jobs: readonly Job[] | undefined) {
  const state = useSyncExternalStore(subscribe, getState, () => 'unsupported' as NotifyState)
  const seen = useRef<Set<string> | null>(null)

  useEffect(() => {
    if (!jobs) return
    const ids = jobs.map((j) => j.id)
    if (seen.current === null) {
      seen.current = new Set(ids)
      return
    }
    const fresh = newIds(seen.current, ids)
    for (const id of fresh) seen.current.add(id)
    if (state !== 'on' || !supported() || Notification.permission !== 'granted') return
    for (const job of jobs.filter((j) => fresh.includes(j.id)).slice(0, 5)) {
      try {
        new Notification('Approval waiting on you', { body: plainText(jobDisplayName(job), 200), tag: `approval-${job.id}` })
      } catch {
        // Some browsers only allow notifications from a service worker: nothing more to do here.
      }
    }
  }, [jobs, state])
}
