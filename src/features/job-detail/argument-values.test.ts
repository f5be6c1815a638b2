import { describe, expect, it } from 'vitest'
import type { TaskArgument } from '@/api/schemas/task'
import { argumentsPayload, initialArgumentValues, matchFieldErrors, validateArgument } from './argument-values'

const arg = (a: Partial<TaskArgument>): TaskArgument => ({ order: 0, type: 'input', label: 'ticket', options: [], ...a })

describe('argument values', () => {
  it('validates required, charsmin/charsmax, pattern and select options', () => {
    expect(validateArgument(arg({ required: true }), ' ')).toMatch(/required/)
    expect(validateArgument(arg({ required: false }), '')).toBeNull()
    expect(validateArgument(arg({ charsmin: 5 }), 'abc')).toMatch(/at least 5/)
    expect(validateArgument(arg({ charsmax: 3 }), 'abcd')).toMatch(/at most 3/)
    expect(validateArgument(arg({ pattern: '^INC-\\d+$' }), 'INC-12')).toBeNull()
    expect(validateArgument(arg({ pattern: '^INC-\\d+$' }), 'xINC-12')).toMatch(/format/)
    expect(validateArgument(arg({ pattern: '^/' }), '/var/tmp')).toBeNull() // a search, as the server does it
    expect(validateArgument(arg({ pattern: '([' }), 'anything')).toBeNull() // a broken pattern does not block input
    expect(validateArgument(arg({ type: 'select', options: [{ id: 'low', label: 'Low' }] }), 'other')).toMatch(/options/)
  })

  it('sends one value per argument in order: fixed as defined, empty optionals as null', () => {
    const args = [arg({ label: 'a' }), arg({ label: 'f', type: 'fixed', value: 'gzip' }), arg({ label: 'b' })]
    expect(argumentsPayload(args, ['x', 'ignored', ''])).toEqual(['x', 'gzip', null])
    expect(initialArgumentValues(args, ['old', 'gzip', { k: 1 }])).toEqual(['old', 'gzip', '{"k":1}'])
  })

  it('matches server field errors by label, else keeps them for the form', () => {
    const args = [arg({ label: 'ticket' }), arg({ label: 'priority' })]
    const { byIndex, unmatched } = matchFieldErrors(args, [
      { field: 'priority', message: 'priority must be one of the options' },
      { field: 'other', message: 'nope' },
    ])
    expect(byIndex.get(1)).toMatch(/options/)
    expect(unmatched).toEqual(['other: nope'])
  })
})
