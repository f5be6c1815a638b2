/* Which pages boot.ts paints before React (app/first-view.ts, loaded only for them). */

/** Pages with a first paint: a plain /jobs (no filters, search or sort in the URL) and a job's page. */
export function firstPaintWanted(pathname: string, search: string): boolean {
  if (search && search !== '?') return false
  const path = pathname.replace(/\/+$/, '') || '/'
  return path === '/jobs' || /^\/jobs\/[^/]+$/.test(path)
}

/** The app's path of this page: location.pathname without the base the app is served under ('' or '/ops'). */
export function appPathname(base: string): string {
  const p = location.pathname
  return base && p.startsWith(base) ? p.slice(base.length) || '/' : p
}
