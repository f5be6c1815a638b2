import { isRouteErrorResponse, Link, useRouteError } from 'react-router'
import { errorMessage } from '@/components/ui/error-panel'

/** Per-route error element: the page failed, the shell and navigation stay. */
export function RouteError() {
  const error = useRouteError()
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error)
  const chunkFailed = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(message)
  return (
    <div role="alert" className="mx-auto max-w-2xl p-6">
      <h1 className="text-xl font-semibold">This page failed to show</h1>
      <p className="mt-2 break-words text-slate-700 dark:text-slate-300">
        {chunkFailed ? 'Part of the dashboard could not be downloaded (a new version may have been deployed, or the network dropped).' : message}
      </p>
      <div className="mt-4 flex gap-3">
        <button type="button" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white" onClick={() => window.location.reload()}>
          Reload
        </button>
        <Link to="/jobs" className="px-1 py-1.5 text-sm font-medium underline">
          Back to jobs
        </Link>
      </div>
    </div>
  )
}
