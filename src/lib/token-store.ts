/**
 * Where the access token lives: sessionStorage by default (gone when the tab closes, never
 * localStorage), or memory only when the user asks. Never in a URL.
 */
const KEY = 'theeye.session'

export interface StoredSession {
  token: string
  customer: string
  supervisorUrl: string | null
  persist: 'session' | 'memory'
}

let memory: StoredSession | null = null

export function readStoredSession(): StoredSession | null {
  if (memory) return memory
  try {
    const raw = sessionStorage.getItem(KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<StoredSession>
    if (typeof parsed.token !== 'string' || typeof parsed.customer !== 'string') return null
    return { token: parsed.token, customer: parsed.customer, supervisorUrl: parsed.supervisorUrl ?? null, persist: 'session' }
  } catch {
    return null
  }
}

export function writeStoredSession(session: StoredSession): void {
  memory = session.persist === 'memory' ? session : null
  try {
    if (session.persist === 'session') sessionStorage.setItem(KEY, JSON.stringify(session))
    else sessionStorage.removeItem(KEY)
  } catch {
    memory = session
  }
}

export function clearStoredSession(): void {
  memory = null
  try {
    sessionStorage.removeItem(KEY)
  } catch {
    /* storage unavailable: nothing to clear */
  }
}
