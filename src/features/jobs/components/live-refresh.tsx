import { useId } from 'react'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { errorMessage } from '@/components/ui/error-panel'
import { Select } from '@/components/ui/field'
import { intervalChoices, intervalLabel } from '../refresh-interval'

export function LiveRefreshControl({
  intervalMs,
  defaultMs,
  onChange,
  updatedAt,
  now,
  fetching,
}: {
  intervalMs: number
  defaultMs: number
  onChange: (ms: number) => void
  updatedAt: number
  now: number
  fetching: boolean
}) {
  const id = useId()
  const choices = intervalChoices(defaultMs)
  const ago = updatedAt ? Math.max(0, Math.round((now - updatedAt) / 1000)) : null
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium text-slate-700 dark:text-slate-200">
        Live refresh
      </label>
      <Select size="sm" id={id} value={intervalMs} onChange={(e) => onChange(Number(e.currentTarget.value))} className="w-auto">
        {choices.map((ms) => (
          <option key={ms} value={ms}>
            {intervalLabel(ms)}
          </option>
        ))}
      </Select>
      <span className="text-slate-600 tabular-nums dark:text-slate-300">
        {ago === null ? '' : ago < 2 ? 'Updated just now' : `Updated ${formatAgo(ago)} ago`}
        {fetching && <span className="sr-only"> (refreshing)</span>}
      </span>
    </div>
  )
}

function formatAgo(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`
  return `${Math.floor(seconds / 3600)} h`
}

/** A background refresh failed: say so quietly, keep showing the last data. */
export function RefreshFailedBanner({ updatedAt, error, onRetry, retrying }: { updatedAt: number; error: unknown; onRetry: () => void; retrying: boolean }) {
  const time = updatedAt ? new Date(updatedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : '—'
  return (
    <Callout
      role="status"
      className="flex-wrap items-center"
      action={
        <Button size="sm" onClick={onRetry} pending={retrying}>
          Retry
        </Button>
      }
    >
      Showing data from {time} — refresh failed: {errorMessage(error)}
    </Callout>
  )
}
