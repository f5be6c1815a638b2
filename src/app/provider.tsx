import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { AppConfig } from '@/api/config'
import { createQueryClient } from '@/lib/query-client'
import { SessionProvider } from '@/lib/session'
import type { StoredSession } from '@/lib/token-store'
import { ToastProvider } from '@/components/ui/toast'
import { AppErrorBoundary } from './error-boundary'

interface AppProviderProps {
  config: AppConfig
  children: ReactNode
  /** main.tsx passes the client its first-request prefetch went into, and the session it was sent with. */
  queryClient?: QueryClient
  initialSession?: StoredSession | null
}

export function AppProvider({ config, children, queryClient: given, initialSession }: AppProviderProps) {
  const [queryClient] = useState(() => given ?? createQueryClient())
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <SessionProvider config={config} initial={initialSession}>{children}</SessionProvider>
        </ToastProvider>
      </QueryClientProvider>
    </AppErrorBoundary>
  )
}
