import type { Query, QueryClient, QueryKey } from '@tanstack/react-query'
import type { Socket } from 'socket.io-client'
import { ApiError, isApiError } from '@/api/errors'
import { getJob } from '@/api/jobs'
import { applyJobEvent, documentEvent, parseJobEvent, type JobEvent } from './merge'
import { setPushLive } from './polling'
import { getLiveState, setLiveState, type PollingReason } from './state'

/**
 * One socket.io connection per tab to the gateway (theeye-api-workflows-tasks-sockets.md § D):
 * `auth.access_token` in the handshake (the CONNECT packet, never the URL: the websocket transport
 * only, so no polling request carries it either), then `post:authorize` and `post:autosubscribe`, each
 * with an ack. Events named after their topic drive the query cache (merge.ts). After every
 * (re)subscription what is on screen is re-read before the header says Live, because nothing is
 * replayed. Reconnection: capped, jittered backoff (socket.io's: 1 s doubling to 30 s, ±50 %).
 */

export interface LiveOptions {
  qc: QueryClient
  /** The gateway's base URL (its socket.io lives at `<base>/socket.io/`); null: no push. */
  gatewayUrl: string | null | undefined
  token: string | null
  /** The organization the session is in: events for another one are ignored. */
  customer: string | null
  /** A 401 from the gateway: end the session like any 401. */
  onUnauthorized: (error: ApiError) => void
  /** Test seam: the socket.io client factory (defaults to a dynamic import of socket.io-client). */
  loadClient?: () => Promise<typeof import('socket.io-client').io>
}

export const ACK_TIMEOUT_MS = 10_000
const RECENT_EVENTS_MS = 30_000
const INVALIDATE_BATCH_MS = 250

interface Ack {
  status?: number
  message?: string
}

const KEEP_AS_IS = (q: Query) => q.queryKey[0] === 'jobs' && q.queryKey[1] === 'pages'

/** Where socket.io lives for a gateway base URL: its origin, and `/socket.io` under its path. */
export function socketTarget(gatewayUrl: string, base: string = typeof window !== 'undefined' ? window.location.href : 'http://localhost/'): { origin: string; path: string } {
  const url = new URL(gatewayUrl, base)
  return { origin: url.origin, path: `${url.pathname.replace(/\/+$/, '')}/socket.io` }
}

let current: (() => void) | null = null

/** Starts push for this tab (stopping any previous connection); returns the stop function. */
export function startLive(opts: LiveOptions): () => void {
  current?.()
  const stop = connect(opts)
  current = stop
  return () => {
    stop()
    if (current === stop) current = null
  }
}

function connect(opts: LiveOptions): () => void {
  const { qc } = opts
  let stopped = false
  let socket: Socket | null = null
  let everLive = false
  let attempt = 0
  let generation = 0

  const setPolling = (reason: PollingReason, retrying: boolean) => {
    setPushLive(qc, false)
    setLiveState({ kind: 'polling', reason, retrying })
  }

  if (!opts.gatewayUrl || !opts.token) {
    setPolling('no-gateway', false)
    return () => {}
  }
  setPushLive(qc, false)
  setLiveState({ kind: 'starting' })

  /*
   * A hidden tab keeps the socket and merges events (so approval notifications fire), but makes no
   * request: re-reads wait until the tab is visible again.
   */
  const isHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden'
  const deferredDocuments = new Set<string>()

  /* ---------------- documents re-read after events ---------------- */
  let seq = 0
  const lastEventSeq = new Map<string, number>()
  // Events held until the job's document confirms them (a job that moved back lately, merge.ts).
  const unconfirmed = new Map<string, JobEvent>()
  const inflight = new Map<string, { again: boolean }>()
  const refetchDocument = (id: string) => {
    if (isHidden()) {
      deferredDocuments.add(id)
      return
    }
    const running = inflight.get(id)
    if (running) {
      running.again = true
      return
    }
    const entry = { again: false }
    inflight.set(id, entry)
    const startedAt = ++seq
    getJob(id)
      .then((doc) => {
        if (stopped) return
        // Read after the last event for this job: the server's word, even if it moves the job back.
        const authoritative = (lastEventSeq.get(id) ?? 0) < startedAt
        if (authoritative) unconfirmed.delete(id)
        applyJobEvent(qc, documentEvent(doc), { document: true, authoritative })
      })
      .catch((error: unknown) => {
        if (stopped) return
        // There are no delete events: a job that is gone leaves the lists when they are re-read.
        if (isApiError(error) && error.code === 'not_found') queueInvalidate(['jobs', 'list'])
        // The document that was to confirm an event cannot be read: the event is all there is.
        else if (!entry.again) {
          const held = unconfirmed.get(id)
          unconfirmed.delete(id)
          if (held) applyJobEvent(qc, held, { replay: true, trusted: true })
        }
      })
      .finally(() => {
        inflight.delete(id)
        if (entry.again && !stopped) refetchDocument(id)
      })
  }

  /* ---------------- batched re-reads ---------------- */
  const pending = new Map<string, QueryKey>()
  let flushTimer: ReturnType<typeof setTimeout> | undefined
  const queueInvalidate = (key: QueryKey) => {
    pending.set(JSON.stringify(key), key)
    flushTimer ??= setTimeout(() => {
      flushTimer = undefined
      if (isHidden()) return
      const keys = [...pending.values()]
      pending.clear()
      for (const key of keys) void qc.invalidateQueries({ queryKey: key })
    }, INVALIDATE_BATCH_MS)
  }

  const onVisibility = () => {
    if (stopped || isHidden()) return
    const ids = [...deferredDocuments]
    deferredDocuments.clear()
    for (const id of ids) refetchDocument(id)
    if (pending.size) queueInvalidate(pending.values().next().value!)
  }
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility)

  /* ---------------- events ---------------- */
  // Events received while a list was being fetched are applied again to what that fetch brings
  // (the response may predate them); the lifecycle guard keeps anything newer.
  const recent: Array<{ seq: number; at: number; event: JobEvent }> = []
  const fetchStartedAt = new WeakMap<Query, number>()
  const unsubscribeCache = qc.getQueryCache().subscribe((e) => {
    if (e.type !== 'updated') return
    if (e.action.type === 'fetch') fetchStartedAt.set(e.query, seq)
    else if (e.action.type === 'success') {
      const started = fetchStartedAt.get(e.query)
      fetchStartedAt.delete(e.query)
      if (started === undefined || KEEP_AS_IS(e.query)) return
      const missed = recent.filter((r) => r.seq > started)
      for (const r of missed) applyJobEvent(qc, r.event, { replay: true })
    }
  })

  const onJobEvent = (topic: string, payload: unknown) => {
    if (stopped) return
    const event = parseJobEvent(topic, payload)
    if (!event) return
    // Sockets keep the rooms of an organization the session has left: ignore its events.
    if (opts.customer && event.organization && event.organization !== opts.customer) return
    const now = Date.now()
    const s = ++seq
    lastEventSeq.set(event.id, s)
    recent.push({ seq: s, at: now, event })
    while (recent.length && (recent.length > 500 || recent[0]!.at < now - RECENT_EVENTS_MS)) recent.shift()
    const outcome = applyJobEvent(qc, event)
    if (outcome.unconfirmed) unconfirmed.set(event.id, event)
    else unconfirmed.delete(event.id)
    for (const key of outcome.invalidate) queueInvalidate(key)
    if (outcome.refetchDocument) refetchDocument(event.id)
  }

  /* ---------------- re-sync ---------------- */
  const resync = (subscribedAt: number) =>
    // What is on screen and may have missed an event: what was read before the subscription. Not
    // what is loading now (its answer is as new as the subscription, and events received meanwhile
    // are applied to it again), not what failed (it is retried or offers Retry), and not the older
    // pages of the jobs list (the head carries the news).
    qc.refetchQueries(
      {
        type: 'active',
        predicate: (q) => !KEEP_AS_IS(q) && q.state.status === 'success' && q.state.fetchStatus === 'idle' && q.state.dataUpdatedAt < subscribedAt,
      },
      { cancelRefetch: false },
    )

  /* ---------------- the socket ---------------- */
  const onSecurityViolation = (e: SecurityPolicyViolationEvent) => {
    if (!opts.gatewayUrl || !e.effectiveDirective.startsWith('connect-src')) return
    try {
      const blocked = new URL(e.blockedURI)
      if (blocked.host !== new URL(opts.gatewayUrl, window.location.href).host) return
    } catch {
      return
    }
    socket?.disconnect()
    setPolling('blocked', false)
  }
  if (typeof document !== 'undefined') document.addEventListener('securitypolicyviolation', onSecurityViolation)

  const handshake = async (s: Socket, gen: number) => {
    const authorize = (await s.timeout(ACK_TIMEOUT_MS).emitWithAck('post:authorize', {})) as Ack
    if (stopped || gen !== generation) return
    if (authorize?.status === 401) {
      // The gateway disconnects after a failed authorize; the session is over, like any 401.
      s.disconnect()
      setPolling('refused', false)
      opts.onUnauthorized(new ApiError({ status: 401, code: 'unauthorized', message: 'Your session is not valid. Sign in again.' }))
      return
    }
    if (authorize?.status !== 200) throw new Error(`authorize answered ${authorize?.status ?? 'nothing'}`)
    const subscribe = (await s.timeout(ACK_TIMEOUT_MS).emitWithAck('post:autosubscribe', {})) as Ack
    if (stopped || gen !== generation) return
    if (subscribe?.status === 401) {
      s.disconnect()
      setPolling('refused', false)
      opts.onUnauthorized(new ApiError({ status: 401, code: 'unauthorized', message: 'Your session is not valid. Sign in again.' }))
      return
    }
    if (subscribe?.status !== 200) throw new Error(`autosubscribe answered ${subscribe?.status ?? 'nothing'}`)
    const subscribedAt = Date.now()
    // Stop polling at once (events flow from now on), then re-read what is on screen.
    setPushLive(qc, true)
    await resync(subscribedAt)
    if (stopped || gen !== generation || !s.connected) return
    everLive = true
    attempt = 0
    setLiveState({ kind: 'live', since: Date.now() })
  }

  const open = async () => {
    let io: typeof import('socket.io-client').io
    try {
      io = opts.loadClient ? await opts.loadClient() : (await import('socket.io-client')).io
    } catch {
      if (!stopped) setPolling('unreachable', false)
      return
    }
    if (stopped) return
    const { origin, path } = socketTarget(opts.gatewayUrl!)
    const s = io(origin, {
      path,
      transports: ['websocket'],
      auth: { access_token: opts.token },
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 30_000,
      randomizationFactor: 0.5,
      timeout: 15_000,
    })
    socket = s
    s.on('connect', () => {
      const gen = ++generation
      handshake(s, gen).catch(() => {
        if (stopped || gen !== generation) return
        // A refused or unanswered handshake: drop and let the backoff try again.
        setPolling('refused', true)
        s.disconnect()
        setTimeout(() => !stopped && s.connect(), 5000 + Math.random() * 5000)
      })
    })
    s.on('disconnect', () => {
      generation++
      if (stopped) return
      setPushLive(qc, false)
      const state = getLiveState()
      if (state.kind === 'polling' && (state.reason === 'refused' || state.reason === 'blocked')) return
      if (everLive) setLiveState({ kind: 'reconnecting', attempt: Math.max(attempt, 1) })
      else setPolling('unreachable', true)
    })
    s.on('connect_error', (error: Error) => {
      if (stopped) return
      setPushLive(qc, false)
      if (/security|content security policy/i.test(`${error.name} ${error.message}`)) {
        s.disconnect()
        setPolling('blocked', false)
        return
      }
      if (everLive) setLiveState({ kind: 'reconnecting', attempt: Math.max(attempt, 1) })
      else setPolling('unreachable', true)
    })
    s.io.on('reconnect_attempt', (n: number) => {
      if (stopped) return
      attempt = n
      if (everLive) setLiveState({ kind: 'reconnecting', attempt: n })
    })
    s.on('job-crud', (payload: unknown) => onJobEvent('job-crud', payload))
    s.on('workflow-job-crud', (payload: unknown) => onJobEvent('workflow-job-crud', payload))
    // This session was replaced (organization switch) or ended (sign-out elsewhere). The socket's rooms
    // outlive it, so connect again: after a switch in this tab a new connection has replaced this one
    // already; otherwise the token is dead and the new authorize answers 401 (sign-in, like any 401).
    s.on('session', () => {
      if (stopped) return
      s.disconnect()
      setTimeout(() => !stopped && s.connect(), 1000 + Math.random() * 1000)
    })
  }
  void open()

  return () => {
    stopped = true
    generation++
    if (flushTimer) clearTimeout(flushTimer)
    unsubscribeCache()
    if (typeof document !== 'undefined') {
      document.removeEventListener('securitypolicyviolation', onSecurityViolation)
      document.removeEventListener('visibilitychange', onVisibility)
    }
    socket?.removeAllListeners()
    socket?.io.removeAllListeners()
    socket?.disconnect()
    socket = null
    setPushLive(qc, false)
    setLiveState({ kind: 'polling', reason: 'signed-out', retrying: false })
  }
}
