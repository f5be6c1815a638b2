import type { CSSProperties } from 'react'

/**
 * A small ANSI SGR parser for job logs. Scripts print colours with escape sequences; we turn them
 * into styled text segments (rendered by React as text, never as HTML). Everything that is not a
 * colour/style code (cursor moves, OSC titles, other control characters) is dropped so it cannot
 * break the layout.
 *
 * Why not anser's HTML output: it builds markup from script data. Why not anser's JSON output:
 * it parses a whole string at a time, and a 2 MB log must be parsed lazily, one visible line at a
 * time, with the style carried over from the previous lines. A carried-over state is one small
 * frozen object shared by every line until a code changes it, so keeping it per line is cheap.
 */

export interface SgrState {
  readonly fg?: string
  readonly bg?: string
  readonly bold?: boolean
  readonly dim?: boolean
  readonly italic?: boolean
  readonly underline?: boolean
  readonly strike?: boolean
  readonly inverse?: boolean
}

export const PLAIN: SgrState = Object.freeze({})

export interface Segment {
  text: string
  style: SgrState
}

/** The terminal's own colours (the log is always shown on a dark background, in both themes). */
export const TERMINAL_FG = '#e2e8f0'
export const TERMINAL_BG = '#020617'

/**
 * The 16 base colours, chosen to stay readable (contrast >= 4.5:1) on the terminal background:
 * "black" in particular is a grey, or it would be invisible.
 */
const BASE16 = [
  '#a1a1aa', // black
  '#f87171', // red
  '#4ade80', // green
  '#facc15', // yellow
  '#60a5fa', // blue
  '#e879f9', // magenta
  '#22d3ee', // cyan
  '#e5e7eb', // white
  '#d4d4d8', // bright black
  '#fca5a5', // bright red
  '#86efac', // bright green
  '#fde047', // bright yellow
  '#93c5fd', // bright blue
  '#f0abfc', // bright magenta
  '#67e8f9', // bright cyan
  '#ffffff', // bright white
] as const

/** Background colours: darker variants, so the default foreground stays readable on them. */
const BASE16_BG = [
  '#27272a',
  '#7f1d1d',
  '#14532d',
  '#713f12',
  '#1e3a8a',
  '#701a75',
  '#164e63',
  '#52525b',
  '#3f3f46',
  '#991b1b',
  '#166534',
  '#854d0e',
  '#1e40af',
  '#86198f',
  '#155e75',
  '#71717a',
] as const

function color256(n: number, background: boolean): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined
  if (n < 16) return (background ? BASE16_BG : BASE16)[n]
  if (n < 232) {
    const i = n - 16
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40)
    return `rgb(${level(Math.floor(i / 36))}, ${level(Math.floor(i / 6) % 6)}, ${level(i % 6)})`
  }
  const g = 8 + (n - 232) * 10
  return `rgb(${g}, ${g}, ${g})`
}

function rgb(r: number | undefined, g: number | undefined, b: number | undefined): string | undefined {
  const ok = (v: number | undefined) => v !== undefined && Number.isInteger(v) && v >= 0 && v <= 255
  return ok(r) && ok(g) && ok(b) ? `rgb(${r}, ${g}, ${b})` : undefined
}

/** Applies one SGR parameter list (the `1;31` of `ESC[1;31m`) to a state; returns the same object when nothing changed. */
export function applySgr(state: SgrState, params: string): SgrState {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)))
  let next: { -readonly [K in keyof SgrState]: SgrState[K] } = { ...state }
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!
    if (c === 0) next = {}
    else if (c === 1) next.bold = true
    else if (c === 2) next.dim = true
    else if (c === 3) next.italic = true
    else if (c === 4) next.underline = true
    else if (c === 7) next.inverse = true
    else if (c === 9) next.strike = true
    else if (c === 21 || c === 22) {
      next.bold = undefined
      next.dim = undefined
    } else if (c === 23) next.italic = undefined
    else if (c === 24) next.underline = undefined
    else if (c === 27) next.inverse = undefined
    else if (c === 29) next.strike = undefined
    else if (c >= 30 && c <= 37) next.fg = BASE16[c - 30]
    else if (c === 39) next.fg = undefined
    else if (c >= 40 && c <= 47) next.bg = BASE16_BG[c - 40]
    else if (c === 49) next.bg = undefined
    else if (c >= 90 && c <= 97) next.fg = BASE16[c - 90 + 8]
    else if (c >= 100 && c <= 107) next.bg = BASE16_BG[c - 100 + 8]
    else if (c === 38 || c === 48) {
      const mode = codes[i + 1]
      let value: string | undefined
      if (mode === 5) {
        value = color256(codes[i + 2]!, c === 48)
        i += 2
      } else if (mode === 2) {
        value = rgb(codes[i + 2], codes[i + 3], codes[i + 4])
        i += 4
      } else {
        i = codes.length // malformed: ignore the rest
      }
      if (value) {
        if (c === 38) next.fg = value
        else next.bg = value
      }
    }
    // Anything else (blink, fonts, ...) is ignored.
  }
  for (const k of Object.keys(next) as Array<keyof SgrState>) if (next[k] === undefined) delete next[k]
  if (sameState(state, next)) return state
  return Object.freeze(next)
}

function sameState(a: SgrState, b: SgrState): boolean {
  const ka = Object.keys(a) as Array<keyof SgrState>
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => a[k] === b[k])
}

/*
 * One token per match: an SGR sequence (group 1 = params), another CSI sequence, an OSC sequence,
 * another two-byte escape, a carriage return (group 2), a backspace (group 3), or a control /
 * bidi-override character.
 */
// eslint-disable-next-line no-control-regex
const TOKEN = /\x1b\[([0-9;:]*)m|\x1b\[[0-9;:?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|(\r)|(\x08)|[\x00-\x07\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex
const NEEDS_PARSE = /[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/

/** Whether a line holds escapes or control characters (else it is shown exactly as it is). */
export function needsParse(line: string): boolean {
  return NEEDS_PARSE.test(line)
}

const MAX_BACKSPACES = 1000

function countBackspaces(line: string): number {
  let n = 0
  for (let i = line.indexOf('\b'); i !== -1 && n <= MAX_BACKSPACES; i = line.indexOf('\b', i + 1)) n++
  return n
}

/** Removes `count` characters from the end of `segments` (code units; a line's text is plain data). */
function dropTail(segments: Segment[], count: number): Segment[] {
  let n = count
  while (n > 0 && segments.length > 0) {
    const tail = segments[segments.length - 1]!
    if (tail.text.length <= n) {
      n -= tail.text.length
      segments.pop()
    } else {
      segments[segments.length - 1] = { text: tail.text.slice(0, tail.text.length - n), style: tail.style }
      n = 0
    }
  }
  return segments
}

/** The text of `segments` from character `from` on, in their styles (for what a backspace leaves in place). */
function tailFrom(segments: Segment[], from: number): Segment[] {
  const out: Segment[] = []
  let at = 0
  for (const seg of segments) {
    const end = at + seg.text.length
    if (end > from) out.push({ text: seg.text.slice(Math.max(0, from - at)), style: seg.style })
    at = end
  }
  return out
}

/**
 * Parses one line (no newline inside) starting in `start` style. A carriage return drops what was
 * printed before it on the line, as a terminal would overwrite it (progress bars); a backspace moves
 * back one character, and what is printed next overwrites from there (spinners, "50%\b\b\b60%").
 */
export function parseLine(line: string, start: SgrState = PLAIN): { segments: Segment[]; end: SgrState } {
  if (!NEEDS_PARSE.test(line)) return { segments: line ? [{ text: line, style: start }] : [], end: start }
  let segments: Segment[] = []
  let state = start
  let last = 0
  // How far the cursor is back from the end of what was printed (backspaces not yet written over).
  let back = 0
  // Each backspace that is written over costs a pass over the line: past this many (a hostile or broken
  // log) they are dropped like other control characters, so that a line is never parsed in quadratic time.
  const applyBackspaces = countBackspaces(line) <= MAX_BACKSPACES
  const length = () => segments.reduce((n, s) => n + s.text.length, 0)
  const append = (text: string) => {
    const prev = segments[segments.length - 1]
    if (prev && prev.style === state) segments[segments.length - 1] = { text: prev.text + text, style: prev.style }
    else segments.push({ text, style: state })
  }
  const push = (text: string) => {
    if (!text) return
    if (back > 0) {
      // Written over: the characters under the cursor go, what lies past the new text stays.
      const keep = back > text.length ? tailFrom(segments, length() - back + text.length) : []
      segments = dropTail(segments, back)
      append(text)
      for (const seg of keep) segments.push(seg)
      back = Math.max(0, back - text.length)
      return
    }
    append(text)
  }
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
    push(line.slice(last, m.index))
    last = m.index + m[0].length
    if (m[1] !== undefined) state = applySgr(state, m[1])
    else if (m[2] !== undefined && last < line.length) {
      segments = []
      back = 0
    } else if (m[3] !== undefined && applyBackspaces) back = Math.min(back + 1, length())
  }
  push(line.slice(last))
  return { segments, end: state }
}

/** The visible text of a line: what the user sees, searches and copies. */
export function lineText(line: string, start: SgrState = PLAIN): string {
  if (!NEEDS_PARSE.test(line)) return line
  return parseLine(line, start).segments.map((s) => s.text).join('')
}

/** The whole log as plain text (escape sequences and control characters removed), for copying. */
export function stripAnsi(log: string): string {
  return splitLog(log)
    .map((l) => lineText(l))
    .join('\n')
}

/** Splits a log into lines (CRLF and LF); a trailing newline does not make an empty last line. */
export function splitLog(log: string): string[] {
  if (!log) return []
  const lines = log.split(/\r?\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

export interface PreparedLog {
  lines: string[]
  /** The style each line starts in. Lines share the same object until a code changes it. */
  startStates: SgrState[]
  /** Whether the log contains escape sequences at all (else every line is plain). */
  hasAnsi: boolean
}

/**
 * One cheap pass over the whole log: split into lines and carry the style from line to line.
 * Only lines holding an escape character are scanned for codes; the rest reuse the state object.
 */
export function prepareLog(log: string): PreparedLog {
  const lines = splitLog(log)
  const hasAnsi = log.includes('\x1b')
  const startStates: SgrState[] = new Array(lines.length)
  let state: SgrState = PLAIN
  // eslint-disable-next-line no-control-regex
  const SGR = /\x1b\[([0-9;:]*)m/g
  for (let i = 0; i < lines.length; i++) {
    startStates[i] = state
    if (hasAnsi) {
      const line = lines[i]!
      if (line.includes('\x1b')) {
        SGR.lastIndex = 0
        for (let m = SGR.exec(line); m; m = SGR.exec(line)) state = applySgr(state, m[1]!)
      }
    }
  }
  return { lines, startStates, hasAnsi }
}

/** CSS for a style, on the terminal's dark background. */
export function styleToCss(style: SgrState): CSSProperties | undefined {
  if (style === PLAIN) return undefined
  let fg = style.fg
  let bg = style.bg
  if (style.inverse) {
    const f = fg ?? TERMINAL_FG
    fg = bg ?? TERMINAL_BG
    bg = f
  }
  const css: CSSProperties = {}
  if (fg) css.color = fg
  if (bg) css.backgroundColor = bg
  if (style.bold) css.fontWeight = 700
  if (style.dim) css.opacity = 0.75
  if (style.italic) css.fontStyle = 'italic'
  const deco = [style.underline && 'underline', style.strike && 'line-through'].filter(Boolean).join(' ')
  if (deco) css.textDecoration = deco
  return Object.keys(css).length ? css : undefined
}
