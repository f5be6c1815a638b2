import { Component, type ErrorInfo, type ReactNode } from 'react'

/** Top-level error boundary: never a blank page. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Dashboard crashed', error, info.componentStack)
  }

  render() {
    if (!this.state.error) return this.props.children
    return (
      <div role="alert" className="mx-auto max-w-2xl p-6">
        <h1 className="text-xl font-semibold">The dashboard hit an unexpected error</h1>
        <p className="mt-2 break-words">{this.state.error.message}</p>
        <button type="button" className="mt-4 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    )
  }
}
