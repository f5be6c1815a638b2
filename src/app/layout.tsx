import { useIsFetching, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router'
import { configureApi } from '@/api/client'
import { LiveStatus } from '@/lib/live/live-status'
import { useSession } from '@/lib/session'
import { plainText } from '@/lib/text'
import { Select } from '@/components/ui/field'
import { useToast } from '@/components/ui/toast'
import { MainNavLinks } from './nav-links'
import { useTheme } from './theme'

// The live counts need the jobs API and its schemas: loaded after the first paint.
const MainNavLinksWithCounts = lazy(async () => ({ default: (await import('./nav-counts')).MainNavLinksWithCounts }))
// Push (socket.io) loads after the first view too; until it is live, polling keeps data fresh.
const LiveConnector = lazy(() => import('@/lib/live/connector'))

/** Signs out on the first 401 any request meets, and sends the user to /sign-in. */
function useUnauthorizedRedirect() {
  const { signOut } = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  const from = useRef(location.pathname + location.search)
  useEffect(() => {
    from.current = location.pathname + location.search
  }, [location])
  useEffect(() => {
    configureApi({
      onUnauthorized: (error) => {
        // The session expired: what the user was typing is kept for after signing in again.
        signOut(error.message, { keepDrafts: true })
        navigate('/sign-in', { replace: true, state: { from: from.current } })
      },
    })
    return () => configureApi({ onUnauthorized: undefined })
  }, [navigate, signOut])
}

function OnlineWatcher() {
  const qc = useQueryClient()
  const toast = useToast()
  const [online, setOnline] = useState(() => navigator.onLine)
  useEffect(() => {
    const up = () => {
      setOnline(true)
      toast.show('Back online: refreshing.', 'info')
      void qc.invalidateQueries()
    }
    const down = () => setOnline(false)
    window.addEventListener('online', up)
    window.addEventListener('offline', down)
    return () => {
      window.removeEventListener('online', up)
      window.removeEventListener('offline', down)
    }
  }, [qc, toast])
  if (online) return null
  return (
    <div role="status" className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
      <span aria-hidden="true">⚠ </span>You are offline. Showing the last data received; it will refresh when the connection returns.
    </div>
  )
}

export function AppLayout() {
  const session = useSession()
  const location = useLocation()
  if (!session.signedIn) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />
  return <SignedInLayout />
}

function SignedInLayout() {
  const { config, customer, profile, signOut, switchOrganization } = useSession()
  useUnauthorizedRedirect()
  const [theme, cycleTheme] = useTheme()
  const fetching = useIsFetching()
  const navigate = useNavigate()
  const toast = useToast()
  const [menuOpen, setMenuOpen] = useState(false)
  const menuRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!menuOpen) return
    const onPointer = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenuOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [menuOpen])
  const orgs = profile?.organizations ?? []

  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <span className="flex items-center gap-2 font-semibold">
            <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-indigo-600 text-white">
              ◉
            </span>
            TheEye Jobs
          </span>
          <nav aria-label="Main" className="order-last -mx-1 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto">
            <Suspense fallback={<MainNavLinks />}>
              <MainNavLinksWithCounts />
            </Suspense>
          </nav>
          <div className="ml-auto flex items-center gap-2 text-sm">
            <span className="sr-only" role="status">
              {fetching > 0 ? 'Refreshing' : ''}
            </span>
            <LiveStatus />
            <Suspense fallback={null}>
              <LiveConnector />
            </Suspense>
            {config.mock && (
              <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100" title="The built-in mock backend answers all requests">
                Mock backend
              </span>
            )}
            {orgs.length > 1 ? (
              <label className="flex items-center gap-1">
                <span className="sr-only xl:not-sr-only xl:text-slate-500 dark:xl:text-slate-400">Organization</span>
                <Select
                  size="sm"
                  className="w-auto"
                  value={orgs.find((o) => o.name === customer)?.id ?? ''}
                  onChange={(e) => {
                    const org = orgs.find((o) => o.id === e.target.value)
                    if (!org) return
                    switchOrganization(org.id, org.name)
                      .then(() => {
                        toast.show(`Switched to ${org.displayName}`, 'success')
                        navigate('/jobs')
                      })
                      .catch((err: unknown) => toast.show(`Could not switch organization: ${err instanceof Error ? err.message : 'unknown error'}`, 'error'))
                  }}
                >
                  {orgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {plainText(o.displayName, 60)}
                    </option>
                  ))}
                </Select>
              </label>
            ) : (
              <span className="max-w-40 truncate" title={`Organization ${plainText(customer, 60)}`}>
                <span className="sr-only">Organization: </span>
                {/* Its name, as the switcher shows it for users of several organizations; the slug only when nothing better is known. */}
                {plainText(orgs.find((o) => o.name === customer)?.displayName || customer, 60)}
              </span>
            )}
            <div
              className="relative"
              ref={menuRef}
              onKeyDown={(e) => {
                if (e.key === 'Escape' && menuOpen) {
                  setMenuOpen(false)
                  menuRef.current?.querySelector('button')?.focus()
                }
              }}
              onBlur={(e) => {
                // Focus left the account menu: close it.
                if (menuOpen && !e.currentTarget.contains(e.relatedTarget as Node | null)) setMenuOpen(false)
              }}
            >
              <button
                type="button"
                aria-expanded={menuOpen}
                aria-haspopup="true"
                aria-label={`Account: ${profile ? plainText(profile.name, 60) : 'signed in'}`}
                onClick={() => setMenuOpen((o) => !o)}
                className="rounded-md px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                <span className="max-w-32 truncate">{profile ? plainText(profile.name, 60) : 'Account'}</span>
              </button>
              {menuOpen && (
                <div className="absolute right-0 z-40 mt-1 w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
                  {profile?.email && <p className="truncate px-2 py-1 text-xs text-slate-500 dark:text-slate-400">{plainText(profile.email, 80)}</p>}
                  <button
                    type="button"
                    className="w-full rounded px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                    onClick={() => {
                      setMenuOpen(false)
                      signOut('You signed out.')
                    }}
                  >
                    Sign out
                  </button>
                </div>
              )}
            </div>
            <button
              type="button"
              onClick={cycleTheme}
              className="rounded-md px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
              aria-label={`Theme: ${theme}. Change theme`}
              title={`Theme: ${theme}`}
            >
              <span aria-hidden="true">{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
            </button>
          </div>
        </div>
      </header>
      <OnlineWatcher />
      {/* One content width for every page, the same as the header's: pages do not set their own. */}
      <main id="main" className="mx-auto max-w-screen-2xl px-4 py-4">
        <Outlet />
      </main>
    </div>
  )
}
