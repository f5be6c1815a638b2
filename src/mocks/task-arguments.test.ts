import { describe, expect, it } from 'vitest'
import { prepareTaskArgumentsValues } from './task-arguments'
import type { TaskDoc } from './types'

const task = (args: unknown[], extra: Partial<TaskDoc> = {}): TaskDoc =>
  ({ id: 't', _type: 'ScriptTask', type: 'script', name: 't', customer_id: 'c', secret: '', task_arguments: args, ...extra }) as TaskDoc

describe('prepareTaskArgumentsValues (the factory, mirrored)', () => {
  it('matches by order as an index; fixed positions take the definition value', () => {
    const t = task([
      { id: 1, order: 0, type: 'input', label: 'a' },
      { id: 2, order: 1, type: 'fixed', label: 'f', value: 'gzip' },
      { id: 3, order: 3, type: 'input', label: 'b' },
    ])
    expect(prepareTaskArgumentsValues(t, ['x', null, null, 'y'])).toEqual({ values: ['x', 'gzip', null, 'y'], missing: [] })
  })
  it('a compressed array (no slot for the fixed one) misses the last argument: EREQ', () => {
    const t = task([
      { id: 1, order: 0, type: 'fixed', label: 'f', value: 'v' },
      { id: 2, order: 1, type: 'input', label: 'b' },
    ])
    expect(prepareTaskArgumentsValues(t, ['only']).missing).toEqual(['b'])
  })
  it('an item with a truthy .order is matched by it; legacy unwraps .value and stringifies non-strings', () => {
    const t = task([
      { id: 1, order: 0, type: 'input', label: 'a' },
      { id: 2, order: 1, type: 'input', label: 'b' },
    ])
    // An object carrying .order 1 at index 0 takes order 1; nothing is left at index 0 for order 0: EREQ.
    expect(prepareTaskArgumentsValues(t, [{ order: 1, value: 'B' }, 'A'])).toEqual({ values: [null, 'B'], missing: ['a'] })
    expect(prepareTaskArgumentsValues(t, [true, ['x', 'y']]).values).toEqual(['true', '["x","y"]'])
    expect(prepareTaskArgumentsValues(t, [false, '']).values).toEqual([false, ''])
  })
  it('keeps a data-URL file raw, and serialises json/text modes', () => {
    const file = task([{ id: 1, order: 0, type: 'file', label: 'f' }], { arguments_type: 'json' })
    expect(prepareTaskArgumentsValues(file, ['data:text/plain;base64,aGk=']).values).toEqual(['data:text/plain;base64,aGk='])
    const json = task([{ id: 1, order: 0, type: 'input', label: 'a' }], { arguments_type: 'json' })
    expect(prepareTaskArgumentsValues(json, [['a']]).values).toEqual(['["a"]'])
    const text = task([{ id: 1, order: 0, type: 'input', label: 'a' }], { arguments_type: 'text' })
    expect(prepareTaskArgumentsValues(text, [null]).values).toEqual(['null'])
  })
})
