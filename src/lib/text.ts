/**
 * Text from scripts (names, arguments, output) is data: React renders it as text, never as HTML,
 * and these helpers make it safe to lay out: escapes, control and invisible characters removed,
 * nesting and length bounded so that no document can overflow the stack or freeze the page.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]/g
/**
 * Control characters, plus the invisible and direction-changing ones that can disguise a name
 * ("invoice‮fdp.exe", zero-width spaces between letters): bidi embeddings, overrides and isolates
 * (U+202A–202E, U+2066–2069), marks (U+200E/200F, U+061C), zero-width space/joiners (U+200B–200D),
 * word joiner and invisible operators (U+2060–2064), other format controls (U+206A–206F),
 * the byte-order mark (U+FEFF), interlinear annotations (U+FFF9–FFFB), invisible fillers
 * (U+034F, U+115F, U+1160, U+17B4, U+17B5, U+180E, U+3164, U+FFA0), soft hyphen (U+00AD),
 * line/paragraph separators (U+2028/2029) and tag characters (U+E0000–E007F).
 */
const INVISIBLE_OR_TAG =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu

/** Removes control, invisible and bidi characters (newlines and tabs are kept). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_OR_TAG, (c) => (c === '\n' || c === '\t' || c === '\r' ? c : ''))
}

/** How deep a value is rendered before "…": deeper documents are hostile or broken. */
export const MAX_RENDER_DEPTH = 20
/** How many characters of one value are rendered. */
export const MAX_VALUE_CHARS = 20_000

/**
 * JSON of a value with bounded nesting and length: never recurses deeper than `maxDepth` (a
 * 6,000-deep array crashed the job page with "Maximum call stack size exceeded") and stops
 * once `maxChars` are written (a 100,000-item value cannot freeze the page).
 */
export function boundedJson(value: unknown, opts: { maxDepth?: number; maxChars?: number; indent?: number } = {}): string {
  const maxDepth = opts.maxDepth ?? MAX_RENDER_DEPTH
  const maxChars = opts.maxChars ?? MAX_VALUE_CHARS
  const indent = opts.indent ?? 0
  let out = ''
  let full = false
  const write = (s: string) => {
    if (full) return
    if (out.length + s.length > maxChars) {
      out += s.slice(0, Math.max(0, maxChars - out.length))
      full = true
    } else out += s
  }
  const nl = (depth: number) => (indent ? `\n${' '.repeat(indent * depth)}` : '')
  const walk = (v: unknown, depth: number): void => {
    if (full) return
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return write(String(v === null ? 'null' : Number.isFinite(v as number) || typeof v === 'boolean' ? v : 'null'))
    if (typeof v === 'string') return write(JSON.stringify(v.length > maxChars ? v.slice(0, maxChars) : v))
    if (typeof v !== 'object') return write('null')
    const isArray = Array.isArray(v)
    const entries: Array<[string | null, unknown]> = isArray ? (v as unknown[]).map((x) => [null, x]) : Object.entries(v as Record<string, unknown>)
    if (entries.length === 0) return write(isArray ? '[]' : '{}')
    if (depth >= maxDepth) return write(isArray ? '[…]' : '{…}')
    write(isArray ? '[' : '{')
    for (let i = 0; i < entries.length && !full; i++) {
      const [k, x] = entries[i]!
      write((i ? ',' : '') + nl(depth + 1))
      if (k !== null) write(`${JSON.stringify(k)}:${indent ? ' ' : ''}`)
      walk(x, depth + 1)
    }
    write(nl(depth) + (isArray ? ']' : '}'))
  }
  walk(value, 0)
  return full ? `${out}…` : out
}

/** Removes ANSI escapes (colours, cursor moves). */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '')
}

export function plainText(value: unknown, max = 500): string {
  const text = typeof value === 'string' ? value.slice(0, max * 4 + 100) : value === null || value === undefined ? '' : boundedJson(value, { maxChars: max * 4 + 100 })
  const clean = stripInvisible(text.replace(ANSI, '')).replace(/[\r\n\t]+/g, ' ')
  return clean.length > max ? `${clean.slice(0, max)}…` : clean
}

/** A value for display: strings as they are, everything else as pretty JSON; both bounded. */
export function displayValue(value: unknown, maxChars = MAX_VALUE_CHARS): string {
  if (value === undefined) return ''
  if (typeof value === 'string') {
    return value.length > maxChars ? `${value.slice(0, maxChars)}… (${(value.length - maxChars).toLocaleString()} more characters not shown)` : value
  }
  return boundedJson(value, { indent: 2, maxChars })
}
