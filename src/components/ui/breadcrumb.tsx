import type { ReactNode } from 'react'
import { Link } from 'react-router'

/** Where this page sits: the list it belongs to (a link) and this page's name. */
export function Breadcrumb({ parent, current }: { parent: { to: string; label: string }; current: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link to={parent.to} className="text-indigo-700 underline dark:text-indigo-300">
        {parent.label}
      </Link>
      <span aria-hidden="true"> / </span>
      <span className="text-slate-600 dark:text-slate-400">{current}</span>
    </nav>
  )
}
