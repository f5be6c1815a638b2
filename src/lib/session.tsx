import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from 'react'
import { configureApi } from '@/api/client'
import { resetServerClock, serverNow } from '@/api/server-clock'
import { setNowSource } from '@/components/ui/time'
import type { AppConfig } from '@/api/config'
import { getProfile, switchOrganization, type Profile } from '@/api/session'
import { clearAllDrafts } from './drafts'
import { apiBaseUrls, initialSession, markSignedOut } from './initial-session'
import { clearStoredSession, writeStoredSession, type StoredSession } from './token-store'

export { apiBaseUrls, initialSession } from './initial-session'

// Every clock on screen (elapsed times, waits, runaway limits) runs on the server's time.
setNowSource(serverNow)

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
  /** The profile is on its way (what is kept per user, e.g. a task's last-run values, waits for it). */
  profilePending: boolean
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

  // Whether the session has ended since the last sign-in. A request still on its way when it ended
  // meets the missing token and reports a 401 too: the first reason (why it ended) is the one kept.
  const ended = useRef(false)
  const signOut = useCallback(
    (reason?: string, opts?: { keepDrafts?: boolean }) => {
      if (ended.current) return
      ended.current = true
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
      ended.current = false
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
      profilePending: profileQuery.isPending && profileQuery.fetchStatus !== 'idle',
      endedReason,
      signIn,
      signOut,
      switchOrganization: switchOrg,
    }),
    [config, session, profileQuery.data, profileQuery.error, profileQuery.isPending, profileQuery.fetchStatus, endedReason, signIn, signOut, switchOrg],
  )

  return <SessionContext value={value}>{children}</SessionContext>
}
