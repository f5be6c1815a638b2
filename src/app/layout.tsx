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
import { SHELL } from './shell-look'
import { THEME_ICON } from './theme-choice'
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
    <div className={SHELL.page}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        Skip to content
      </a>
      <header className={SHELL.header}>
        <div className={SHELL.headerRow}>
          <span className={SHELL.brand}>
            <span aria-hidden="true" className={SHELL.brandMark}>
              ◉
            </span>
            TheEye Jobs
          </span>
          <nav aria-label="Main" className={SHELL.nav}>
            <Suspense fallback={<MainNavLinks />}>
              <MainNavLinksWithCounts />
            </Suspense>
          </nav>
          <div className={SHELL.tools}>
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
              <span className={SHELL.organization} title={`Organization ${plainText(customer, 60)}`}>
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
                className={SHELL.headerButton}
              >
                <span className={SHELL.accountName}>{profile ? plainText(profile.name, 60) : 'Account'}</span>
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
              className={SHELL.headerButton}
              aria-label={`Theme: ${theme}. Change theme`}
              title={`Theme: ${theme}`}
            >
              <span aria-hidden="true">{THEME_ICON[theme]}</span>
            </button>
          </div>
        </div>
      </header>
      <OnlineWatcher />
      <main id="main" className={SHELL.main}>
        <Outlet />
      </main>
    </div>
  )
}
