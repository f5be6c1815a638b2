import { LIVE_STARTING } from './live-look'
import { useSyncExternalStore } from 'react'

/**
 * The push connection's state, as the header tells it. Tiny and dependency-free: it is part of the
 * first paint; the socket client itself loads later (connection.ts, dynamic import).
 *
 * - `starting`: signed in, the socket client is loading or connecting for the first time (polling meanwhile);
 * - `live`: authorized and subscribed, and what is on screen was re-synced after (re)subscribing;
 * - `reconnecting`: the socket dropped after having been live; `attempt` counts the tries (polling meanwhile);
 * - `polling`: no push: no gateway configured, the gateway refused or could not be reached, or the
 *   browser blocked the socket. Polling keeps the data fresh; connecting is retried with backoff
 *   where that can help (`retrying`).
 */
export type PollingReason = 'no-gateway' | 'refused' | 'unreachable' | 'blocked' | 'signed-out'

export type LiveState =
  | { kind: 'starting' }
  | { kind: 'live'; since: number }
  | { kind: 'reconnecting'; attempt: number }
  | { kind: 'polling'; reason: PollingReason; retrying: boolean }

let state: LiveState = { kind: 'polling', reason: 'signed-out', retrying: false }
const listeners = new Set<() => void>()

export function getLiveState(): LiveState {
  return state
}

export function setLiveState(next: LiveState): void {
  if (JSON.stringify(next) === JSON.stringify(state)) return
  state = next
  for (const l of listeners) l()
}

export function subscribeLiveState(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribeLiveState, getLiveState, getLiveState)
}

const REASONS: Record<PollingReason, string> = {
  'no-gateway': 'no live gateway is configured',
  refused: 'the gateway refused the live connection',
  unreachable: 'the live connection could not be made',
  blocked: 'the browser blocked the live connection',
  'signed-out': 'not signed in',
}

/** The header's words: always starting with "Live", "Reconnecting" or "Polling". */
export function liveStatusText(s: LiveState): { label: string; detail: string } {
  switch (s.kind) {
    case 'live':
      return { label: 'Live', detail: 'Live: changes arrive from the server as they happen.' }
    case 'reconnecting':
      return {
        label: `Reconnecting (attempt ${s.attempt})`,
        detail: `Reconnecting to live updates (attempt ${s.attempt}); polling meanwhile, and what is on screen is re-read before Live shows again.`,
      }
    case 'starting':
      return LIVE_STARTING
    case 'polling':
      return {
        label: 'Polling',
        detail: `Polling: ${REASONS[s.reason]}${s.retrying ? '; trying again now and then' : ''}. Data refreshes at the chosen interval.`,
      }
  }
}
