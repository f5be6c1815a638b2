import { QueryClientProvider } from '@tanstack/react-query'
import { useMemo, type ReactNode } from 'react'
import type { AppConfig } from '@/api/config'
import { createQueryClient } from '@/lib/query-client'
import { SessionProvider } from '@/lib/session'
import { ToastProvider } from '@/components/ui/toast'
import { AppErrorBoundary } from './error-boundary'

export function AppProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  const queryClient = useMemo(() => createQueryClient(), [])
  return (
    <AppErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <SessionProvider config={config}>{children}</SessionProvider>
        </ToastProvider>
      </QueryClientProvider>
    </AppErrorBoundary>
  )
}
