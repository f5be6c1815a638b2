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

/** Why the dashboard cannot start with this configuration, in words, with the way out. */
export interface ConfigProblem {
  /** One sentence: what is wrong. */
  summary: string
  /** One line per offending key (may be empty). */
  details: string[]
  /** What the person deploying the dashboard should do. */
  fix: string
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problem: ConfigProblem }

export class ConfigError extends Error {
  readonly problem: ConfigProblem
  constructor(problem: ConfigProblem) {
    super([problem.summary, ...problem.details].join(' '))
    this.name = 'ConfigError'
    this.problem = problem
  }
}

const EXAMPLE = '{ "supervisorUrl": "https://supervisor.example.com", "gatewayUrl": "https://gateway.example.com", "customer": "my-org" }'
const FIX_FILE = `Edit config.json next to index.html (public/config.json in the source): for example ${EXAMPLE}, or { "supervisorUrl": "mock" } for the built-in mock backend. No rebuild is needed; reload the page afterwards.`

const BOUNDS = {
  refreshIntervalMs: { min: 1000, max: 3_600_000, dflt: 5000 },
  requestTimeoutMs: { min: 1000, max: 120_000, dflt: 20_000 },
} as const

const show = (v: unknown): string => {
  try {
    const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v)
    return s.length > 80 ? `${s.slice(0, 77)}…` : s
  } catch {
    return String(v)
  }
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`)

/**
 * An http(s) URL without credentials, or the reason it is not. Credentials in a URL would be shown
 * on the sign-in page and stored with the session; any other scheme (javascript:, data:, ftp:) is
 * not a server the dashboard can talk to.
 */
export function checkServerUrl(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'is not an absolute URL (it must start with http:// or https://)'
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `uses ${url.protocol.replace(/:$/, '')}: — only http:// and https:// are allowed`
  if (url.username || url.password) return 'contains a user name or password — credentials must not be part of the URL (sign in on the sign-in page instead)'
  if (url.search || url.hash) return 'has a query string or fragment — give the base URL only'
  return null
}

function text(key: keyof ConfigFile, v: unknown, problems: string[]): string | null {
  if (v === undefined || v === null) return null
  if (typeof v !== 'string') {
    problems.push(`"${key}" must be a string, not ${typeOf(v)} (${show(v)}).`)
    return null
  }
  return v.trim() || null
}

function url(key: 'supervisorUrl' | 'gatewayUrl', v: unknown, problems: string[]): string | null {
  const s = text(key, v, problems)
  if (s === null || (key === 'supervisorUrl' && s.toLowerCase() === 'mock')) return s
  const why = checkServerUrl(s)
  if (why) {
    // Never echo credentials back onto the page.
    const shown = why.startsWith('contains a user') ? '' : ` ${show(s)}`
    problems.push(`"${key}"${shown} ${why}.`)
    return null
  }
  return s.replace(/\/+$/, '')
}

function millis(key: keyof typeof BOUNDS, v: unknown, problems: string[]): number {
  const b = BOUNDS[key]
  if (v === undefined || v === null || v === '') return b.dflt
  const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v
  if (typeof n !== 'number' || !Number.isFinite(n) || n < b.min || n > b.max) {
    problems.push(`"${key}" must be a number of milliseconds from ${b.min} to ${b.max}, not ${show(v)}.`)
    return b.dflt
  }
  return n
}

export interface ParseOptions {
  /**
   * What an unset supervisorUrl means: 'mock' where the configuration may leave it out (the
   * development server without config.json), 'error' everywhere else.
   */
  missingSupervisor: 'mock' | 'error'
}

/**
 * Validates config.json (merged over the build's VITE_* defaults; config.json wins, key by key).
 * Every wrong key is named; nothing wrong is silently replaced by a default or by the mock backend.
 */
export function parseConfig(file: unknown, env: ConfigFile = envDefaults(), opts: ParseOptions = { missingSupervisor: 'error' }): ConfigResult {
  if (file !== undefined && (file === null || typeof file !== 'object' || Array.isArray(file))) {
    return { ok: false, problem: { summary: `config.json must hold a JSON object, but it holds ${typeOf(file)}.`, details: [], fix: FIX_FILE } }
  }
  const f = (file ?? {}) as ConfigFile
  const pick = (k: keyof ConfigFile): unknown => (f[k] !== undefined && f[k] !== null && f[k] !== '' ? f[k] : env[k])
  const problems: string[] = []
  const supervisor = url('supervisorUrl', pick('supervisorUrl'), problems)
  const gatewayUrl = url('gatewayUrl', pick('gatewayUrl'), problems)
  const customer = text('customer', pick('customer'), problems)
  const accessToken = text('accessToken', pick('accessToken'), problems)
  const refreshIntervalMs = millis('refreshIntervalMs', pick('refreshIntervalMs'), problems)
  const requestTimeoutMs = millis('requestTimeoutMs', pick('requestTimeoutMs'), problems)
  const supervisorProblem = problems.some((p) => p.startsWith('"supervisorUrl"'))
  if (supervisor === null && !supervisorProblem && opts.missingSupervisor === 'error') {
    problems.unshift('"supervisorUrl" is not set: the dashboard does not know which supervisor to show.')
  }
  if (problems.length) {
    return {
      ok: false,
      problem: { summary: `config.json has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}.`, details: problems, fix: FIX_FILE },
    }
  }
  const mock = supervisor === null || supervisor.toLowerCase() === 'mock'
  return {
    ok: true,
    config: { supervisorUrl: mock ? null : supervisor, gatewayUrl, customer, accessToken, refreshIntervalMs, requestTimeoutMs, mock },
  }
}

/** For tests and tools: like parseConfig with an unset supervisorUrl meaning the mock; throws ConfigError. */
export function resolveConfig(file: unknown, env: ConfigFile = envDefaults()): AppConfig {
  const result = parseConfig(file, env, { missingSupervisor: 'mock' })
  if (!result.ok) throw new ConfigError(result.problem)
  return result.config
}

function envDefaults(): ConfigFile {
  const env = import.meta.env
  return {
    supervisorUrl: env.VITE_SUPERVISOR_URL,
    gatewayUrl: env.VITE_GATEWAY_URL,
    customer: env.VITE_CUSTOMER,
    accessToken: env.VITE_ACCESS_TOKEN,
    refreshIntervalMs: env.VITE_REFRESH_INTERVAL_MS,
  }
}

export interface LoadOptions {
  /** The development server: a missing config.json means the mock backend. */
  dev: boolean
  /** Build-time defaults (tests pass their own). */
  env?: ConfigFile
  fetch?: typeof fetch
}

/**
 * The request for config.json. index.html preloads the same URL (`<link rel="preload" as="fetch"
 * crossorigin>`: mode cors, credentials same-origin, default cache mode), and this request must match
 * it in all three so that Chromium hands over the preloaded response instead of fetching twice.
 */
export function configUrl(baseUrl: string): string {
  return `${baseUrl}config.json`
}

/**
 * Reads and validates config.json. A missing file is the mock backend only on the development server
 * (or when the build's VITE_SUPERVISOR_URL sets the server); any other failure is a ConfigProblem.
 */
export async function loadConfig(baseUrl: string, opts: LoadOptions): Promise<ConfigResult> {
  const env = opts.env ?? envDefaults()
  const doFetch = opts.fetch ?? fetch
  const where = configUrl(baseUrl)
  let response: Response
  try {
    response = await doFetch(where, { credentials: 'same-origin', mode: 'cors' })
  } catch (e) {
    return {
      ok: false,
      problem: {
        summary: `config.json could not be loaded from ${where}: the request failed (${e instanceof Error ? e.message : String(e)}).`,
        details: [],
        fix: 'Check the network connection and that the web server that serves this page is running, then reload.',
      },
    }
  }
  if (response.status === 404) {
    if (opts.dev) return parseConfig(undefined, env, { missingSupervisor: 'mock' })
    const fromBuild = parseConfig(undefined, env, { missingSupervisor: 'error' })
    if (fromBuild.ok) return fromBuild
    return {
      ok: false,
      problem: {
        summary: `config.json was not found at ${where} (404), so the dashboard does not know which supervisor to show.`,
        details: [],
        fix: `Put a config.json next to index.html: for example ${EXAMPLE}, or { "supervisorUrl": "mock" } for the built-in mock backend.`,
      },
    }
  }
  if (!response.ok) {
    return {
      ok: false,
      problem: {
        summary: `config.json could not be loaded from ${where}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        details: [],
        fix: 'Check that the web server serves config.json as a plain file next to index.html, then reload.',
      },
    }
  }
  const body = await response.text().catch(() => null)
  if (body === null) {
    return { ok: false, problem: { summary: `config.json could not be read from ${where}: the connection broke.`, details: [], fix: 'Reload the page.' } }
  }
  let file: unknown
  try {
    file = JSON.parse(body)
  } catch (e) {
    const html = /^\s*</.test(body)
    return {
      ok: false,
      problem: {
        summary: html
          ? `config.json at ${where} is an HTML page, not JSON: the web server probably answered with index.html because config.json is missing.`
          : `config.json at ${where} is not valid JSON (${e instanceof Error ? e.message : 'syntax error'}).`,
        details: [],
        fix: FIX_FILE,
      },
    }
  }
  return parseConfig(file, env, { missingSupervisor: 'error' })
}
