import { lazy, Suspense, type ComponentType, type ReactNode } from 'react'
import { BrowserRouter, matchPath, Navigate, Route, Routes } from 'react-router'
import { SkeletonRows } from '@/components/ui/skeleton'
import { AppLayout } from './layout'
import { RouteErrorBoundary } from './route-error'
import { NotFound } from './routes/not-found'

/*
 * Routes per ui-contract.md, in React Router's declarative mode: it weighs about half of the
 * data router in the first-load bundle, and the dashboard uses no loaders or actions (data
 * comes from TanStack Query). Feature pages load lazily; each route has its own error boundary.
 */
type LazyRoute = ComponentType & { preload: () => Promise<void> }

/**
 * A lazily loaded page that can be loaded ahead (`preload`). Once its module is in, it renders
 * directly instead of through React.lazy: a first render never suspends on a chunk that is already
 * there (a suspended route shows the fallback, and React then holds the real page back).
 */
function lazyRoute<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyRoute {
  let loaded: ComponentType | null = null
  let pending: Promise<ComponentType> | null = null
  const get = () =>
    (pending ??= load().then(
      (m) => (loaded = m[name]),
      (error: unknown) => {
        pending = null
        throw error
      },
    ))
  const Lazy = lazy(async () => ({ default: await get() }))
  function Page() {
    const Loaded = loaded
    return Loaded ? <Loaded /> : <Lazy />
  }
  return Object.assign(Page, { preload: () => get().then(() => undefined) })
}

// Signed-in users (most loads) never need the sign-in page's code.
const SignInRoute = lazyRoute(() => import('./routes/sign-in'), 'SignInRoute')
const JobsRoute = lazyRoute(() => import('./routes/jobs'), 'JobsRoute')
const JobDetailRoute = lazyRoute(() => import('./routes/job-detail'), 'JobDetailRoute')
const ApprovalsRoute = lazyRoute(() => import('./routes/approvals'), 'ApprovalsRoute')
const RunawayRoute = lazyRoute(() => import('./routes/runaway'), 'RunawayRoute')
const WorkflowsRoute = lazyRoute(() => import('./routes/workflows'), 'WorkflowsRoute')
const WorkflowDetailRoute = lazyRoute(() => import('./routes/workflows-detail'), 'WorkflowDetailRoute')
const TasksRoute = lazyRoute(() => import('./routes/tasks'), 'TasksRoute')
const TaskRunRoute = lazyRoute(() => import('./routes/task-run'), 'TaskRunRoute')
const WorkflowRunFormRoute = lazyRoute(() => import('./routes/workflow-run-form'), 'WorkflowRunFormRoute')

/** Pages main.tsx loads ahead, by the path the document opens on (index.html preloads their chunks). */
const PRELOADED: Array<[path: string, page: LazyRoute]> = [
  ['/jobs', JobsRoute],
  ['/jobs/:jobId', JobDetailRoute],
  ['/approvals', ApprovalsRoute],
  ['/runaway', RunawayRoute],
  ['/sign-in', SignInRoute],
]

/** Loads the page component of `pathname` (without the base URL); resolves at once for other paths. */
export function preloadRoute(pathname: string): Promise<void> {
  const hit = PRELOADED.find(([path]) => matchPath(path, pathname))
  return hit ? hit[1].preload() : Promise.resolve()
}

function Page({ children }: { children: ReactNode }) {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<SkeletonRows label="Loading page…" />}>{children}</Suspense>
    </RouteErrorBoundary>
  )
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/sign-in"
        element={
          <Page>
            <SignInRoute />
          </Page>
        }
      />
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/jobs" replace />} />
        <Route path="jobs" element={<Page><JobsRoute /></Page>} />
        <Route path="jobs/:jobId" element={<Page><JobDetailRoute /></Page>} />
        <Route path="approvals" element={<Page><ApprovalsRoute /></Page>} />
        <Route path="runaway" element={<Page><RunawayRoute /></Page>} />
        <Route path="workflows" element={<Page><WorkflowsRoute /></Page>} />
        <Route path="workflows/:workflowId" element={<Page><WorkflowDetailRoute /></Page>} />
        <Route path="workflows/:workflowId/run" element={<Page><WorkflowRunFormRoute /></Page>} />
        <Route path="tasks" element={<Page><TasksRoute /></Page>} />
        <Route path="tasks/:taskId/run" element={<Page><TaskRunRoute /></Page>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  )
}

export function AppRouter() {
  const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || undefined
  return (
    <BrowserRouter basename={basename}>
      <AppRoutes />
    </BrowserRouter>
  )
}
