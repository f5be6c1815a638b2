import type { FieldError } from '@/api/errors'
import type { TaskArgument } from '@/api/schemas/task'

/**
 * Task arguments as a form: initial values, validation (required, charsmin/charsmax, pattern,
 * select options) and the array the server expects (one value per argument, in order, fixed ones
 * included, optionals null).
 */

/** The text a form field starts with, for a value the job already had. */
export function valueToText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return String(value)
  }
}

/** Initial field values: the job's own values by index, else the argument's default. */
export function initialArgumentValues(args: TaskArgument[], values: unknown[] | undefined): string[] {
  return args.map((arg, i) => {
    const v = values?.[i]
    if (v !== undefined && v !== null && v !== '') return valueToText(v)
    return arg.type === 'fixed' || arg.value !== undefined ? valueToText(arg.value) : ''
  })
}

/** Whether the pattern is a usable regular expression (task definitions are user data too). */
function compilePattern(pattern: string): RegExp | null {
  // As the server tests it (`new RegExp(pattern).test(value)`): a search, so task authors anchor
  // their patterns themselves ("^/" means "starts with /").
  try {
    return new RegExp(pattern)
  } catch {
    return null
  }
}

/** The error for one field, or null when the value is acceptable. */
export function validateArgument(arg: TaskArgument, value: string): string | null {
  if (arg.type === 'fixed') return null
  const label = arg.label || 'This value'
  const empty = value.trim() === ''
  if (empty) return arg.required ? `${label} is required.` : null
  if (arg.charsmin !== undefined && value.length < arg.charsmin) return `${label} needs at least ${arg.charsmin} characters (now ${value.length}).`
  if (arg.charsmax !== undefined && value.length > arg.charsmax) return `${label} allows at most ${arg.charsmax} characters (now ${value.length}).`
  if (arg.pattern) {
    const re = compilePattern(arg.pattern)
    if (re && !re.test(value)) return `${label} does not match the expected format (${arg.pattern}).`
  }
  if (arg.type === 'select' && arg.options.length > 0 && !arg.options.some((o) => o.id === value)) return `${label}: choose one of the options.`
  return null
}

export function validateArguments(args: TaskArgument[], values: string[]): (string | null)[] {
  return args.map((arg, i) => validateArgument(arg, values[i] ?? ''))
}

/** The `task_arguments` / `args` array to send: fixed values as defined, empty optionals as null. */
export function argumentsPayload(args: TaskArgument[], values: string[]): unknown[] {
  return args.map((arg, i) => {
    if (arg.type === 'fixed') return arg.value ?? values[i] ?? null
    const v = values[i] ?? ''
    return v === '' ? null : v
  })
}

/**
 * Matches the server's field errors (400 InvalidTaskArguments) to form fields by label, id or
 * position; the rest are returned as form-level messages.
 */
export function matchFieldErrors(args: TaskArgument[], errors: FieldError[]): { byIndex: Map<number, string>; unmatched: string[] } {
  const byIndex = new Map<number, string>()
  const unmatched: string[] = []
  for (const e of errors) {
    const f = e.field?.trim()
    let index = -1
    if (f) {
      index = args.findIndex((a) => a.label.toLowerCase() === f.toLowerCase() || (a.id !== undefined && String(a.id) === f))
      if (index < 0 && /^\d+$/.test(f) && Number(f) < args.length) index = Number(f)
    }
    if (index >= 0 && !byIndex.has(index)) byIndex.set(index, e.message)
    else unmatched.push(f ? `${f}: ${e.message}` : e.message)
  }
  return { byIndex, unmatched }
}

/** Arguments with no definitions (the task is not embedded): one plain field per value. */
export function argumentsFromValues(values: unknown[]): TaskArgument[] {
  return values.map((_, i) => ({ order: i, type: 'input', label: `Argument ${i + 1}`, options: [] }))
}
