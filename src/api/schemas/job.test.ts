import { describe, expect, it } from 'vitest'
import { decodeOutput, parseJob, parseJobList, parseLifecycle } from './job'

describe('parseJob', () => {
  it('keys on id, or _id for WorkflowJobs', () => {
    const a = parseJob({ id: 'a'.repeat(24), _type: 'ScriptJob', name: 'x', lifecycle: 'ready', state: 'in_progress' })
    const b = parseJob({ _id: 'b'.repeat(24), id: 'b'.repeat(24), _type: 'WorkflowJob', name: 'wf', lifecycle: 'started' })
    expect(a.ok && a.job.id).toBe('a'.repeat(24))
    expect(b.ok && b.job.id).toBe('b'.repeat(24))
  })

  it('keeps unknown lifecycles and states as data, with a note', () => {
    const r = parseJob({ id: '1', name: 'z', lifecycle: 'zombie', state: 'weird' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.job.lifecycle).toBe('zombie')
    expect(r.job.state).toBe('weird')
    expect(r.job.problems.join()).toMatch(/zombie/)
  })

  it('drops fields of the wrong type and reports them instead of failing', () => {
    const r = parseJob({ id: '1', name: 42, lifecycle: 'finished', creation_date: 'yesterday-ish', task_arguments_values: 'oops' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.job.name).toBe('42')
    expect(r.job.creation_date).toBeUndefined()
    expect(r.job.task_arguments_values).toBeUndefined()
    expect(r.job.problems.some((p) => p.startsWith('creation_date'))).toBe(true)
    expect(r.job.problems.some((p) => p.startsWith('task_arguments_values'))).toBe(true)
  })

  it('reports a job without an id as malformed', () => {
    const r = parseJob({ name: 'no id' })
    expect(r.ok).toBe(false)
  })
})

describe('decodeOutput', () => {
  it('decodes string[] of JSON strings', () => {
    expect(decodeOutput(['{"a":1}', '"x"', 'plain'], [])).toEqual([{ a: 1 }, 'x', 'plain'])
  })
  it('accepts a JSON-quoted string, {} and null', () => {
    expect(decodeOutput('"boom"', [])).toEqual(['boom'])
    expect(decodeOutput({}, [])).toEqual([])
    expect(decodeOutput(null, [])).toEqual([])
  })
})

describe('parseJobList', () => {
  it('parses items one by one: a malformed item never blanks the list', () => {
    const list = parseJobList([{ id: '1', name: 'ok', lifecycle: 'ready' }, 'garbage', { name: 'no id' }, { id: '2', name: 'ok2' }])
    expect(list.jobs.map((j) => j.id)).toEqual(['1', '2'])
    expect(list.malformed).toHaveLength(2)
    expect(list.received).toBe(4)
  })
})

describe('parseLifecycle', () => {
  it('reads a bare string and a list of transitions', () => {
    expect(parseLifecycle('onhold')).toEqual({ current: 'onhold', transitions: [] })
    const t = parseLifecycle([
      { lifecycle: 'ready', date: '2024-03-13T15:00:00.000Z' },
      { lifecycle: 'assigned', date: '2024-03-13T15:00:02.000Z' },
    ])
    expect(t.current).toBe('assigned')
    expect(t.transitions).toHaveLength(2)
  })
})
