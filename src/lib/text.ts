/**
 * Text from scripts (names, arguments) shown on one line: ANSI escapes and control characters
 * removed so they cannot break layout. React renders the result as text, never as HTML.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]/g
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g

export function plainText(value: unknown, max = 500): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value) ?? String(value)
  const clean = text.replace(ANSI, '').replace(CONTROL, '').replace(/[\r\n\t]+/g, ' ')
  return clean.length > max ? `${clean.slice(0, max)}…` : clean
}

/** A value for display: strings as they are, everything else as pretty JSON. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined) return ''
  try {
    return JSON.stringify(value, null, 2) ?? String(value)
  } catch {
    return String(value)
  }
}
