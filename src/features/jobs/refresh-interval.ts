import { formatDuration } from '@/components/ui/time-format'

/* The live refresh intervals the jobs list offers. No React here (the boot module's first paint draws the control too). */

/** Intervals offered besides the configured default; 0 = paused. */
const CHOICES = [0, 5_000, 10_000, 30_000, 60_000]

/** The intervals of the Live refresh control, the configured default among them, shortest first. */
export function intervalChoices(defaultMs: number): number[] {
  return [...new Set([...CHOICES, defaultMs])].sort((a, b) => a - b)
}

export function intervalLabel(ms: number): string {
  if (ms === 0) return 'Paused'
  // "Every 1 min", not "Every 1m 0s".
  if (ms >= 60_000 && ms % 60_000 === 0) return `Every ${ms / 60_000} min`
  return ms % 1000 === 0 ? `Every ${ms / 1000} s` : `Every ${formatDuration(ms)}`
}
