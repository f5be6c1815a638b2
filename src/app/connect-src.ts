/*
 * The build's Content-Security-Policy allows connections to any http(s) origin (the supervisor is only
 * known at run time); src/boot.ts narrows it as soon as config.json is read, before the first request.
 */

/** Restricts connections to the configured supervisor and gateway (adds to the build's CSP). */
export function narrowConnectSrc(urls: Array<string | null>) {
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
