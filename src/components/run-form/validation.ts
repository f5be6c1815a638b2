import type { ArgumentOption, TaskArgument } from '@/api/schemas/task'
import { fieldKind, isEmpty, type FieldValue } from './argument-values'

/**
 * Every rule a definition states, checked in the browser: the server checks none of them
 * (§ B.3), so this is the only validation a run gets. Messages name the rule and what to do.
 */

export interface ValidationContext {
  /** Options loaded for a remote-options field; undefined while not loaded. */
  options?: ArgumentOption[]
  /** The remote options failed to load and the user typed the id: it cannot be checked against a list. */
  typedByHand?: boolean
}

const CHARSETS: Record<string, { re: RegExp; words: string }> = {
  alnum: { re: /^[a-z0-9]+$/i, words: 'only letters and digits' },
  alpha: { re: /^[a-z]+$/i, words: 'only letters' },
  num: { re: /^[0-9]+$/, words: 'only digits' },
}

// Close to the HTML email rule (what type="email" accepts), plus a dot in the domain.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/

export function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

function textRules(def: TaskArgument, text: string): string | null {
  const charset = def.charset ? CHARSETS[def.charset] : undefined
  if (charset && !charset.re.test(text)) return `Use ${charset.words}.`
  const length = [...text].length
  if (def.charsmin !== undefined && def.charsmin > 0 && length < def.charsmin) return `Enter at least ${def.charsmin} characters (now ${length}).`
  if (def.charsmax !== undefined && def.charsmax > 0 && length > def.charsmax) return `Enter at most ${def.charsmax} characters (now ${length}).`
  if (def.pattern) {
    let re: RegExp
    try {
      re = new RegExp(def.pattern)
    } catch {
      return `This value cannot be checked: the task's pattern (${def.pattern}) is not a valid regular expression. Ask the task's owner to fix it.`
    }
    if (!re.test(text)) return `The value does not match the required format (${def.pattern}).`
  }
  switch (def.type) {
    case 'email':
      return EMAIL.test(text.trim()) ? null : 'Enter an email address, like name@example.com.'
    case 'regexp':
      try {
        new RegExp(text)
        return null
      } catch (e) {
        return `This is not a valid regular expression${e instanceof Error ? `: ${e.message.replace(/^Invalid regular expression: /, '')}` : ''}.`
      }
    case 'json':
      try {
        JSON.parse(text)
        return null
      } catch (e) {
        return `This is not valid JSON${e instanceof Error ? ` (${e.message})` : ''}.`
      }
    case 'date':
      return isValidDate(text) ? null : 'Enter a date as yyyy-mm-dd.'
    default:
      return null
  }
}

/** The message for one field, or null when its value is acceptable. */
export function validateField(def: TaskArgument, value: FieldValue, ctx: ValidationContext = {}): string | null {
  const kind = fieldKind(def)
  // A checkbox always has a value: unticked is sent as false, so "required" cannot fail.
  if (kind === 'fixed' || kind === 'bool') return null
  if (isEmpty(value)) {
    if (!def.required) return null
    if (kind === 'choice') return def.multiple ? 'Choose at least one option.' : 'Choose an option.'
    if (kind === 'file') return 'Choose a file.'
    return 'This field is required.'
  }
  switch (value.kind) {
    case 'text':
      return textRules(def, value.text)
    case 'choice': {
      if (!def.multiple && value.ids.length > 1) return 'Choose only one option.'
      const options = def.type === 'remote-options' ? ctx.options : def.options
      if (!options && def.type === 'remote-options' && ctx.typedByHand) return null
      if (!options) return def.type === 'remote-options' ? 'The options have not loaded yet: wait for them, or retry loading them.' : null
      const unknown = value.ids.filter((id) => !options.some((o) => o.id === id))
      if (unknown.length) return `Not an option: ${unknown.join(', ')}. Choose from the list.`
      return null
    }
    case 'file':
      return value.dataUrl && /^data:[^,]*,/.test(value.dataUrl) ? null : 'This file could not be read. Choose it again.'
    default:
      return null
  }
}

export function validateAll(defs: TaskArgument[], values: FieldValue[], ctxFor: (index: number) => ValidationContext = () => ({})): (string | null)[] {
  return defs.map((def, i) => validateField(def, values[i] ?? { kind: 'text', text: '' }, ctxFor(i)))
}
