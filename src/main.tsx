// First: the page load's start (src/start.ts, inline in the build) and boot have read config.json and sent the page's first request.
import { earlyRequestDecided, startedConfig } from './boot'
import { appPathname } from './app/first-paint-path'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { configureApi } from './api/client'
import { ConfigErrorPage } from './app/config-error'
import { AppProvider } from './app/provider'
import { AppRouter, preloadRoute } from './app/router'
import { createQueryClient } from './lib/query-client'
import { apiBaseUrls, initialSession } from './lib/session'

const SCENARIO_KEY = 'theeye.mock.scenario'
const TIMEOUT_KEY = 'theeye.mock.timeoutMs'
const SIZE_KEY = 'theeye.mock.size'

/** The mock world is chosen with ?scenario= and remembered for the tab, so reloads and deep links keep it. */
function mockParam(name: string, key: string): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get(name)
  try {
    if (fromUrl) sessionStorage.setItem(key, fromUrl)
    return fromUrl ?? sessionStorage.getItem(key)
  } catch {
    return fromUrl
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

async function start() {
  const root = document.getElementById('root')!
  const base = import.meta.env.BASE_URL.replace(/\/$/, '')
  const path = appPathname(base)
  // The code of the page and of its first request, evaluated while config.json is read (index.html
  // preloads their chunks). Neither sends anything by itself.
  const prefetchModule = import('./app/route-prefetch')
  const page = preloadRoute(path).catch(() => undefined)
  prefetchModule.catch(() => undefined)
  // index.html preloads config.json (as="fetch" crossorigin); start.ts's request picked up that response
  // and checked it. Anything but a 200 with JSON in it (or the dev server's missing file) is loaded here,
  // with the words that say what is wrong.
  const started = await startedConfig()
  const result =
    started.read ??
    (await (
      await import('./api/config')
    ).loadConfig(import.meta.env.BASE_URL, {
      dev: import.meta.env.DEV,
      fetch: (input, init) => started.response ?? fetch(input, init),
    }))
  if (!result.ok) {
    // Never a silent switch to the mock backend: say what is wrong and how to fix it.
    console.error(`TheEye Jobs: ${result.problem.summary}`, result.problem.details)
    createRoot(root).render(
      <StrictMode>
        <ConfigErrorPage problem={result.problem} />
      </StrictMode>,
    )
    return
  }
  const { config } = result
  performance.mark('theeye:config-read')
  if (config.mock) {
    // Mock code loads only in mock mode: a configured deployment never downloads it.
    const { startMockWorker } = await import('./mocks/browser')
    const { parseScenario } = await import('./mocks/scenarios')
    const size = Number(mockParam('size', SIZE_KEY)) || undefined
    await startMockWorker(parseScenario(mockParam('scenario', SCENARIO_KEY)), { size })
    const timeout = Number(mockParam('timeoutMs', TIMEOUT_KEY))
    if (Number.isFinite(timeout) && timeout >= 500) config.requestTimeoutMs = timeout
  }

  // Start what the first screen needs at once: the page's code (index.html already preloads its chunks)
  // and, when the token and organization are known, the page's first data request. The profile, task
  // names and counts go out after it, when the components that need them mount.
  const queryClient = createQueryClient()
  const session = initialSession(config)
  // Resolves once the request is sent, with a promise of its answer (wrapped: a then() would flatten it).
  let firstRequest: Promise<{ answered: Promise<void> | null }> = Promise.resolve({ answered: null })
  if (session) {
    const bases = apiBaseUrls(config, session.supervisorUrl)
    configureApi({ ...bases, customer: session.customer, token: session.token, timeoutMs: config.requestTimeoutMs })
    // After boot.ts has decided on its early request (sent: this request takes its answer).
    firstRequest = Promise.all([prefetchModule, earlyRequestDecided()])
      .then(([{ prefetchRouteData }]) => {
        const answered = prefetchRouteData(queryClient, path, window.location.search)
        performance.mark('theeye:first-request-sent')
        return { answered }
      })
      .catch(() => ({ answered: null }))
  }
  if (!import.meta.env.DEV) {
    // Render once the page's module is in: the page then shows in the first commit (no fallback first),
    // and React's render (one long task) does not hold the first request back. The rows cannot show
    // before the page's chunk anyway; a very slow chunk holds the shell back 1.5 s at most.
    await Promise.race([page, delay(1500)])
    // When the answer is about to arrive, render once with the data rather than a skeleton first and the
    // rows after it (two renders and layouts back to back): waits 250 ms at most, never for a slow server.
    const { answered } = await firstRequest
    if (answered) await Promise.race([answered, delay(250)])
  }

  performance.mark('theeye:render')
  createRoot(root).render(
    <StrictMode>
      <AppProvider config={config} queryClient={queryClient} initialSession={session}>
        <AppRouter />
      </AppProvider>
    </StrictMode>,
  )
}

start().catch((error: unknown) => {
  const root = document.getElementById('root')
  if (!root) return
  const p = document.createElement('p')
  p.setAttribute('role', 'alert')
  p.style.padding = '1.5rem'
  p.textContent = `The dashboard could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`
  root.replaceChildren(p)
})
