import { describe, expect, it } from 'vitest'
import type { Job } from '@/api/schemas/job'
import type { Task, TaskArgument } from '@/api/schemas/task'
import { argumentRows } from '@/lib/argument-rows'
import { decisionLabels, inboxMode, outcomeText, splitPending } from './approval-logic'

const arg = (a: Partial<TaskArgument>): TaskArgument => ({ order: 0, type: 'input', label: 'x', options: [], ...a })
const task = (t: Partial<Task>): Task => ({ id: 't1', name: 'T', task_arguments: [], problems: [], ...t })
const job = (j: Partial<Job>): Job => ({ id: 'j1', _type: 'ApprovalJob', lifecycle: 'onhold', output: [], hasOutput: false, problems: [], ...j })

describe('inboxMode', () => {
  it('waits for the profile when a gateway exists, and shows everything when there is none or it failed', () => {
    expect(inboxMode({ profileId: 'u1', hasGateway: true, profileFailed: false })).toEqual({ kind: 'mine', userId: 'u1' })
    expect(inboxMode({ profileId: undefined, hasGateway: true, profileFailed: false })).toEqual({ kind: 'loading' })
    expect(inboxMode({ profileId: undefined, hasGateway: true, profileFailed: true })).toEqual({ kind: 'all' })
    expect(inboxMode({ profileId: undefined, hasGateway: false, profileFailed: false })).toEqual({ kind: 'all' })
  })
})

describe('splitPending', () => {
  it('keeps only on-hold approvals, newest first, split by approver, minus hidden ones', () => {
    const jobs = [
      job({ id: 'a', creation_date: '2024-01-01T00:00:00Z', approvers: ['me'] }),
      job({ id: 'b', creation_date: '2024-01-03T00:00:00Z', approvers: ['me', 'bob'] }),
      job({ id: 'c', creation_date: '2024-01-02T00:00:00Z', approvers: ['bob'] }),
      job({ id: 'd', creation_date: '2024-01-04T00:00:00Z', approvers: ['me'], lifecycle: 'finished' }),
      job({ id: 'e', creation_date: '2024-01-05T00:00:00Z', approvers: ['me'], _type: 'ScriptJob' }),
      job({ id: 'f', creation_date: '2024-01-06T00:00:00Z', approvers: ['me'] }),
    ]
    const split = splitPending(jobs, { kind: 'mine', userId: 'me' }, new Set(['f']))
    expect(split.mine.map((j) => j.id)).toEqual(['b', 'a'])
    expect(split.others.map((j) => j.id)).toEqual(['c'])
    expect(splitPending(jobs, { kind: 'all' }).mine.map((j) => j.id)).toEqual(['f', 'b', 'c', 'a'])
    expect(splitPending(jobs, { kind: 'loading' }).mine).toEqual([])
  })
})

describe('decisionLabels', () => {
  it('prefers the embedded task, falls back to the job, then to the generic words', () => {
    expect(decisionLabels(job({}))).toEqual({ approve: 'Approve', reject: 'Reject', cancel: null })
    expect(decisionLabels(job({ success_label: 'Go', failure_label: 'Stop' }))).toMatchObject({ approve: 'Go', reject: 'Stop' })
    expect(decisionLabels(job({ success_label: 'Go', task: task({ success_label: 'Ship it', failure_enabled: false, cancel_enabled: true }) }))).toEqual({
      approve: 'Ship it',
      reject: null,
      cancel: 'Cancel request',
    })
    // A label with control characters or only spaces cannot become an invisible button.
    expect(decisionLabels(job({ task: task({ success_label: ' \u001b[31m ' }) })).approve).toBe('Approve')
  })

  it('words outcomes with the task’s own label', () => {
    expect(outcomeText(job({ state: 'success', lifecycle: 'finished', task: task({ success_label: 'Ship it', success_enabled: false }) }))).toBe('Approved (Ship it)')
    expect(outcomeText(job({ state: 'failure', lifecycle: 'finished' }))).toBe('Rejected')
    expect(outcomeText(job({ state: 'canceled', lifecycle: 'canceled' }))).toBe('Canceled')
  })
})

describe('argumentRows', () => {
  it('labels every value, resolves option labels, hides masked values and never prints file contents', () => {
    const rows = argumentRows(
      job({
        task: task({
          task_arguments: [
            arg({ label: 'who' }),
            arg({ label: 'level', type: 'select', options: [{ id: 'h', label: 'High' }] }),
            arg({ label: 'centre', type: 'remote-options', options: [] }),
            arg({ label: 'password', masked: true }),
            arg({ label: 'doc', type: 'file' }),
            arg({ label: 'when', type: 'date' }),
            arg({ label: 'note' }),
          ],
        }),
        task_arguments_values: ['jane\u001b[1m', 'h', 'CC-1', 's3cret', 'data:text/plain;base64,SGVsbG8=', '2024-03-13T16:10:00.000Z', null, 'extra'],
      }),
    )
    expect(rows.map((r) => [r.label, r.value, r.detail ?? null, r.masked, r.missing])).toEqual([
      ['who', 'jane', null, false, false],
      ['level', 'High', 'h', false, false],
      ['centre', 'CC-1', null, false, false],
      ['password', '', null, true, false],
      ['doc', 'attached file (text/plain), 0 KB', null, false, false],
      ['when', new Date('2024-03-13T16:10:00.000Z').toLocaleString(), '2024-03-13T16:10:00.000Z', false, false],
      ['note', '', null, false, true],
      ['Argument 8', 'extra', null, false, false],
    ])
  })

  it("shows the approver's record the server appends to a decided approval as who decided, not as one more argument", () => {
    const approver = { email: 'jane@example.com', id: '5a7360736124f504534a15fa', username: 'jane' }
    const decided = job({ lifecycle: 'finished', state: 'success', task: task({ task_arguments: [arg({ label: 'amount' })] }), task_arguments_values: ['150.00', approver] })
    expect(argumentRows(decided).map((r) => [r.label, r.value])).toEqual([
      ['amount', '150.00'],
      ['Decided by', 'jane (jane@example.com)'],
    ])
    // Still waiting: an extra value is somebody's input, numbered as before.
    expect(argumentRows({ ...decided, lifecycle: 'onhold' }).map((r) => r.label)).toEqual(['amount', 'Argument 2'])
    // Not an approval, or a value that is no person: numbered.
    expect(argumentRows({ ...decided, _type: 'ScriptJob' }).map((r) => r.label)).toEqual(['amount', 'Argument 2'])
    expect(argumentRows({ ...decided, task_arguments_values: ['150.00', { note: 'x' }] }).map((r) => r.label)).toEqual(['amount', 'Argument 2'])
    // A name that looks like HTML stays text; only the email when there is no username.
    expect(argumentRows({ ...decided, task_arguments_values: ['1', { email: '<b>x</b>@e.com' }] })[1]!.value).toBe('<b>x</b>@e.com')
  })
})
