import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { FAULT_JOB_IDS, SPECIAL_JOB_IDS, TASK_IDS } from '@/mocks/db'
import { mockServer, useMockWorld } from '@/mocks/node'
import { renderJobDetail } from '@/testing/render-job-detail'

describe('job detail page', () => {
  beforeEach(() => {
    useMockWorld('default')
    mockServer.events.removeAllListeners()
  })

  it('shows the job name, state, facts and title', async () => {
    renderJobDetail(SPECIAL_JOB_IDS.finishedBackup)
    expect(await screen.findByRole('heading', { level: 1, name: 'Backup DB' })).toBeInTheDocument()
    const task = screen.getByRole('link', { name: /Backup DB \(jobs of this task\)/ })
    expect(task).toHaveAttribute('href', `/jobs?task=${TASK_IDS.backupDb}`)
    expect(screen.getByText('Type').nextSibling).toHaveTextContent('ScriptJob')
    await waitFor(() => expect(screen.getByText('Owner').nextSibling).toHaveTextContent('jane'))
    expect(document.title).toMatch(/^Backup DB/)
    expect(screen.getByRole('button', { name: 'Restart' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancel job' })).toBeNull()
  })

  it('shows each argument with its label, a select value by its option label, and an empty one as empty', async () => {
    const id = 'abcdefabcdefabcdefabcdef'
    mockServer.use(
      http.get(`*/mock/supervisor/demo/job/${id}`, () =>
        HttpResponse.json({
          id,
          _type: 'ScriptJob',
          name: 'Deploy',
          lifecycle: 'finished',
          state: 'success',
          task_arguments_values: ['eu-west', null],
          task: {
            id: 'b'.repeat(24),
            name: 'Deploy',
            task_arguments: [
              { order: 0, type: 'select', label: 'region', options: [{ id: 'eu-west', label: 'Europe (Ireland)' }] },
              { order: 1, type: 'input', label: 'note' },
            ],
          },
        }),
      ),
    )
    renderJobDetail(id)
    const args = await screen.findByRole('region', { name: 'Arguments' })
    const region = within(args).getByRole('rowheader', { name: /region/ }).closest('tr')!
    expect(region).toHaveTextContent('Europe (Ireland)')
    expect(region).toHaveTextContent('(eu-west)')
    expect(within(args).getByRole('rowheader', { name: 'note' }).closest('tr')).toHaveTextContent('empty')
  })

  it('while a job runs, polls the cheap lifecycle and re-reads the full document only when it moves', async () => {
    const db = useMockWorld('default')
    const seen = { detail: 0, lifecycle: 0 }
    mockServer.events.on('request:start', ({ request }) => {
      const path = new URL(request.url).pathname
      if (path === `/mock/supervisor/demo/job/${SPECIAL_JOB_IDS.assignedBackup}`) seen.detail++
      if (path === `/mock/supervisor/demo/job/${SPECIAL_JOB_IDS.assignedBackup}/lifecycle`) seen.lifecycle++
    })
    renderJobDetail(SPECIAL_JOB_IDS.assignedBackup, { config: { refreshIntervalMs: 1000 } })
    await screen.findByRole('heading', { level: 1, name: 'Backup DB' })
    await waitFor(() => expect(seen.lifecycle).toBeGreaterThanOrEqual(3), { timeout: 6000 })
    expect(seen.detail).toBe(1)
    // The agent finishes the job: the next lifecycle reading brings the whole document back.
    db.updateJob(db.getJob(SPECIAL_JOB_IDS.assignedBackup)!, (j) => {
      j.lifecycle = 'finished'
      j.state = 'success'
    })
    await waitFor(() => expect(seen.detail).toBe(2), { timeout: 6000 })
    expect(await screen.findAllByText('success')).not.toHaveLength(0)
  }, 20_000)

  it('links a job inside a workflow to its workflow run', async () => {
    renderJobDetail(SPECIAL_JOB_IDS.workflowDeploy)
    const link = await screen.findByRole('link', { name: 'Open the workflow run' })
    expect(link).toHaveAttribute('href', `/jobs/${SPECIAL_JOB_IDS.workflowJob}`)
  })

  it('says "participants unavailable" when that request fails, and still shows the job', async () => {
    mockServer.use(http.get('*/mock/supervisor/job/:id/participants', () => HttpResponse.json('Internal Server Error', { status: 500 })))
    renderJobDetail(SPECIAL_JOB_IDS.finishedBackup)
    await screen.findByRole('heading', { level: 1, name: 'Backup DB' })
    expect((await screen.findAllByText('participants unavailable')).length).toBeGreaterThan(0)
  })

  it('says an invalid id is not a job id, without asking the server', async () => {
    let requests = 0
    mockServer.events.on('request:start', ({ request }) => {
      if (request.url.includes('/job')) requests++
    })
    renderJobDetail('not-a-job-id')
    expect(await screen.findByRole('heading', { name: 'This is not a valid job id' })).toBeInTheDocument()
    expect(requests).toBe(0)
  })

  it('shows "Job not found" with a way back for a 404', async () => {
    renderJobDetail('0123456789abcdef01234567')
    expect(await screen.findByRole('heading', { name: 'Job not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to jobs' })).toHaveAttribute('href', '/jobs')
  })

  it('offers Retry for other errors', async () => {
    useMockWorld('errors')
    renderJobDetail(FAULT_JOB_IDS.serverError)
    const title = await screen.findByText('The job could not be loaded')
    const alert = title.closest<HTMLElement>('[role="alert"]')!
    expect(alert).toHaveTextContent('The server failed to handle the request')
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  })

  it('renders hostile names as text', async () => {
    useMockWorld('hostile')
    const { HOSTILE_JOB_IDS } = await import('@/mocks/db')
    renderJobDetail(HOSTILE_JOB_IDS.xssName)
    expect(await screen.findByRole('heading', { level: 1, name: 'Backup <img src=x onerror="window.__xss=1">' })).toBeInTheDocument()
    expect(document.querySelector('img')).toBeNull()
  })
})
