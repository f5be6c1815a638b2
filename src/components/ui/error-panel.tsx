import { Link } from 'react-router'
import { errorMessage, nextStep } from '@/api/errors'
import { Button } from './button'
import { cn } from './cn'

/** Kept here for callers not yet moved: the function lives with the errors. */
export { errorMessage } from '@/api/errors'

/** An announced error with the next step: Retry, Sign in again or Go back. */
export function ErrorPanel({
  error,
  title = 'Could not load',
  onRetry,
  backTo,
  backLabel = 'Back to jobs',
  className,
}: {
  error: unknown
  title?: string
  onRetry?: () => void
  backTo?: string
  backLabel?: string
  className?: string
}) {
  const step = nextStep(error)
  return (
    <div role="alert" className={cn('rounded-md border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100', className)}>
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {title}
      </p>
      <p className="mt-1 text-sm break-words">{errorMessage(error)}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {onRetry && step !== 'sign-in' && (
          <Button size="sm" onClick={onRetry}>
            Retry
          </Button>
        )}
        {step === 'sign-in' && (
          <Link className="text-sm font-medium underline" to="/sign-in">
            Sign in again
          </Link>
        )}
        {backTo && (
          <Link className="text-sm font-medium underline" to={backTo}>
            {backLabel}
          </Link>
        )}
      </div>
    </div>
  )
}
