import type { ConfigProblem } from '@/api/config'
import { useDocumentTitle } from '@/lib/use-document-title'

/**
 * Shown instead of the dashboard when config.json is missing, broken or invalid: what is wrong and
 * how to fix it. Never a silent fallback to the mock backend (that would show invented data).
 */
export function ConfigErrorPage({ problem }: { problem: ConfigProblem }) {
  useDocumentTitle('Configuration error')
  return (
    <div className="grid min-h-dvh place-items-center bg-slate-50 p-4 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <main className="w-full max-w-2xl rounded-lg border border-red-200 bg-white p-6 shadow-sm dark:border-red-900 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">The dashboard cannot start: its configuration is not usable</h1>
        <div role="alert" className="mt-3 space-y-2">
          <p className="break-words">{problem.summary}</p>
          {problem.details.length > 0 && (
            <ul className="list-disc space-y-1 pl-6 text-sm break-words">
              {problem.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
        <h2 className="mt-4 text-sm font-semibold">How to fix it</h2>
        <p className="mt-1 text-sm break-words text-slate-700 dark:text-slate-300">{problem.fix}</p>
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          No data is shown until the configuration is fixed: the dashboard does not fall back to its mock backend.
        </p>
        <button
          type="button"
          className="mt-4 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
      </main>
    </div>
  )
}
