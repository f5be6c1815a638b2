import { useEffect, useState } from 'react'

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  const s = Math.floor(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m ${s % 60}s`
  const h = Math.floor(m / 60)
  if (h < 24) return `${h}h ${m % 60}m`
  const d = Math.floor(h / 24)
  return `${d}d ${h % 24}h`
}

const rtf = typeof Intl !== 'undefined' ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null

export function formatRelative(date: string | number | Date | null | undefined, now = Date.now()): string {
  if (date === null || date === undefined) return '—'
  const t = new Date(date).getTime()
  if (!Number.isFinite(t)) return '—'
  const diff = t - now
  const abs = Math.abs(diff)
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ]
  for (const [unit, size] of units) {
    if (abs >= size || unit === 'second') {
      const value = Math.round(diff / size)
      return rtf ? rtf.format(value, unit) : `${value} ${unit}`
    }
  }
  return '—'
}

export function formatExact(date: string | number | Date | null | undefined): string {
  if (date === null || date === undefined) return ''
  const d = new Date(date)
  return Number.isFinite(d.getTime()) ? d.toLocaleString() : ''
}

/** The current time, re-rendered every `intervalMs` (for live durations). */
export function useNow(intervalMs = 1000, enabled = true): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!enabled) return
    const id = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(id)
  }, [intervalMs, enabled])
  return now
}

/** A relative time with the exact time on hover and for assistive tech. */
export function RelativeTime({ date, now }: { date: string | null | undefined; now?: number }) {
  if (!date || !Number.isFinite(Date.parse(date))) return <span>—</span>
  return (
    <time dateTime={new Date(date).toISOString()} title={formatExact(date)}>
      {formatRelative(date, now)}
    </time>
  )
}
