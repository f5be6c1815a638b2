import { configUrl, envDefaults, readConfigFile, urlFault, BOUNDS, type AppConfig, type ConfigFile, type ConfigIssue, type ReadOptions } from './config-values'

/*
 * config.json checked and, when something is wrong, said in words: which key, what it holds, and how to
 * fix it. The check itself is config-values.ts (the page load's start runs it inline); the words load
 * only when they are needed (main.tsx imports this module when start.ts could not use the file).
 */

export { configUrl, envDefaults, type AppConfig, type ConfigFile } from './config-values'

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

const show = (v: unknown): string => {
  try {
    const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v)
    return s.length > 80 ? `${s.slice(0, 77)}…` : s
  } catch {
    return String(v)
  }
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `a ${typeof v}`)

const URL_FAULT: Record<string, string> = {
  'not-absolute': 'is not an absolute URL (it must start with http:// or https://)',
  credentials: 'contains a user name or password — credentials must not be part of the URL (sign in on the sign-in page instead)',
  query: 'has a query string or fragment — give the base URL only',
}

/** An http(s) URL without credentials (null), or the reason it is not, in words. */
export function checkServerUrl(value: string): string | null {
  const f = urlFault(value)
  if (!f) return null
  return f.fault === 'scheme' ? `uses ${f.protocol.replace(/:$/, '')}: — only http:// and https:// are allowed` : URL_FAULT[f.fault]!
}

function sentence(issue: ConfigIssue): string {
  switch (issue.kind) {
    case 'not-object':
      return `config.json must hold a JSON object, but it holds ${typeOf(issue.value)}.`
    case 'not-string':
      return `"${issue.key}" must be a string, not ${typeOf(issue.value)} (${show(issue.value)}).`
    case 'bad-url': {
      // Never echo credentials back onto the page.
      const shown = issue.fault === 'credentials' ? '' : ` ${show(issue.value)}`
      return `"${issue.key}"${shown} ${checkServerUrl(issue.value)}.`
    }
    case 'bad-millis': {
      const b = BOUNDS[issue.key]
      return `"${issue.key}" must be a number of milliseconds from ${b.min} to ${b.max}, not ${show(issue.value)}.`
    }
    case 'no-supervisor':
      return '"supervisorUrl" is not set: the dashboard does not know which supervisor to show.'
  }
}

export type ParseOptions = ReadOptions

/**
 * Validates config.json (merged over the build's VITE_* defaults; config.json wins, key by key).
 * Every wrong key is named; nothing wrong is silently replaced by a default or by the mock backend.
 */
export function parseConfig(file: unknown, env: ConfigFile = envDefaults(), opts: ParseOptions = { missingSupervisor: 'error' }): ConfigResult {
  const read = readConfigFile(file, env, opts)
  if (read.ok) return read
  if (read.issues[0]?.kind === 'not-object') return { ok: false, problem: { summary: sentence(read.issues[0]), details: [], fix: FIX_FILE } }
  const problems = read.issues.map(sentence)
  return {
    ok: false,
    problem: { summary: `config.json has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}.`, details: problems, fix: FIX_FILE },
  }
}

/** For tests and tools: like parseConfig with an unset supervisorUrl meaning the mock; throws ConfigError. */
export function resolveConfig(file: unknown, env: ConfigFile = envDefaults()): AppConfig {
  const result = parseConfig(file, env, { missingSupervisor: 'mock' })
  if (!result.ok) throw new ConfigError(result.problem)
  return result.config
}

export interface LoadOptions {
  /** The development server: a missing config.json means the mock backend. */
  dev: boolean
  /** Build-time defaults (tests pass their own). */
  env?: ConfigFile
  fetch?: typeof fetch
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
