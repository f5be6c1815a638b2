/*
 * config.json read into the values the dashboard runs with, without a word of explanation: what is
 * wrong comes out as issues (kinds and values), which config.ts puts into words. Kept apart so that
 * the page load's start (src/start.ts, inline in every page's HTML) carries the check, not the words.
 */

/** Runtime configuration (ui-contract.md): public/config.json, replaceable at deploy time. */
export interface AppConfig {
  /** Base URL of the supervisor; null => the built-in mock backend. */
  supervisorUrl: string | null
  gatewayUrl: string | null
  customer: string | null
  accessToken: string | null
  refreshIntervalMs: number
  requestTimeoutMs: number
  mock: boolean
}

/** The keys config.json may set, as read from the file or the build's VITE_* defaults. */
export interface ConfigFile {
  supervisorUrl?: unknown
  gatewayUrl?: unknown
  customer?: unknown
  accessToken?: unknown
  refreshIntervalMs?: unknown
  requestTimeoutMs?: unknown
}

export const BOUNDS = {
  refreshIntervalMs: { min: 1000, max: 3_600_000, dflt: 5000 },
  requestTimeoutMs: { min: 1000, max: 120_000, dflt: 20_000 },
} as const

/** What is wrong with a server URL. */
export type UrlFault = 'not-absolute' | 'scheme' | 'credentials' | 'query'

/**
 * What keeps a string from being an http(s) URL without credentials, or null. Credentials in a URL
 * would be shown on the sign-in page and stored with the session; any other scheme (javascript:,
 * data:, ftp:) is not a server the dashboard can talk to.
 */
export function urlFault(value: string): { fault: UrlFault; protocol: string } | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { fault: 'not-absolute', protocol: '' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { fault: 'scheme', protocol: url.protocol }
  if (url.username || url.password) return { fault: 'credentials', protocol: url.protocol }
  if (url.search || url.hash) return { fault: 'query', protocol: url.protocol }
  return null
}

/** One thing wrong with config.json (config.ts says it in words). */
export type ConfigIssue =
  | { kind: 'not-object'; value: unknown }
  | { kind: 'not-string'; key: keyof ConfigFile; value: unknown }
  | { kind: 'bad-url'; key: 'supervisorUrl' | 'gatewayUrl'; value: string; fault: UrlFault; protocol: string }
  | { kind: 'bad-millis'; key: keyof typeof BOUNDS; value: unknown }
  | { kind: 'no-supervisor' }

export interface ReadOptions {
  /**
   * What an unset supervisorUrl means: 'mock' where the configuration may leave it out (the
   * development server without config.json), 'error' everywhere else.
   */
  missingSupervisor: 'mock' | 'error'
}

export type ConfigRead = { ok: true; config: AppConfig } | { ok: false; issues: ConfigIssue[] }

function text(key: keyof ConfigFile, v: unknown, issues: ConfigIssue[]): string | null {
  if (v === undefined || v === null) return null
  if (typeof v !== 'string') {
    issues.push({ kind: 'not-string', key, value: v })
    return null
  }
  return v.trim() || null
}

function url(key: 'supervisorUrl' | 'gatewayUrl', v: unknown, issues: ConfigIssue[]): string | null {
  const s = text(key, v, issues)
  if (s === null || (key === 'supervisorUrl' && s.toLowerCase() === 'mock')) return s
  const fault = urlFault(s)
  if (fault) {
    issues.push({ kind: 'bad-url', key, value: s, ...fault })
    return null
  }
  return s.replace(/\/+$/, '')
}

function millis(key: keyof typeof BOUNDS, v: unknown, issues: ConfigIssue[]): number {
  const b = BOUNDS[key]
  if (v === undefined || v === null || v === '') return b.dflt
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v
  if (typeof n !== 'number' || !Number.isFinite(n) || n < b.min || n > b.max) {
    issues.push({ kind: 'bad-millis', key, value: v })
    return b.dflt
  }
  return n
}

/**
 * Reads config.json (merged over the build's VITE_* defaults; config.json wins, key by key). Every
 * wrong key is an issue; nothing wrong is silently replaced by a default or by the mock backend.
 */
export function readConfigFile(file: unknown, env: ConfigFile = envDefaults(), opts: ReadOptions = { missingSupervisor: 'error' }): ConfigRead {
  if (file !== undefined && (file === null || typeof file !== 'object' || Array.isArray(file))) return { ok: false, issues: [{ kind: 'not-object', value: file }] }
  const f = (file ?? {}) as ConfigFile
  const pick = (k: keyof ConfigFile): unknown => (f[k] !== undefined && f[k] !== null && f[k] !== '' ? f[k] : env[k])
  const issues: ConfigIssue[] = []
  const supervisor = url('supervisorUrl', pick('supervisorUrl'), issues)
  const gatewayUrl = url('gatewayUrl', pick('gatewayUrl'), issues)
  const customer = text('customer', pick('customer'), issues)
  const accessToken = text('accessToken', pick('accessToken'), issues)
  const refreshIntervalMs = millis('refreshIntervalMs', pick('refreshIntervalMs'), issues)
  const requestTimeoutMs = millis('requestTimeoutMs', pick('requestTimeoutMs'), issues)
  const supervisorIssue = issues.some((i) => 'key' in i && i.key === 'supervisorUrl')
  if (supervisor === null && !supervisorIssue && opts.missingSupervisor === 'error') issues.unshift({ kind: 'no-supervisor' })
  if (issues.length) return { ok: false, issues }
  const mock = supervisor === null || supervisor.toLowerCase() === 'mock'
  return {
    ok: true,
    config: { supervisorUrl: mock ? null : supervisor, gatewayUrl, customer, accessToken, refreshIntervalMs, requestTimeoutMs, mock },
  }
}

/** The build's VITE_* defaults for the keys config.json may set. */
export function envDefaults(): ConfigFile {
  // Each read on its own: the build writes in its value (reading import.meta.env whole would ship the object).
  return {
    supervisorUrl: import.meta.env.VITE_SUPERVISOR_URL,
    gatewayUrl: import.meta.env.VITE_GATEWAY_URL,
    customer: import.meta.env.VITE_CUSTOMER,
    accessToken: import.meta.env.VITE_ACCESS_TOKEN,
    refreshIntervalMs: import.meta.env.VITE_REFRESH_INTERVAL_MS,
  }
}

/**
 * The request for config.json. index.html preloads the same URL (`<link rel="preload" as="fetch"
 * crossorigin>`: mode cors, credentials same-origin, default cache mode), and this request must match
 * it in all three so that Chromium hands over the preloaded response instead of fetching twice.
 */
export function configUrl(baseUrl: string): string {
  return `${baseUrl}config.json`
}
