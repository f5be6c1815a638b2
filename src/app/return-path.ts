/**
 * Where to go after signing in: the in-app path the user was on, never another origin. A path such
 * as `//evil.example/jobs` (or `/\evil.example`, or with tabs and newlines a URL parser drops) is a
 * protocol-relative URL to the router, which refuses it ("External navigation is not allowed") and
 * would leave sign-in looping. Leading slashes are collapsed, and anything that still resolves to
 * another origin, or back to the sign-in page, becomes the fallback.
 */
export function safeReturnPath(from: unknown, fallback = '/jobs'): string {
  if (typeof from !== 'string' || !from.startsWith('/')) return fallback
  const base = 'http://in-app.invalid'
  try {
    const url = new URL(`/${from.replace(/^[\s/\\]+/, '')}`, base)
    if (url.origin !== base) return fallback
    const path = url.pathname.replace(/^\/{2,}/, '/')
    if (path === '/sign-in' || path.startsWith('/sign-in/')) return fallback
    return path + url.search + url.hash
  } catch {
    return fallback
  }
}
