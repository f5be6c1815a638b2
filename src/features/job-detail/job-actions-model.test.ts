import { describe, expect, it } from 'vitest'
import type { Job } from '@/api/schemas/job'
import { availableActions, cancelMessage, liveSlots, notAnApprover, possiblyCreatedJobs, shownSlots } from './job-actions-model'

const job = (over: Partial<Job> = {}): Job => ({ id: 'a'.repeat(24), _type: 'ScriptJob', task_id: 't1', lifecycle: 'ready', output: [], hasOutput: false, problems: [], ...over })

describe('which actions apply to a job', () => {
  it('an approval on hold: decide, cancel, run again; no restart, no input form', () => {
    const a = availableActions(job({ _type: 'ApprovalJob', lifecycle: 'onhold' }))
    expect(a).toMatchObject({ decide: true, cancel: true, runAgain: true, restart: false, submitInput: false })
  })

  it('a finished script job: run again and restart; a workflow run never runs again', () => {
    expect(availableActions(job({ lifecycle: 'finished' }))).toMatchObject({ cancel: false, runAgain: true, restart: true })
    expect(availableActions(job({ _type: 'WorkflowJob', lifecycle: 'finished' })).runAgain).toBe(false)
  })

  it('cancels a started workflow run only for admins', () => {
    const run = job({ _type: 'WorkflowJob', lifecycle: 'started', workflow_id: 'w' })
    expect(liveSlots(run, true)).toContain('cancel')
    expect(liveSlots(run, false)).not.toContain('cancel')
  })
})

describe('buttons keep their places once the user acted', () => {
  it('an approval decided on this page keeps decide and cancel in place when the job finishes', () => {
    const before = liveSlots(job({ _type: 'ApprovalJob', lifecycle: 'onhold' }), false)
    expect(before).toEqual(['decide', 'cancel', 'runAgain'])
    const after = liveSlots(job({ _type: 'ApprovalJob', lifecycle: 'finished' }), false)
    expect(after).toEqual(['runAgain'])
    expect(shownSlots(after, before)).toEqual(['decide', 'cancel', 'runAgain'])
  })

  it('a slot that appears later comes after the kept ones, so none of them moves', () => {
    expect(shownSlots(['runAgain', 'restart'], ['cancel', 'runAgain'])).toEqual(['cancel', 'runAgain', 'restart'])
  })
})

describe('what a cancel result means', () => {
  it('names each outcome', () => {
    expect(cancelMessage({ outcome: 'canceled' })).toBe('Job canceled.')
    expect(cancelMessage({ outcome: 'terminated' })).toMatch(/terminated/)
    expect(cancelMessage({ outcome: 'unchanged' })).toMatch(/did not change/)
    expect(cancelMessage({ outcome: 'gone' })).toMatch(/could not be read back/)
    expect(cancelMessage({ outcome: 'other', after: job({ lifecycle: 'finished' }) })).toMatch(/now finished/)
  })
})

describe('approvers', () => {
  it('a known user outside the approvers cannot decide; an unknown user is not blocked', () => {
    const j = job({ _type: 'ApprovalJob', approvers: ['u1'] })
    expect(notAnApprover(j, 'u2')).toBe(true)
    expect(notAnApprover(j, 'u1')).toBe(false)
    expect(notAnApprover(j, undefined)).toBe(false)
  })
})

describe('the job a create without an answer may have made', () => {
  const sentAt = Date.parse('2026-12-01T12:00:00Z')
  const at = (s: number) => new Date(sentAt + s * 1000).toISOString()
  it('same task, same user, created since just before the request; the job we came from is not one', () => {
    const jobs = [
      job({ id: '1'.repeat(24), creation_date: at(2), user_id: 'me' }),
      job({ id: '2'.repeat(24), creation_date: at(3), user_id: 'someone else' }),
      job({ id: '3'.repeat(24), creation_date: at(4), user_id: 'me', task_id: 'other task' }),
      job({ id: '4'.repeat(24), creation_date: at(-3600), user_id: 'me' }),
      job({ id: '5'.repeat(24), creation_date: at(5), user_id: 'me' }),
      job({ id: 'a'.repeat(24), creation_date: at(1), user_id: 'me' }),
    ]
    const found = possiblyCreatedJobs(jobs, { taskId: 't1', userId: 'me', sentAt, excludeId: 'a'.repeat(24) })
    expect(found.map((j) => j.id[0])).toEqual(['5', '1'])
  })
})
