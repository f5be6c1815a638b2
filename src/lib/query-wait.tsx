import { SlowNotice, type SlowQueryState } from '@/components/ui/slow-notice'
import { useSession } from './session'

/**
 * "Still waiting for the server…" for a query that has not answered yet, naming the configured
 * client timeout, and "Retrying…" while an automatic retry runs. Put it beside a skeleton.
 */
export function QueryWait({ query, what, className }: { query: SlowQueryState | undefined; what?: string; className?: string }) {
  const { config } = useSession()
  if (!query) return null
  return <SlowNotice query={query} timeoutMs={config.requestTimeoutMs} what={what} className={className} />
}
