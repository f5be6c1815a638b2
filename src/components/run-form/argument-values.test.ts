import { describe, expect, it } from 'vitest'
import { parseTaskArguments, type TaskArgument } from '@/api/schemas/task'
import {
  buildTaskArguments,
  definitionProblems,
  initialValues,
  matchFieldErrors,
  prefillFromSearch,
  remapValues,
  definitionsSignature,
  restoreStored,
  storableValues,
  valueFromRaw,
  valuesFromJob,
  type FieldValue,
} from './argument-values'

const defs = (raw: unknown[]): TaskArgument[] => parseTaskArguments(raw, [])
const text = (t: string): FieldValue => ({ kind: 'text', text: t })

describe('buildTaskArguments: a full array indexed by order', () => {
  it('puts every value at its order, with null in gaps and at fixed positions', () => {
    const args = defs([
      { order: 0, type: 'input', label: 'a' },
      { order: 1, type: 'fixed', label: 'f', value: 'gzip' },
      { order: 3, type: 'input', label: 'b' },
    ])
    expect(buildTaskArguments(args, [text('x'), { kind: 'fixed' }, text('y')])).toEqual(['x', null, null, 'y'])
  })

  it('orders by `order`, not by the position in the definition list', () => {
    const args = defs([
      { order: 2, type: 'input', label: 'third' },
      { order: 0, type: 'input', label: 'first' },
    ])
    // parseTaskArguments sorts by order: values follow the sorted definitions
    expect(args.map((a) => a.label)).toEqual(['first', 'third'])
    expect(buildTaskArguments(args, [text('1'), text('3')])).toEqual(['1', null, '3'])
  })

  it('sends empty optionals as null and text exactly as typed (spaces kept)', () => {
    const args = defs([
      { order: 0, type: 'input', label: 'a' },
      { order: 1, type: 'textarea', label: 'b' },
    ])
    expect(buildTaskArguments(args, [text(''), text('  two\nlines ')])).toEqual([null, '  two\nlines '])
  })

  it('sends a select as its option id, keeping a numeric id a number', () => {
    const args = defs([{ order: 0, type: 'select', label: 'plan', options: [{ id: 1, label: 'Starter' }, { id: 'pro', label: 'Pro' }] }])
    expect(buildTaskArguments(args, [{ kind: 'choice', ids: ['1'] }])).toEqual([1])
    expect(buildTaskArguments(args, [{ kind: 'choice', ids: ['pro'] }])).toEqual(['pro'])
  })

  it('sends a multiple select as an array of ids, and null when nothing is chosen', () => {
    const args = defs([{ order: 0, type: 'select', label: 'groups', multiple: true, options: [{ id: 'ops', label: 'Ops' }, { id: 'dev', label: 'Dev' }] }])
    expect(buildTaskArguments(args, [{ kind: 'choice', ids: ['ops', 'dev'] }])).toEqual([['ops', 'dev']])
    expect(buildTaskArguments(args, [{ kind: 'choice', ids: [] }])).toEqual([null])
  })

  it('sends a boolean as true/false, a file as its data-URL, a JSON argument as the text typed', () => {
    const args = defs([
      { order: 0, type: 'boolean', label: 'b' },
      { order: 1, type: 'file', label: 'f' },
      { order: 2, type: 'json', label: 'j' },
      { order: 3, type: 'boolean', label: 'b2' },
    ])
    const values: FieldValue[] = [
      { kind: 'bool', checked: true },
      { kind: 'file', dataUrl: 'data:text/plain;base64,aGk=', name: 'hi.txt' },
      text('{"order": 5, "value": 1}'),
      { kind: 'bool', checked: false },
    ]
    // The JSON stays a string: an object with .order/.value would be read differently by the server.
    expect(buildTaskArguments(args, values)).toEqual([true, 'data:text/plain;base64,aGk=', '{"order": 5, "value": 1}', false])
  })

  it('uses loaded remote options for remote-options ids', () => {
    const args = defs([{ order: 0, type: 'remote-options', label: 'team', endpoint_url: '/x', id_attribute: 'code' }])
    const out = buildTaskArguments(args, [{ kind: 'choice', ids: ['7'] }], () => [{ id: '7', label: 'Seven', rawId: 7 }])
    expect(out).toEqual([7])
  })

  it('is never shorter than the number of non-fixed arguments (the server length check)', () => {
    const args = defs([
      { order: 0, type: 'input', label: 'a' },
      { order: 0, type: 'input', label: 'b' },
    ])
    expect(buildTaskArguments(args, [text('x'), text('y')])).toHaveLength(2)
  })

  it('is empty for a task with no arguments', () => {
    expect(buildTaskArguments([], [])).toEqual([])
  })
})

describe('definitionProblems', () => {
  it('reports shared positions', () => {
    const args = defs([
      { order: 1, type: 'input', label: 'a' },
      { order: 1, type: 'input', label: 'b' },
    ])
    expect(definitionProblems(args)).toEqual(['“a” and “b” share position 1: the server gives both the same value.'])
  })
  it('has nothing to say about good definitions', () => {
    expect(definitionProblems(defs([{ order: 0, type: 'input', label: 'a' }, { order: 4, type: 'input', label: 'b' }]))).toEqual([])
  })
})

describe('initial values and raw values', () => {
  it('pre-fills from each definition value (no `default`)', () => {
    const args = defs([
      { order: 0, type: 'input', label: 'path', value: '/var/log' },
      { order: 1, type: 'select', label: 's', value: 'b', options: ['a', 'b'] },
      { order: 2, type: 'boolean', label: 'flag', value: 'true' },
      { order: 3, type: 'fixed', label: 'f', value: 'x' },
    ])
    expect(initialValues(args)).toEqual([text('/var/log'), { kind: 'choice', ids: ['b'] }, { kind: 'bool', checked: true }, { kind: 'fixed' }])
  })

  it('reads a stored multiple select (a JSON array string) back into ids', () => {
    const [def] = defs([{ order: 0, type: 'select', label: 'g', multiple: true, options: ['ops', 'dev'] }])
    expect(valueFromRaw(def!, '["ops","dev"]')).toEqual({ kind: 'choice', ids: ['ops', 'dev'] })
  })

  it('matches a select by label too', () => {
    const [def] = defs([{ order: 0, type: 'select', label: 'plan', options: [{ id: 1, label: 'Starter' }] }])
    expect(valueFromRaw(def!, 'starter')).toEqual({ kind: 'choice', ids: ['1'] })
  })
})

describe('values of a past job', () => {
  const args = defs([
    { order: 0, type: 'input', label: 'user' },
    { order: 1, type: 'fixed', label: 'f', value: 'x' },
    { order: 2, type: 'input', label: 'password', masked: true },
    { order: 3, type: 'select', label: 'groups', multiple: true, options: ['a', 'b'] },
  ])
  it('maps values by order and never copies masked ones', () => {
    const r = valuesFromJob(args, ['ann', 'x', 'hunter2', '["a","b"]'], initialValues(args))
    expect(r.values).toEqual([text('ann'), { kind: 'fixed' }, text(''), { kind: 'choice', ids: ['a', 'b'] }])
    expect(r.skippedMasked).toEqual(['password'])
  })
  it('names a masked value as not copied only when the job had one', () => {
    expect(valuesFromJob(args, ['ann', 'x', null, '[]'], initialValues(args)).skippedMasked).toEqual([])
  })
})

describe('prefillFromSearch (?arg.<label or order>=)', () => {
  const args = defs([
    { order: 0, type: 'input', label: 'Database' },
    { order: 1, type: 'select', label: 'mode', options: ['full', 'incremental'] },
    { order: 2, type: 'input', label: 'token', masked: true },
    { order: 3, type: 'select', label: 'tags', multiple: true, options: ['a', 'b', 'c'] },
    { order: 4, type: 'file', label: 'upload' },
  ])
  it('fills by label (case-insensitive) and by order, repeated keys for multiple', () => {
    const p = prefillFromSearch(args, new URLSearchParams('arg.database=orders&arg.1=full&arg.tags=a&arg.tags=c'), initialValues(args))
    expect(p.values[0]).toEqual(text('orders'))
    expect(p.values[1]).toEqual({ kind: 'choice', ids: ['full'] })
    expect(p.values[3]).toEqual({ kind: 'choice', ids: ['a', 'c'] })
    expect(p.applied).toEqual(['Database', 'mode', 'tags'])
  })
  it('refuses masked values and files from a link, and names unknown keys', () => {
    const p = prefillFromSearch(args, new URLSearchParams('arg.token=s3cret&arg.upload=x&arg.nope=1'), initialValues(args))
    expect(p.values[2]).toEqual(text(''))
    expect(p.refused).toEqual(['token', 'upload'])
    expect(p.unknown).toEqual(['nope'])
  })
})

describe('remembered values', () => {
  const args = defs([
    { order: 0, type: 'input', label: 'user' },
    { order: 1, type: 'input', label: 'password', masked: true },
    { order: 2, type: 'file', label: 'f' },
    { order: 5, type: 'boolean', label: 'b' },
  ])
  it('never stores masked values or files', () => {
    const stored = storableValues(args, [text('ann'), text('hunter2'), { kind: 'file', dataUrl: 'data:,x' }, { kind: 'bool', checked: true }])
    expect(stored).toEqual({ '0': 'ann', '5': true })
    expect(JSON.stringify(stored)).not.toContain('hunter2')
  })
  it('restores by order over the defaults', () => {
    expect(restoreStored(args, { '0': 'bob', '1': 'leaked', '5': false }, initialValues(args))).toEqual([
      text('bob'),
      text(''),
      { kind: 'file', dataUrl: null },
      { kind: 'bool', checked: false },
    ])
  })
})

describe('remapValues (the task changed while the form was open)', () => {
  it('keeps values whose argument kept its order and kind, starts the others afresh', () => {
    const before = defs([{ order: 0, type: 'input', label: 'archive' }, { order: 1, type: 'boolean', label: 'dry' }])
    const after = defs([
      { order: 0, type: 'fixed', label: 'mode', value: 'safe' },
      { order: 1, type: 'input', label: 'archive', value: 'x.tgz' },
      { order: 2, type: 'boolean', label: 'dry' },
    ])
    expect(remapValues(before, [text('a.tgz'), { kind: 'bool', checked: true }], after)).toEqual([{ kind: 'fixed' }, text('x.tgz'), { kind: 'bool', checked: false }])
    const same = defs([{ order: 0, type: 'input', label: 'archive (renamed)' }, { order: 1, type: 'boolean', label: 'dry' }])
    expect(remapValues(before, [text('a.tgz'), { kind: 'bool', checked: true }], same)).toEqual([text('a.tgz'), { kind: 'bool', checked: true }])
    expect(definitionsSignature(before)).not.toBe(definitionsSignature(after))
  })
})

describe("the server's field errors", () => {
  it('go beside their field by label, id or order (arg<n>); the rest stay for the form', () => {
    const args = defs([
      { order: 0, type: 'input', label: 'ticket' },
      { order: 2, type: 'select', label: 'priority', options: ['low'] },
    ])
    const { byIndex, unmatched } = matchFieldErrors(args, [
      { field: 'Priority', message: 'priority must be one of the options' },
      { field: 'arg0', message: 'malformed' },
      { field: 'other', message: 'nope' },
    ])
    expect(byIndex.get(1)).toMatch(/options/)
    expect(byIndex.get(0)).toBe('malformed')
    expect(unmatched).toEqual(['other: nope'])
  })
})
