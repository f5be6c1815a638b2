import { QueryClientProvider } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import type { ReactNode } from 'react'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { resolveConfig, type AppConfig } from '@/api/config'
import { createQueryClient } from '@/lib/query-client'
import { SessionProvider } from '@/lib/session'
import { ToastProvider } from '@/components/ui/toast'
import type { StoredSession } from '@/lib/token-store'

export const DEMO_SESSION: StoredSession = { token: 'demo-token', customer: 'demo', supervisorUrl: null, persist: 'memory' }

export interface RenderOptions {
  /** Initial URL. */
  route?: string
  /** Route tree; defaults to a single catch-all route rendering `ui`. */
  routes?: RouteObject[]
  config?: Partial<AppConfig>
  /** Session to start with; null = signed out. Default: the mock's demo user (jane). */
  session?: StoredSession | null
}

/** Renders with a fresh QueryClient (retry off), the session, toasts and a memory router on the mock world. */
export function renderWithProviders(ui: ReactNode, opts: RenderOptions = {}): RenderResult & { router: ReturnType<typeof createMemoryRouter> } {
  const config: AppConfig = { ...resolveConfig({}, {}), requestTimeoutMs: 2000, ...opts.config }
  const queryClient = createQueryClient({ test: true })
  const routes = opts.routes ?? [{ path: '*', element: ui }]
  const router = createMemoryRouter(
    [
      ...routes,
      { path: '/sign-in', element: <p>Sign-in page</p> },
    ],
    { initialEntries: [opts.route ?? '/'] },
  )
  const result = render(
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <SessionProvider config={config} initial={opts.session === undefined ? DEMO_SESSION : opts.session}>
          <RouterProvider router={router} />
        </SessionProvider>
      </ToastProvider>
    </QueryClientProvider>,
  )
  return { ...result, router }
}
