import { configUrl, parseConfig } from './api/config'
import { sendEarlyRequest } from './api/early-request'
import { firstRequestPath } from './app/first-request-path'
import { apiBaseUrls, initialSession } from './lib/initial-session'

/*
 * The first thing a page load runs (the build loads this module on its own, async, from index.html's
 * head, before the ~110 kB entry has arrived and run; main.tsx imports it too, so it runs once):
 * it reads config.json (the preloaded response, handed on to main.tsx) and, when the token and
 * organization are known, sends the page's first data request right away — the same GET the page
 * would send (api/early-request.ts hands it to that request, which checks and parses it as usual).
 * Only paths whose first request does not depend on anything else: /jobs without server-side
 * filters, /jobs/:id. No React, no zod, nothing but what decides and builds that request.
 */

let configResponse: Promise<Response> | null = null

/** config.json's response, once (main.tsx's loadConfig reads and checks it); null when it was taken. */
export function takeConfigResponse(): Promise<Response> | null {
  const r = configResponse
  configResponse = null
  return r
}

function boot(): Promise<void> {
  performance.mark('theeye:boot')
  const base = import.meta.env.BASE_URL
  // Same request as loadConfig's (cors, same-origin credentials): it takes index.html's preload.
  const response = fetch(configUrl(base), { credentials: 'same-origin', mode: 'cors' })
  configResponse = response
  return response
    .then((r) => (r.ok ? r.clone().json() : null))
    .then((file: unknown) => {
      if (file === null) return
      const result = parseConfig(file)
      // The mock backend answers in a service worker that main.tsx starts: nothing to send early.
      if (!result.ok || result.config.mock) return
      const session = initialSession(result.config)
      if (!session) return
      const { supervisorUrl } = apiBaseUrls(result.config, session.supervisorUrl)
      const trimmed = base.replace(/\/$/, '')
      const pathname = trimmed && location.pathname.startsWith(trimmed) ? location.pathname.slice(trimmed.length) || '/' : location.pathname
      const path = firstRequestPath(pathname, location.search, session.customer)
      if (!path || !supervisorUrl) return
      sendEarlyRequest(supervisorUrl.replace(/\/+$/, '') + path, session.token, result.config.requestTimeoutMs)
      performance.mark('theeye:first-request-sent-early')
    })
    .catch(() => {
      // main.tsx reads the same response and says what is wrong with it.
    })
}

void boot()
