import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { errorMessage } from '@/components/ui/error-panel'

function RouteErrorView({ error }: { error: unknown }) {
  const message = errorMessage(error)
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

class Boundary extends Component<{ children: ReactNode; resetKey: string }, { error: unknown; key: string }> {
  state = { error: null as unknown, key: this.props.resetKey }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: unknown; key: string }) {
    // Navigating away clears the error: the next page gets its chance.
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Page crashed', error, info.componentStack)
  }

  render() {
    return this.state.error ? <RouteErrorView error={this.state.error} /> : this.props.children
  }
}

/** Per-route error boundary: the page failed, the shell and navigation stay. */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const location = useLocation()
  return <Boundary resetKey={location.pathname}>{children}</Boundary>
}
