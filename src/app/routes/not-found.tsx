import { Link } from 'react-router'
import { useDocumentTitle } from '@/lib/use-document-title'

export function NotFound() {
  useDocumentTitle('Page not found')
  return (
    <div className="max-w-xl">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">There is no page at this address.</p>
      <Link to="/jobs" className="mt-4 inline-block font-medium underline">
        Go to jobs
      </Link>
    </div>
  )
}
