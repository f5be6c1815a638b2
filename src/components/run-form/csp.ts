/**
 * Whether the page's Content-Security-Policy lets `fetch` reach a URL (connect-src, else
 * default-src). The production build narrows connect-src to the supervisor and gateway once
 * config.json is read (main.tsx): a remote-options endpoint on another origin is then blocked, and
 * the form says so plainly instead of reporting a vague network error. This deliberately keeps the
 * policy narrow: widening it would let any task definition make the dashboard call any origin.
 */
export function cspAllowsConnect(policies: string[], url: URL, selfOrigin: string): boolean {
  return policies.every((policy) => {
    const directives = new Map<string, string[]>()
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/)
      if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources)
    }
    const sources = directives.get('connect-src') ?? directives.get('default-src')
    if (!sources) return true
    return sources.some((raw) => {
      const s = raw.replace(/\/+$/, '')
      if (s === '*') return url.protocol === 'http:' || url.protocol === 'https:'
      if (s === "'self'") return url.origin === selfOrigin
      if (/^[a-z][a-z0-9+.-]*:$/i.test(s)) return url.protocol === s.toLowerCase()
      const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+)(?::(\d+|\*))?/i.exec(s)
      if (!m) return false
      const [, scheme, wildcard, host, port] = m
      if (scheme && `${scheme.toLowerCase()}:` !== url.protocol) return false
      const hostOk = wildcard ? url.hostname.endsWith(`.${host!.toLowerCase()}`) : url.hostname === host!.toLowerCase()
      if (!hostOk) return false
      if (port === '*') return true
      const defaultPort = url.protocol === 'https:' ? '443' : '80'
      return (port ?? defaultPort) === (url.port || defaultPort)
    })
  })
}

/** The policies in force on this page (the build's meta tags). */
export function pagePolicies(doc: Document = document): string[] {
  return [...doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) => m.getAttribute('content') ?? '')
}

export function isBlockedByPagePolicy(url: URL): boolean {
  if (typeof document === 'undefined') return false
  return !cspAllowsConnect(pagePolicies(), url, window.location.origin)
}
