import { describe, expect, it } from 'vitest'
import { parseTaskArguments, type TaskArgument } from '@/api/schemas/task'
import type { FieldValue } from './argument-values'
import { isValidDate, validateAll, validateField } from './validation'

const def = (raw: Record<string, unknown>): TaskArgument => parseTaskArguments([{ order: 0, label: 'x', ...raw }], [])[0]!
const text = (t: string): FieldValue => ({ kind: 'text', text: t })

describe('required', () => {
  it('fails an empty or blank required text, passes an empty optional one', () => {
    expect(validateField(def({ type: 'input', required: true }), text('   '))).toBe('This field is required.')
    expect(validateField(def({ type: 'input' }), text(''))).toBeNull()
  })
  it('asks to choose for selects and a file for files', () => {
    expect(validateField(def({ type: 'select', required: true, options: ['a'] }), { kind: 'choice', ids: [] })).toBe('Choose an option.')
    expect(validateField(def({ type: 'select', required: true, multiple: true, options: ['a'] }), { kind: 'choice', ids: [] })).toBe('Choose at least one option.')
    expect(validateField(def({ type: 'file', required: true }), { kind: 'file', dataUrl: null })).toBe('Choose a file.')
  })
  it('never fails a checkbox: unticked is the value false', () => {
    expect(validateField(def({ type: 'boolean', required: true }), { kind: 'bool', checked: false })).toBeNull()
  })
  it('ignores fixed arguments', () => {
    expect(validateField(def({ type: 'fixed', required: true }), { kind: 'fixed' })).toBeNull()
  })
})

describe('charset, charsmin, charsmax', () => {
  it('checks alnum, alpha and num', () => {
    expect(validateField(def({ type: 'input', charset: 'alnum' }), text('ab_1'))).toBe('Use only letters and digits.')
    expect(validateField(def({ type: 'input', charset: 'alnum' }), text('Ab1'))).toBeNull()
    expect(validateField(def({ type: 'input', charset: 'alpha' }), text('ab1'))).toBe('Use only letters.')
    expect(validateField(def({ type: 'input', charset: 'num' }), text('12a'))).toBe('Use only digits.')
    expect(validateField(def({ type: 'input', charset: 'num' }), text('0042'))).toBeNull()
  })
  it('counts characters, not UTF-16 units, at the exact bounds', () => {
    const d = def({ type: 'input', charsmin: 2, charsmax: 3 })
    expect(validateField(d, text('a'))).toBe('Enter at least 2 characters (now 1).')
    expect(validateField(d, text('ab'))).toBeNull()
    expect(validateField(d, text('abc'))).toBeNull()
    expect(validateField(d, text('abcd'))).toBe('Enter at most 3 characters (now 4).')
    expect(validateField(d, text('😀😀'))).toBeNull()
  })
  it('applies to textareas and JSON too', () => {
    expect(validateField(def({ type: 'textarea', charsmax: 3 }), text('long'))).toBe('Enter at most 3 characters (now 4).')
  })
})

describe('pattern', () => {
  it('tests the pattern as the server would (a search, anchors are the author’s)', () => {
    const d = def({ type: 'input', pattern: '^v\\d+\\.\\d+\\.\\d+$' })
    expect(validateField(d, text('v1.2.3'))).toBeNull()
    expect(validateField(d, text('1.2.3'))).toBe('The value does not match the required format (^v\\d+\\.\\d+\\.\\d+$).')
    expect(validateField(def({ type: 'input', pattern: '/' }), text('a/b'))).toBeNull()
  })
  it('refuses to run when the task’s own pattern is broken', () => {
    expect(validateField(def({ type: 'input', pattern: '([' }), text('x'))).toMatch(/not a valid regular expression/)
  })
})

describe('type formats', () => {
  it('email', () => {
    expect(validateField(def({ type: 'email' }), text('ann@example.com'))).toBeNull()
    expect(validateField(def({ type: 'email' }), text('ann@example'))).toBe('Enter an email address, like name@example.com.')
    expect(validateField(def({ type: 'email' }), text('not an email'))).toMatch(/email address/)
  })
  it('regexp: the value must be a valid regular expression', () => {
    expect(validateField(def({ type: 'regexp' }), text('^web-\\d+$'))).toBeNull()
    expect(validateField(def({ type: 'regexp' }), text('(unclosed'))).toMatch(/^This is not a valid regular expression/)
  })
  it('json: a syntax check', () => {
    expect(validateField(def({ type: 'json' }), text('{"a": [1, 2]}'))).toBeNull()
    expect(validateField(def({ type: 'json' }), text('{a: 1}'))).toMatch(/^This is not valid JSON/)
  })
  it('date: yyyy-mm-dd and a real day', () => {
    expect(validateField(def({ type: 'date' }), text('2026-02-28'))).toBeNull()
    expect(validateField(def({ type: 'date' }), text('2026-02-30'))).toBe('Enter a date as yyyy-mm-dd.')
    expect(validateField(def({ type: 'date' }), text('28/02/2026'))).toBe('Enter a date as yyyy-mm-dd.')
    expect(isValidDate('2024-02-29')).toBe(true)
    expect(isValidDate('2025-02-29')).toBe(false)
  })
  it('file: a data-URL', () => {
    expect(validateField(def({ type: 'file' }), { kind: 'file', dataUrl: 'data:image/png;base64,AAAA' })).toBeNull()
    expect(validateField(def({ type: 'file' }), { kind: 'file', dataUrl: 'C:\\fakepath\\x.png' })).toMatch(/could not be read/)
  })
})

describe('options', () => {
  it('a select value must be one of its options; one only unless multiple', () => {
    const d = def({ type: 'select', options: ['a', 'b'] })
    expect(validateField(d, { kind: 'choice', ids: ['c'] })).toBe('Not an option: c. Choose from the list.')
    expect(validateField(d, { kind: 'choice', ids: ['a', 'b'] })).toBe('Choose only one option.')
    expect(validateField(def({ type: 'select', multiple: true, options: ['a', 'b'] }), { kind: 'choice', ids: ['a', 'b'] })).toBeNull()
  })
  it('remote options: checked against the loaded list; not loaded yet is a problem', () => {
    const d = def({ type: 'remote-options', endpoint_url: '/x' })
    expect(validateField(d, { kind: 'choice', ids: ['T1'] }, { options: [{ id: 'T1', label: 'One' }] })).toBeNull()
    expect(validateField(d, { kind: 'choice', ids: ['T9'] }, { options: [{ id: 'T1', label: 'One' }] })).toMatch(/^Not an option/)
    expect(validateField(d, { kind: 'choice', ids: ['T1'] })).toMatch(/not loaded/)
  })
})

describe('validateAll', () => {
  it('returns one message or null per definition', () => {
    const defs = parseTaskArguments(
      [
        { order: 0, type: 'input', label: 'a', required: true },
        { order: 1, type: 'fixed', label: 'f', value: 'x' },
        { order: 2, type: 'email', label: 'e' },
      ],
      [],
    )
    expect(validateAll(defs, [text(''), { kind: 'fixed' }, text('bad')])).toEqual(['This field is required.', null, 'Enter an email address, like name@example.com.'])
  })
})

describe('remote options typed by hand', () => {
  it('accepts a typed id when the list could not load, and still requires one', () => {
    const d = def({ type: 'remote-options', endpoint_url: '/x', required: true })
    expect(validateField(d, { kind: 'choice', ids: ['T-OPS'] }, { typedByHand: true })).toBeNull()
    expect(validateField(d, { kind: 'choice', ids: [] }, { typedByHand: true })).toBe('Choose an option.')
  })
})
