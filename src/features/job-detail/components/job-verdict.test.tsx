import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Job } from '@/api/schemas/job'
import { mockServer, useMockWorld } from '@/mocks/node'
import { renderJobDetail } from '@/testing/render-job-detail'
import { verdictWords } from '../verdict-text'
import { verdictText } from './job-verdict'

const ID = '65f1c0de2a9b4c0012ab3401'
const HOUR = 3_600_000

function job(overrides: Partial<Job>): Job {
  return { id: ID, _type: 'ScriptJob', name: 'Deploy web', output: [], hasOutput: false, problems: [], ...overrides } as Job
}

describe('verdictText', () => {
  const created = '2026-03-13T10:00:00.000Z'
  const t0 = Date.parse(created)
  it('says how a finished job ended and how long it took, with a unit', () => {
    expect(verdictText(job({ lifecycle: 'finished', state: 'failure', creation_date: created, last_update: new Date(t0 + 180_000).toISOString() }), undefined, t0 + 7 * HOUR)).toBe('Failed after 3m 0s')
    expect(verdictText(job({ lifecycle: 'finished', state: 'success', creation_date: created, last_update: new Date(t0 + 550).toISOString() }), undefined, t0)).toBe('Succeeded in 550 ms')
    expect(verdictText(job({ lifecycle: 'terminated', state: 'timeout', creation_date: created, last_update: new Date(t0 + 600_000).toISOString() }), undefined, t0)).toBe('Timed out after 10m 0s')
    expect(verdictText(job({ lifecycle: 'canceled', state: 'canceled', creation_date: created }), undefined, t0)).toBe('Canceled before it ran')
    expect(verdictText(job({ _type: 'ApprovalJob', lifecycle: 'finished', state: 'failure', creation_date: created, last_update: new Date(t0 + 60_000).toISOString() }), undefined, t0)).toBe('Rejected after 1m 0s')
  })
  it('says what a job in progress is doing, for how long (on the clock given)', () => {
    expect(verdictText(job({ lifecycle: 'assigned', state: 'in_progress', creation_date: created }), undefined, t0 + 45 * 60_000)).toBe('Running for 45m 0s')
    expect(verdictText(job({ lifecycle: 'ready', state: 'in_progress', creation_date: created }), undefined, t0 + 10_000)).toBe('Queued for 10s')
    expect(verdictText(job({ _type: 'ApprovalJob', lifecycle: 'onhold', state: 'in_progress', creation_date: created }), undefined, t0 + 120_000)).toBe('On hold for 2m 0s — waiting for an approval')
    // The lifecycle endpoint's newer reading wins over the document's.
    expect(verdictText(job({ lifecycle: 'ready', state: 'in_progress', creation_date: created }), 'assigned', t0 + 5000)).toBe('Running for 5s')
  })
  it('counts a job in progress from when it entered its lifecycle, not from its creation', () => {
    // Restarted 1 minute ago, created 4 hours ago: queued for a minute.
    const restarted = job({ lifecycle: 'ready', state: 'in_progress', creation_date: created, last_update: new Date(t0 + 4 * HOUR - 60_000).toISOString() })
    expect(verdictText(restarted, undefined, t0 + 4 * HOUR)).toBe('Queued for 1m 0s')
    // Queued 10 minutes, taken by an agent 30 s ago: running for 30 s.
    const running = job({ lifecycle: 'assigned', state: 'in_progress', creation_date: created, last_update: new Date(t0 + 10 * 60_000).toISOString() })
    expect(verdictText(running, undefined, t0 + 10 * 60_000 + 30_000)).toBe('Running for 30s')
  })
  it('keeps the ticking duration of a job in progress apart (drawn last on its line, in a slot of fixed width) and why it waits, and none of a finished one', () => {
    const onHold = job({ _type: 'ApprovalJob', lifecycle: 'onhold', state: 'in_progress', creation_date: created })
    expect(verdictWords(onHold, undefined, t0 + 120_000)).toEqual({ before: 'On hold for ', ticking: '2m 0s', reason: 'waiting for an approval' })
    const failed = job({ lifecycle: 'finished', state: 'failure', creation_date: created, last_update: new Date(t0 + 180_000).toISOString() })
    expect(verdictWords(failed, undefined, t0 + HOUR)).toEqual({ before: 'Failed after 3m 0s' })
  })
})

describe('job page verdict', () => {
  beforeEach(() => {
    useMockWorld('default')
  })

  it('leads the page: status word and duration first, when it finished, then the title', async () => {
    const created = new Date(Date.now() - 7 * HOUR).toISOString()
    const ended = new Date(Date.parse(created) + 180_000).toISOString()
    const doc = { id: ID, _type: 'ScriptJob', name: 'Deploy web', state: 'failure', lifecycle: 'finished', creation_date: created, last_update: ended, output: [], customer_name: 'demo' }
    mockServer.use(
      http.get('*/mock/supervisor/demo/job/:id', () => HttpResponse.json(doc)),
      http.get('*/mock/supervisor/demo/job/:id/lifecycle', () => HttpResponse.json('finished')),
    )
    renderJobDetail(ID)
    const verdict = await screen.findByRole('region', { name: 'Verdict' })
    expect(verdict).toHaveTextContent('Status: failure.')
    expect(within(verdict).getByText(/Failed after 3m 0s/)).toBeInTheDocument()
    await waitFor(() => expect(verdict).toHaveTextContent(/finished 7 hours ago/))
    // The verdict comes before the title.
    const heading = screen.getByRole('heading', { level: 1, name: 'Deploy web' })
    expect(verdict.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })
})
