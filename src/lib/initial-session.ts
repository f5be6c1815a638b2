import type { AppConfig } from '@/api/config'
import { readStoredSession, type StoredSession } from './token-store'

/*
 * Which session a page load starts with, and where its requests go: without React, so the early
 * first request (src/boot.ts) decides exactly as the app does (session.tsx re-exports these).
 */

const SIGNED_OUT = 'theeye.signedOut'
export function signedOutInThisTab(): boolean {
  try {
    return sessionStorage.getItem(SIGNED_OUT) === '1'
  } catch {
    return false
  }
}
export function markSignedOut(value: boolean) {
  try {
    if (value) sessionStorage.setItem(SIGNED_OUT, '1')
    else sessionStorage.removeItem(SIGNED_OUT)
  } catch {
    /* storage unavailable */
  }
}

/** The initial session: a stored one, else a pre-set token from config (wallboards), else the mock's demo user. */
export function initialSession(config: AppConfig): StoredSession | null {
  const stored = readStoredSession()
  // A stored session belongs to the backend it was made for: a mock session never reaches a real server.
  if (stored && (config.mock ? stored.supervisorUrl === null : stored.supervisorUrl === config.supervisorUrl)) return stored
  if (config.accessToken && (config.supervisorUrl || config.mock) && config.customer) {
    return { token: config.accessToken, customer: config.customer, supervisorUrl: config.supervisorUrl, persist: 'memory' }
  }
  // On the built-in mock backend, start as the demo user so the dashboard shows data at once,
  // unless the user signed out in this tab.
  if (config.mock && !signedOutInThisTab()) {
    return { token: config.accessToken ?? 'demo-token', customer: config.customer ?? 'demo', supervisorUrl: null, persist: 'memory' }
  }
  return null
}

export function apiBaseUrls(config: AppConfig, supervisorUrl: string | null): { supervisorUrl: string; gatewayUrl?: string } {
  if (config.mock) {
    const origin = typeof window !== 'undefined' ? window.location.origin : 'http://localhost'
    return { supervisorUrl: `${origin}/mock/supervisor`, gatewayUrl: `${origin}/mock/gateway` }
  }
  return { supervisorUrl: supervisorUrl ?? config.supervisorUrl ?? '', gatewayUrl: config.gatewayUrl ?? undefined }
}

