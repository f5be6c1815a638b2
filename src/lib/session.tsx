import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react'
import { configureApi } from '@/api/client'
import { resetServerClock, serverNow } from '@/api/server-clock'
import { setNowSource } from '@/components/ui/time'
import type { AppConfig } from '@/api/config'
import { getProfile, switchOrganization, type Profile } from '@/api/session'
import { clearAllDrafts } from './drafts'
import { clearStoredSession, readStoredSession, writeStoredSession, type StoredSession } from './token-store'

// Every clock on screen (elapsed times, waits, runaway limits) runs on the server's time.
setNowSource(serverNow)

const SIGNED_OUT = 'theeye.signedOut'
function signedOutInThisTab(): boolean {
  try {
    return sessionStorage.getItem(SIGNED_OUT) === '1'
  } catch {
    return false
  }
}
function markSignedOut(value: boolean) {
  try {
    if (value) sessionStorage.setItem(SIGNED_OUT, '1')
    else sessionStorage.removeItem(SIGNED_OUT)
  } catch {
    /* storage unavailable */
  }
}

/** Credentials the supervisor lets past admin checks (theeye-api.md §2.3: admin and above). */
const ADMIN_CREDENTIALS: readonly string[] = ['admin', 'integration', 'owner', 'root']

/** true/false when the gateway profile tells; undefined when the credential is unknown (no gateway). */
export function isAdminCredential(credential: string | null | undefined): boolean | undefined {
  return credential ? ADMIN_CREDENTIALS.includes(credential) : undefined
}

export interface SessionValue {
  config: AppConfig
  /** Signed in: a token and an organization are known. */
  signedIn: boolean
  customer: string | null
  supervisorUrl: string | null
  /** Who am I, from the gateway's session profile (null without a gateway). */
  profile: Profile | null
  profileError: unknown
  /** Why the last session ended (401, sign-out), for the sign-in page. */
  endedReason: string | null
  signIn: (s: { token: string; customer: string; supervisorUrl?: string | null; persist?: 'session' | 'memory' }) => void
  /** Ends the session. `keepDrafts`: a 401, not the user's choice: forms get back what was typed after signing in again. */
  signOut: (reason?: string, opts?: { keepDrafts?: boolean }) => void
  switchOrganization: (organizationId: string, organizationName: string) => Promise<void>
}

const SessionContext = createContext<SessionValue | null>(null)

export function useSession(): SessionValue {
  const value = use(SessionContext)
  if (!value) throw new Error('useSession must be used inside <SessionProvider>')
  return value
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

export function SessionProvider({ config, children, initial }: { config: AppConfig; children: ReactNode; initial?: StoredSession | null }) {
  const qc = useQueryClient()
  const [session, setSession] = useState<StoredSession | null>(() => (initial !== undefined ? initial : initialSession(config)))
  const [endedReason, setEndedReason] = useState<string | null>(null)

  // Keep the API module in step with the session during render, before any child query runs.
  const bases = apiBaseUrls(config, session?.supervisorUrl ?? null)
  configureApi({
    supervisorUrl: bases.supervisorUrl,
    gatewayUrl: bases.gatewayUrl,
    customer: session?.customer ?? '',
    token: session?.token ?? null,
    timeoutMs: config.requestTimeoutMs,
  })

  const signOut = useCallback(
    (reason?: string, opts?: { keepDrafts?: boolean }) => {
      clearStoredSession()
      if (!opts?.keepDrafts) clearAllDrafts()
      markSignedOut(true)
      configureApi({ token: null })
      qc.cancelQueries()
      qc.clear()
      setEndedReason(reason ?? null)
      setSession(null)
    },
    [qc],
  )

  const signIn = useCallback<SessionValue['signIn']>(
    ({ token, customer, supervisorUrl, persist }) => {
      const next: StoredSession = {
        token,
        customer,
        supervisorUrl: supervisorUrl ?? config.supervisorUrl,
        persist: persist ?? 'session',
      }
      qc.clear()
      // Another server has another clock: learn it again from its answers.
      if (next.supervisorUrl !== (session?.supervisorUrl ?? config.supervisorUrl)) resetServerClock()
      markSignedOut(false)
      writeStoredSession(next)
      setEndedReason(null)
      setSession(next)
    },
    [config.supervisorUrl, qc, session?.supervisorUrl],
  )

  const hasGateway = config.mock || !!config.gatewayUrl
  const profileQuery = useQuery({
    queryKey: ['session', 'profile', session?.token ? session.customer : null],
    queryFn: ({ signal }) => getProfile({ signal }),
    enabled: !!session && hasGateway,
    staleTime: 5 * 60_000,
  })

  const switchOrg = useCallback(
    async (organizationId: string, organizationName: string) => {
      const token = await switchOrganization(organizationId)
      signIn({ token, customer: organizationName, supervisorUrl: session?.supervisorUrl, persist: session?.persist })
    },
    [session, signIn],
  )

  const value = useMemo<SessionValue>(
    () => ({
      config,
      signedIn: !!session,
      customer: session?.customer ?? null,
      supervisorUrl: session?.supervisorUrl ?? config.supervisorUrl,
      profile: profileQuery.data ?? null,
      profileError: profileQuery.error,
      endedReason,
      signIn,
      signOut,
      switchOrganization: switchOrg,
    }),
    [config, session, profileQuery.data, profileQuery.error, endedReason, signIn, signOut, switchOrg],
  )

  return <SessionContext value={value}>{children}</SessionContext>
}
