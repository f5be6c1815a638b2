import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { loadConfig } from './api/config'
import { ConfigErrorPage } from './app/config-error'
import { AppProvider } from './app/provider'
import { AppRouter } from './app/router'
import './index.css'

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

/** Restricts connections to the configured supervisor and gateway (adds to the build's CSP). */
function narrowConnectSrc(urls: Array<string | null>) {
  if (import.meta.env.DEV) return
  const origins = urls.flatMap((u) => {
    try {
      if (!u) return []
      const url = new URL(u, window.location.href)
      // The gateway's socket.io connects over ws(s):// to the same host.
      return [url.origin, `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`]
    } catch {
      return []
    }
  })
  const meta = document.createElement('meta')
  meta.httpEquiv = 'Content-Security-Policy'
  meta.content = `connect-src 'self' ${origins.join(' ')}`.trim()
  document.head.append(meta)
}

async function start() {
  const root = document.getElementById('root')!
  // index.html preloads config.json (as="fetch" crossorigin): this request picks up that response.
  const result = await loadConfig(import.meta.env.BASE_URL, { dev: import.meta.env.DEV })
  if (!result.ok) {
    // Never a silent switch to the mock backend: say what is wrong and how to fix it.
    console.error(`TheEye Jobs: ${result.problem.summary}`, result.problem.details)
    narrowConnectSrc([])
    createRoot(root).render(
      <StrictMode>
        <ConfigErrorPage problem={result.problem} />
      </StrictMode>,
    )
    return
  }
  const { config } = result
  narrowConnectSrc(config.mock ? [] : [config.supervisorUrl, config.gatewayUrl])
  if (config.mock) {
    // Mock code loads only in mock mode: a configured deployment never downloads it.
    const { startMockWorker } = await import('./mocks/browser')
    const { parseScenario } = await import('./mocks/scenarios')
    const size = Number(mockParam('size', SIZE_KEY)) || undefined
    await startMockWorker(parseScenario(mockParam('scenario', SCENARIO_KEY)), { size })
    const timeout = Number(mockParam('timeoutMs', TIMEOUT_KEY))
    if (Number.isFinite(timeout) && timeout >= 500) config.requestTimeoutMs = timeout
  }
  createRoot(root).render(
    <StrictMode>
      <AppProvider config={config}>
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
