import type { FieldError } from '@/api/errors'
import type { ArgumentOption, TaskArgument } from '@/api/schemas/task'

/**
 * A task's arguments as form values, and the body the server gets.
 *
 * The supervisor checks only the array's length (>= the number of non-fixed arguments) and then,
 * for each non-fixed definition, takes the item whose truthy `.order` matches, else the item AT
 * THE ARGUMENT'S `order` AS AN INDEX (factory.js searchInputArgumentValueByOrder). A value missing
 * there is not an HTTP error: the job is created already terminated/error. So the body is a full
 * array indexed by `order`: gaps and fixed positions hold null, every value sits at its order.
 * Values are strings, booleans or arrays (never objects), so no item can carry an `.order` or a
 * `.value` the server would read instead (a JSON argument is sent as the text typed).
 */

export type FieldKind = 'fixed' | 'text' | 'bool' | 'choice' | 'file'

export type FieldValue =
  | { kind: 'text'; text: string }
  | { kind: 'bool'; checked: boolean }
  | { kind: 'choice'; ids: string[] }
  | { kind: 'file'; dataUrl: string | null; name?: string; size?: number }
  | { kind: 'fixed' }

export const TEXT_TYPES = ['input', 'textarea', 'json', 'date', 'email', 'regexp'] as const

export function fieldKind(def: TaskArgument): FieldKind {
  switch (def.type) {
    case 'fixed':
      return 'fixed'
    case 'boolean':
      return 'bool'
    case 'select':
    case 'remote-options':
      return 'choice'
    case 'file':
      return 'file'
    default:
      // input, textarea, json, date, email, regexp, and any type this dashboard does not know
      return 'text'
  }
}

/** Whether the dashboard knows how to render this type (others fall back to a text field, with a note). */
export function isKnownType(type: string): boolean {
  return ['fixed', 'input', 'textarea', 'boolean', 'json', 'select', 'date', 'email', 'regexp', 'file', 'remote-options'].includes(type)
}

export function isMasked(def: TaskArgument): boolean {
  return def.masked === true && fieldKind(def) === 'text'
}

export function emptyValue(def: TaskArgument): FieldValue {
  switch (fieldKind(def)) {
    case 'fixed':
      return { kind: 'fixed' }
    case 'bool':
      return { kind: 'bool', checked: false }
    case 'choice':
      return { kind: 'choice', ids: [] }
    case 'file':
      return { kind: 'file', dataUrl: null }
    default:
      return { kind: 'text', text: '' }
  }
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return String(value)
  }
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 'y'])

/** Option ids from a raw value: an array, a JSON array in a string (how the server stores a multiple select), or one value. */
function toIds(raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === '') return []
  if (Array.isArray(raw)) return raw.filter((v) => v !== null && v !== undefined && v !== '').map((v) => toText(v))
  if (typeof raw === 'string' && raw.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw)
      if (Array.isArray(parsed)) return toIds(parsed)
    } catch {
      /* a plain string that starts with [ */
    }
  }
  return [toText(raw)]
}

/** An option id by id first, then by label (links often carry what the user sees). */
export function matchOption(options: ArgumentOption[], wanted: string): string | undefined {
  return (options.find((o) => o.id === wanted) ?? options.find((o) => o.label === wanted) ?? options.find((o) => o.label.toLowerCase() === wanted.toLowerCase()))?.id
}

/**
 * A field value from a raw value (the definition's `value`, a past job's value, a stored value or
 * a link's text). For a select, unknown ids are kept: validation then says they are not options.
 */
export function valueFromRaw(def: TaskArgument, raw: unknown): FieldValue {
  switch (fieldKind(def)) {
    case 'fixed':
      return { kind: 'fixed' }
    case 'bool':
      return { kind: 'bool', checked: raw === true || (typeof raw === 'string' && TRUE_WORDS.has(raw.trim().toLowerCase())) }
    case 'choice': {
      const ids = toIds(raw)
      const resolved = def.type === 'select' ? ids.map((id) => matchOption(def.options, id) ?? id) : ids
      return { kind: 'choice', ids: def.multiple ? resolved : resolved.slice(0, 1) }
    }
    case 'file':
      return typeof raw === 'string' && raw.startsWith('data:') ? { kind: 'file', dataUrl: raw, name: 'file from an earlier run' } : { kind: 'file', dataUrl: null }
    default:
      return { kind: 'text', text: toText(raw) }
  }
}

/** Initial values: each definition's `value` (the pre-fill theeye-web uses; there is no `default`). */
export function initialValues(defs: TaskArgument[]): FieldValue[] {
  return defs.map((def) => (def.value === undefined || def.value === null || fieldKind(def) === 'fixed' ? emptyValue(def) : valueFromRaw(def, def.value)))
}

export function isEmpty(value: FieldValue): boolean {
  switch (value.kind) {
    case 'text':
      return value.text.trim() === ''
    case 'bool':
      return !value.checked
    case 'choice':
      return value.ids.length === 0
    case 'file':
      return !value.dataUrl
    default:
      return false
  }
}

/** The JSON value one argument is sent as. */
export function wireValue(def: TaskArgument, value: FieldValue, options: ArgumentOption[] = def.options): unknown {
  switch (value.kind) {
    case 'fixed':
      return null
    case 'bool':
      return value.checked
    case 'text':
      // Empty optionals are null ("Optionals must be null"); text is sent exactly as typed.
      return value.text === '' ? null : value.text
    case 'file':
      return value.dataUrl ?? null
    case 'choice': {
      if (value.ids.length === 0) return null
      const raw = value.ids.map((id) => {
        const o = options.find((opt) => opt.id === id)
        const r = o?.rawId
        return typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean' ? r : id
      })
      return def.multiple ? raw : raw[0]
    }
  }
}

/**
 * The `task_arguments` array: index = `order`. Fixed positions and gaps are null (the server uses
 * the definition's value for fixed arguments); the array is never shorter than the number of
 * non-fixed arguments (the server's length check), even with odd definitions.
 */
export function buildTaskArguments(
  defs: TaskArgument[],
  values: FieldValue[],
  optionsFor: (index: number) => ArgumentOption[] | undefined = () => undefined,
): unknown[] {
  const orders = defs.map((d) => d.order).filter((o) => Number.isInteger(o) && o >= 0)
  const dynamic = defs.filter((d) => fieldKind(d) !== 'fixed').length
  const length = Math.max(orders.length ? Math.max(...orders) + 1 : 0, dynamic)
  const out: unknown[] = Array.from({ length }, () => null)
  defs.forEach((def, i) => {
    if (fieldKind(def) === 'fixed') return
    if (!Number.isInteger(def.order) || def.order < 0) return
    out[def.order] = wireValue(def, values[i] ?? emptyValue(def), optionsFor(i) ?? def.options)
  })
  return out
}

/** Problems in the definitions themselves, which the user cannot fix but must know before running. */
export function definitionProblems(defs: TaskArgument[]): string[] {
  const problems: string[] = []
  const seen = new Map<number, string>()
  for (const def of defs) {
    if (!Number.isInteger(def.order) || def.order < 0) {
      problems.push(`“${def.label}” has no usable position (order ${String(def.order)}): the server cannot match a value to it.`)
      continue
    }
    const other = seen.get(def.order)
    if (other !== undefined) problems.push(`“${other}” and “${def.label}” share position ${def.order}: the server gives both the same value.`)
    else seen.set(def.order, def.label)
  }
  return problems
}

/** Values a past job ran with (`task_arguments_values` is indexed by order), mapped onto the form. Masked ones are not copied. */
export function valuesFromJob(defs: TaskArgument[], jobValues: unknown[], base: FieldValue[]): { values: FieldValue[]; skippedMasked: string[] } {
  const skippedMasked: string[] = []
  const values = defs.map((def, i) => {
    if (fieldKind(def) === 'fixed') return base[i] ?? emptyValue(def)
    if (isMasked(def)) {
      const had = jobValues[def.order]
      if (had !== undefined && had !== null && had !== '') skippedMasked.push(def.label)
      return emptyValue(def)
    }
    const raw = jobValues[def.order]
    if (raw === undefined) return base[i] ?? emptyValue(def)
    return valueFromRaw(def, raw)
  })
  return { values, skippedMasked }
}

export interface Prefill {
  values: FieldValue[]
  /** labels filled from the link */
  applied: string[]
  /** labels the link named but that are never filled from a link (masked, file) */
  refused: string[]
  /** `arg.` keys matching no argument */
  unknown: string[]
}

/**
 * `?arg.<label or order>=value` pre-fills (never submits). A label matches exactly, then
 * case-insensitively; a number matches an `order`. A repeated key gives a multiple select several
 * values. Masked values and files are never taken from a link (a URL ends up in history and logs).
 */
export function prefillFromSearch(defs: TaskArgument[], params: URLSearchParams, base: FieldValue[]): Prefill {
  const values = [...base]
  const applied: string[] = []
  const refused: string[] = []
  const unknown: string[] = []
  const keys = [...new Set([...params.keys()].filter((k) => k.startsWith('arg.')))]
  for (const key of keys) {
    const name = key.slice(4)
    let index = defs.findIndex((d) => d.label === name)
    if (index < 0) index = defs.findIndex((d) => d.label.toLowerCase() === name.toLowerCase())
    if (index < 0 && /^\d+$/.test(name)) index = defs.findIndex((d) => d.order === Number(name))
    const def = defs[index]
    if (!def || fieldKind(def) === 'fixed') {
      unknown.push(name)
      continue
    }
    if (isMasked(def) || fieldKind(def) === 'file') {
      refused.push(def.label)
      continue
    }
    const all = params.getAll(key)
    values[index] = valueFromRaw(def, fieldKind(def) === 'choice' && def.multiple ? all.flatMap((v) => toIds(v)) : all[all.length - 1])
    applied.push(def.label)
  }
  return { values, applied, refused, unknown }
}

/* ---------------- last values (localStorage) ---------------- */

/** What may be remembered: never masked values, never files (size; they may hold secrets too). */
export function storableValues(defs: TaskArgument[], values: FieldValue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  defs.forEach((def, i) => {
    const v = values[i]
    if (!v || isMasked(def)) return
    if (v.kind === 'text') out[String(def.order)] = v.text
    else if (v.kind === 'bool') out[String(def.order)] = v.checked
    else if (v.kind === 'choice') out[String(def.order)] = v.ids
  })
  return out
}

export function restoreStored(defs: TaskArgument[], stored: Record<string, unknown>, base: FieldValue[]): FieldValue[] {
  return defs.map((def, i) => {
    const key = String(def.order)
    if (isMasked(def) || fieldKind(def) === 'fixed' || fieldKind(def) === 'file' || !(key in stored)) return base[i] ?? emptyValue(def)
    return valueFromRaw(def, stored[key])
  })
}

/** A stable fingerprint of the definitions, to notice when the server's task changed under an open form. */
export function definitionsSignature(defs: TaskArgument[]): string {
  return JSON.stringify(defs.map((d) => [d.order, d.type, d.label, d.multiple ?? false, d.masked ?? false]))
}

/**
 * Carries typed values over to new definitions (the task was edited while the form was open):
 * a value stays when an argument with the same order and kind is still there, else the new
 * definition's initial value. Nothing typed is lost silently: the caller says the form changed.
 */
export function remapValues(oldDefs: TaskArgument[], oldValues: FieldValue[], newDefs: TaskArgument[]): FieldValue[] {
  const fresh = initialValues(newDefs)
  return newDefs.map((def, i) => {
    const k = oldDefs.findIndex((o) => o.order === def.order && fieldKind(o) === fieldKind(def) && (o.multiple ?? false) === (def.multiple ?? false))
    const old = k >= 0 ? oldValues[k] : undefined
    return old && old.kind === fresh[i]!.kind ? old : fresh[i]!
  })
}

/**
 * Matches the server's field errors (400 InvalidTaskArguments: `field` is the argument's label, or
 * `arg<index>` for a malformed definition) to form fields by label, id or order; the rest are
 * returned as form-level messages.
 */
export function matchFieldErrors(defs: TaskArgument[], errors: FieldError[]): { byIndex: Map<number, string>; unmatched: string[] } {
  const byIndex = new Map<number, string>()
  const unmatched: string[] = []
  for (const e of errors) {
    const f = e.field?.trim()
    let index = -1
    if (f) {
      index = defs.findIndex((a) => a.label.toLowerCase() === f.toLowerCase() || (a.id !== undefined && String(a.id) === f))
      const position = /^(?:arg)?(\d+)$/.exec(f)
      if (index < 0 && position) index = defs.findIndex((a) => a.order === Number(position[1]))
    }
    if (index >= 0 && !byIndex.has(index)) byIndex.set(index, e.message)
    else unmatched.push(f ? `${f}: ${e.message}` : e.message)
  }
  return { byIndex, unmatched }
}

/** Definitions for a job whose task's are unknown (not embedded, not readable): one plain field per value, at its order. */
export function argumentsFromValues(values: unknown[]): TaskArgument[] {
  return values.map((_, i) => ({ order: i, type: 'input', label: `Argument ${i + 1}`, options: [] }))
}
