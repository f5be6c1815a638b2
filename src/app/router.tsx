import { createBrowserRouter, Navigate, type RouteObject } from 'react-router'
import { AppLayout } from './layout'
import { RouteError } from './route-error'
import { NotFound } from './routes/not-found'
import { SignInRoute } from './routes/sign-in'

/** Routes per ui-contract.md. Feature pages load lazily so the first load carries only what it shows. */
export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInRoute />, errorElement: <RouteError /> },
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/jobs" replace /> },
      {
        path: 'jobs',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('./routes/jobs')).JobsRoute }),
      },
      {
        path: 'jobs/:jobId',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('./routes/job-detail')).JobDetailRoute }),
      },
      {
        path: 'approvals',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('./routes/approvals')).ApprovalsRoute }),
      },
      {
        path: 'runaway',
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import('./routes/runaway')).RunawayRoute }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: import.meta.env.BASE_URL.replace(/\/$/, '') || undefined })
}
