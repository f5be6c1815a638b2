import { configUrl, readConfigFile, type AppConfig } from './api/config-values'
import { sendEarlyRequest } from './api/early-request'
import { appPathname } from './app/first-paint-path'
import { narrowConnectSrc } from './app/connect-src'
import { applyTheme, readThemeChoice } from './app/theme-choice'
import { firstRequestPath } from './app/first-request-path'
import { apiBaseUrls, initialSession } from './lib/initial-session'
import type { StoredSession } from './lib/token-store'

/*
 * The very start of a page load: read config.json and, when the token and organization are known, send
 * the page's first data request — before anything else of the app has even been downloaded.
 *
 * In the production build this runs inline in index.html's head (vite.config.ts builds this file's
 * `startOnce` into the page, allowed by its hash in the Content-Security-Policy), so the request goes
 * out as soon as config.json (preloaded) is in, not after the entry module has arrived: on a first
 * load that is the difference between the request leaving with config.json and leaving 30–50 ms later.
 * The entry (src/boot.ts) takes what it started from `window.__theeyeStart`; on the dev server, where
 * there is no inline script, boot starts it itself. Either way it runs once per page.
 *
 * It shares nothing with the app's modules but what it leaves on `window`: the config.json response
 * (main.tsx reads and checks it), the early request (api/early-request.ts keeps it in a registry on
 * `window`, where the app's first request of exactly that GET takes it) and what it decided (boot paints
 * the first view from it).
 */

export interface EarlyStart {
  config: AppConfig
  session: StoredSession
  /** The base path the app is served under, without its trailing slash ('' at the root). */
  base: string
  /** The app's path of this page (without the base). */
  pathname: string
  /** The early request's answer (boot paints from a copy; the app's request takes the answer itself). */
  answer: Promise<Response>
}

export interface Started {
  /** config.json's response, not read (boot reads a copy; main.tsx reads it when `read` is null). */
  config: Promise<Response>
  /**
   * config.json checked, as main.tsx's loadConfig checks a 200 answer with JSON in it, when it can be
   * used; null for anything else (main.tsx then loads it and says what is wrong).
   */
  read: Promise<{ ok: true; config: AppConfig } | null>
  /** Once config.json is read: the early request and what it was sent for, or null (none sent). */
  early: Promise<EarlyStart | null>
}

async function readConfig(configResponse: Promise<Response>): Promise<{ ok: true; config: AppConfig } | null> {
  const file: unknown = await configResponse.then((r) => (r.ok ? r.clone().json() : null)).catch(() => null)
  const read = file === null ? null : readConfigFile(file)
  return read?.ok ? read : null
}

async function decide(read: Promise<{ ok: true; config: AppConfig } | null>): Promise<EarlyStart | null> {
  const result = await read
  // Connections only to the configured servers, from here on (none when config.json is unusable: main.tsx says why).
  narrowConnectSrc(result && !result.config.mock ? [result.config.supervisorUrl, result.config.gatewayUrl] : [])
  // The mock backend answers in a service worker that main.tsx starts: nothing to send early.
  if (!result || result.config.mock) return null
  const session = initialSession(result.config)
  if (!session) return null
  const { supervisorUrl } = apiBaseUrls(result.config, session.supervisorUrl)
  const base = import.meta.env.BASE_URL.replace(/\/$/, '')
  const pathname = appPathname(base)
  const path = firstRequestPath(pathname, location.search, session.customer)
  if (!path || !supervisorUrl) return null
  const answer = sendEarlyRequest(supervisorUrl.replace(/\/+$/, '') + path, session.token, result.config.requestTimeoutMs)
  performance.mark('theeye:first-request-sent-early')
  return { config: result.config, session, base, pathname, answer }
}

function start(): Started {
  performance.mark('theeye:start')
  // Same request as loadConfig's (cors, same-origin credentials): it takes index.html's preload.
  const config = fetch(configUrl(import.meta.env.BASE_URL), { credentials: 'same-origin', mode: 'cors' })
  // Nothing here is needed for the page to work: on any surprise the app starts as if nothing was sent.
  const read = readConfig(config).catch(() => null)
  const early = decide(read).catch(() => null)
  // The stored theme, once the first request is out (or known not to go): the page's first touch of
  // localStorage waits on the browser process, 3–10 ms on a loading page, better spent while waiting
  // for the answer than on the way to the first paint. Applied here only: src/boot.ts, which continues
  // after this, reads it again for the theme button's icon, then at no cost.
  void early.then(() => {
    try {
      applyTheme(readThemeChoice())
    } catch {
      // The app applies it (useTheme).
    }
  })
  return { config, read, early }
}

declare global {
  interface Window {
    __theeyeStart?: Started
  }
}

/** Starts the page load, once (the inline script of the build, else boot); what was started. */
export function startOnce(): Started {
  return (window.__theeyeStart ??= start())
}
