import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { getApiSettings } from '@/api/client'
import { useSession } from '@/lib/session'
import { startLive } from './connection'

/**
 * Keeps this tab's push connection in step with the session: one connection while signed in, a new
 * one after an organization switch (the old socket keeps the old organization's rooms), none after
 * sign-out. Rendered by the signed-in shell; loaded lazily, after the first view.
 */
export default function LiveConnector() {
  const qc = useQueryClient()
  const { customer, supervisorUrl, signedIn } = useSession()
  useEffect(() => {
    if (!signedIn) return
    // The API module holds the session's token and gateway (set by the session during render).
    const { gatewayUrl, token } = getApiSettings()
    return startLive({
      qc,
      gatewayUrl,
      token,
      customer,
      onUnauthorized: (error) => getApiSettings().onUnauthorized?.(error),
    })
  }, [qc, customer, supervisorUrl, signedIn])
  return null
}
