/* Times in words, and the app's clock. No React here: the boot module's first paint uses them too. */

/**
 * Where "now" comes from. The app sets it to the server-corrected clock (`serverNow` of the api
 * layer) at start-up; this module does not know about HTTP. Defaults to the local clock.
 */
let nowSource: () => number = () => Date.now()
export function setNowSource(source: () => number): void {
  nowSource = source
}
/** The current time on the clock the app uses (the server's, once set). */
export function clockNow(): number {
  return nowSource()
}

/**
 * The time a piece of work has been running. Never negative, never "0 ms": a running job that
 * started a moment ago (or whose start the clock cannot place yet) reads "just started".
 */
export function formatElapsed(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  if (ms < 1000) return 'just started'
  return formatDuration(ms)
}

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

/*
 * Relative times in words. The first use of Intl on a page costs 15–30 ms of main thread (ICU is set up),
 * which a page's first rows would wait on (src/boot.ts paints them with these words): in English the words
 * are written here, exactly as Intl.RelativeTimeFormat('en', { numeric: 'auto' }) writes them
 * (time-format.test.ts compares the two), and Intl is asked only for other languages, once needed.
 */
let rtf: Intl.RelativeTimeFormat | null | undefined
function relativeTimeFormat(): Intl.RelativeTimeFormat | null {
  if (rtf === undefined) rtf = typeof Intl !== 'undefined' ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null
  return rtf
}

type RelativeUnit = 'day' | 'hour' | 'minute' | 'second'
const SAME: Record<RelativeUnit, string> = { day: 'today', hour: 'this hour', minute: 'this minute', second: 'now' }

/** The browser's language is English (navigator.language, the user's first preferred language). */
function prefersEnglish(): boolean {
  return typeof navigator !== 'undefined' && /^en(-|$)/i.test(navigator.language ?? '')
}

/** `value` `unit`s from now in English words, as Intl says them ('en', numeric: 'auto'); null past 999 (Intl groups digits). */
export function englishRelative(value: number, unit: RelativeUnit): string | null {
  if (value === 0) return SAME[unit]
  if (unit === 'day' && value === -1) return 'yesterday'
  if (unit === 'day' && value === 1) return 'tomorrow'
  const n = Math.abs(value)
  if (n > 999 || !Number.isInteger(n)) return null
  const words = `${n} ${n === 1 ? unit : `${unit}s`}`
  return value < 0 ? `${words} ago` : `in ${words}`
}

export function formatRelative(date: string | number | Date | null | undefined, now = Date.now()): string {
  if (date === null || date === undefined) return '—'
  const t = new Date(date).getTime()
  if (!Number.isFinite(t)) return '—'
  const diff = t - now
  const abs = Math.abs(diff)
  const units: Array<[RelativeUnit, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ]
  for (const [unit, size] of units) {
    if (abs >= size || unit === 'second') {
      const value = Math.round(diff / size)
      const english = prefersEnglish() ? englishRelative(value, unit) : null
      if (english !== null) return english
      const f = relativeTimeFormat()
      return f ? f.format(value, unit) : `${value} ${unit}`
    }
  }
  return '—'
}

export function formatExact(date: string | number | Date | null | undefined): string {
  if (date === null || date === undefined) return ''
  const d = new Date(date)
  return Number.isFinite(d.getTime()) ? d.toLocaleString() : ''
}

