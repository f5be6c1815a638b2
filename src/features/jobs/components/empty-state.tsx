import { Button } from '@/components/ui/button'
import { plainText } from '@/lib/text'

/** Empty-state text: says why the table is empty. */
export function EmptyState({
  filtered,
  onClear,
  why = [],
  onLoadAll,
  sharedOnlyAs,
}: {
  filtered: boolean
  /** The signed-in credential when it is not an admin one: the server lists only jobs shared with it (ACL). */
  sharedOnlyAs?: string
  onClear: () => void
  /** The active filters in words, and what was searched. */
  why?: string[]
  /** Offered when text search looked only at the loaded jobs and older ones exist. */
  onLoadAll?: () => void
}) {
  if (!filtered) {
    return (
      <div>
        <p className="font-semibold">No jobs yet</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Jobs appear here when tasks run.</p>
        {sharedOnlyAs && (
          <p className="mx-auto mt-1 max-w-xl text-sm text-slate-600 dark:text-slate-300">
            You are signed in as a {plainText(sharedOnlyAs, 30)}: the server lists only the jobs shared with you (a task’s access list names
            you or your role). Ask an administrator if you expect to see some.
          </p>
        )}
      </div>
    )
  }
  return (
    <div>
      <p className="font-semibold">No jobs match these filters</p>
      {why.length > 0 && (
        <ul aria-label="Active filters" className="mx-auto mt-2 max-w-xl space-y-0.5 text-sm break-words text-slate-600 dark:text-slate-300">
          {why.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap justify-center gap-2">
        <Button size="sm" onClick={onClear}>
          Clear filters
        </Button>
        {onLoadAll && (
          <Button size="sm" variant="ghost" onClick={onLoadAll}>
            Load all and search again
          </Button>
        )}
      </div>
    </div>
  )
}
