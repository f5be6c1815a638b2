import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { LIFECYCLES } from '@/api/schemas/job'
import { formatExact } from '@/components/ui/time'
import { HOSTILE_JOB_IDS, SPECIAL_JOB_IDS } from '@/mocks/db'
import { mockServer, useMockWorld } from '@/mocks/node'
import { renderJobDetail } from '@/testing/render-job-detail'

const ID = '65f1c0de2a9b4c0012ab3401'

/** A full job document as GET /:customer/job/:id sends it (theeye-api.md §9.1), with overrides. */
function scriptJobDoc(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    _type: 'ScriptJob',
    name: 'Backup DB',
    state: 'in_progress',
    lifecycle: 'ready',
    creation_date: '2024-03-13T15:00:00.000Z',
    last_update: '2024-03-13T15:00:06.000Z',
    customer_name: 'demo',
    origin: 'user',
    task_id: '65f1bf002a9b4c0012ab3300',
    host_id: '5ab126a96bbc30101fb55d82',
    user_id: '5a7360736124f504534a15fa',
    task_arguments_values: ['customers'],
    task: { id: '65f1bf002a9b4c0012ab3300', type: 'script', name: 'Backup DB', task_arguments: [{ id: 1, order: 0, type: 'input', label: 'database' }] },
    output: [],
    ...overrides,
  }
}

function serveJob(doc: Record<string, unknown>) {
  mockServer.use(
    http.get('*/mock/supervisor/demo/job/:id', () => HttpResponse.json(doc)),
    http.get('*/mock/supervisor/demo/job/:id/lifecycle', () => HttpResponse.json(doc.lifecycle as string)),
  )
}

function currentStep() {
  const list = screen.getByRole('list', { name: 'Lifecycle stages' })
  const current = within(list)
    .getAllByRole('listitem')
    .filter((li) => li.getAttribute('aria-current') === 'step')
  expect(current).toHaveLength(1)
  return current[0]!
}

describe('lifecycle timeline', () => {
  beforeEach(() => {
    useMockWorld('default')
  })

  it.each(LIFECYCLES)('shows a job in lifecycle "%s" at that step, in words', async (lifecycle) => {
    const finished = ['finished', 'terminated', 'canceled', 'expired', 'completed'].includes(lifecycle)
    serveJob(scriptJobDoc({ lifecycle, _type: lifecycle === 'started' ? 'WorkflowJob' : 'ScriptJob', state: finished ? 'success' : 'in_progress' }))
    renderJobDetail(ID)
    const region = await screen.findByRole('region', { name: 'Lifecycle' })
    await waitFor(() => expect(within(currentStep()).getByText(lifecycle === 'onhold' ? 'on hold' : lifecycle)).toBeInTheDocument())
    // A job in progress is "now" at its step; an ended job's last step is where it ended.
    expect(within(currentStep()).getByText(finished ? 'Ended:' : 'Current step:')).toBeInTheDocument()
    // The path starts at creation, with its time.
    expect(within(region).getByText('created')).toBeInTheDocument()
    if (!finished) expect(within(region).getByText('finished, terminated or canceled')).toBeInTheDocument()
  })

  it('explains the assigned step with the host', async () => {
    serveJob(scriptJobDoc({ lifecycle: 'assigned' }))
    renderJobDetail(ID)
    await waitFor(() => expect(currentStep()).toHaveTextContent(/assigned.*an agent on host web-01 took the job and is running it/))
    const list = screen.getByRole('list', { name: 'Lifecycle stages' })
    expect(within(list).getByText('ready').closest('li')).toHaveTextContent('Done:')
  })

  it('renders an unknown lifecycle as a step of its own', async () => {
    useMockWorld('hostile')
    renderJobDetail(HOSTILE_JOB_IDS.zombieLifecycle)
    await screen.findByRole('heading', { level: 1, name: 'Zombie job' })
    await waitFor(() => expect(currentStep()).toHaveTextContent('zombie (not a lifecycle this dashboard knows)'))
    expect(screen.getByText('Unexpected data')).toBeInTheDocument()
  })

  it('logs every transition seen while the page is open, with its time', async () => {
    const db = useMockWorld('default')
    const id = SPECIAL_JOB_IDS.readyCleanup
    renderJobDetail(id, { config: { refreshIntervalMs: 200 } })
    await waitFor(() => expect(currentStep()).toHaveTextContent(/Current step: ready/))
    expect(screen.getByText(/None yet/)).toBeInTheDocument()

    db.updateJob(db.getJob(id)!, (j) => {
      j.lifecycle = 'assigned'
    })
    const transitions = await screen.findByRole('list', { name: 'Observed transitions' }, { timeout: 3000 })
    await waitFor(() => expect(transitions).toHaveTextContent(/ready → assigned, seen at/))
    await waitFor(() => expect(currentStep()).toHaveTextContent(/Current step: assigned/))

    db.updateJob(db.getJob(id)!, (j) => {
      j.lifecycle = 'finished'
      j.state = 'success'
      j.result = { code: 0, log: 'done\n' }
    })
    await waitFor(() => expect(within(transitions).getAllByRole('listitem')).toHaveLength(2), { timeout: 3000 })
    expect(within(transitions).getAllByRole('listitem')[1]).toHaveTextContent(/assigned → finished, seen at .*server's last update/)
    await waitFor(() => expect(currentStep()).toHaveTextContent(/Ended: finished success/))
  })

  it("gives a transition the server's time of that change, not the previous state's (the lifecycle endpoint sees it before the document)", async () => {
    const db = useMockWorld('default')
    const id = SPECIAL_JOB_IDS.readyCleanup
    renderJobDetail(id, { config: { refreshIntervalMs: 200 } })
    await waitFor(() => expect(currentStep()).toHaveTextContent(/Current step: ready/))
    // Server times an hour and a half apart, so that the two cannot be told apart by a second's rounding.
    const assignedAt = '2026-03-11T10:00:00.000Z'
    const finishedAt = '2026-03-11T11:30:00.000Z'
    db.updateJob(db.getJob(id)!, (j) => {
      j.lifecycle = 'assigned'
    }).last_update = assignedAt
    const transitions = await screen.findByRole('list', { name: 'Observed transitions' }, { timeout: 3000 })
    await waitFor(() => expect(transitions).toHaveTextContent(`ready → assigned, seen at`))
    await waitFor(() => expect(within(transitions).getAllByRole('listitem')[0]).toHaveTextContent(`server's last update ${formatExact(assignedAt)}`))
    db.updateJob(db.getJob(id)!, (j) => {
      j.lifecycle = 'finished'
      j.state = 'success'
      j.result = { code: 0, log: 'done\n' }
    }).last_update = finishedAt
    await waitFor(() => expect(within(transitions).getAllByRole('listitem')).toHaveLength(2), { timeout: 3000 })
    await waitFor(() => expect(within(transitions).getAllByRole('listitem')[1]).toHaveTextContent(`server's last update ${formatExact(finishedAt)}`), { timeout: 3000 })
    expect(within(transitions).getAllByRole('listitem')[1]).not.toHaveTextContent(formatExact(assignedAt))
    // Nothing was added or moved meanwhile.
    expect(within(transitions).getAllByRole('listitem')[0]).toHaveTextContent(`ready → assigned`)
  })

  it('marks the step a failed job ended on as a failure, in a word and an icon, not as a success', async () => {
    serveJob(scriptJobDoc({ lifecycle: 'finished', state: 'failure' }))
    renderJobDetail(ID)
    await waitFor(() => expect(currentStep()).toHaveTextContent(/Ended: finished failure/))
    expect(currentStep()).toHaveTextContent('✕')
    expect(currentStep()).not.toHaveTextContent('✓')
    expect(currentStep()).not.toHaveTextContent(/\bnow\b/)
  })

  it('shows a workflow run’s task jobs in order, each linking to its detail', async () => {
    useMockWorld('default')
    renderJobDetail(SPECIAL_JOB_IDS.workflowJob)
    const steps = await screen.findByRole('list', { name: 'Workflow steps' })
    const links = within(steps).getAllByRole('link')
    expect(links.length).toBeGreaterThan(0)
    expect(links[0]).toHaveAttribute('href', `/jobs/${SPECIAL_JOB_IDS.workflowDeploy}`)
  })

  it('falls back to the workflow’s job list, grouped by run, when the per-run route is missing', async () => {
    useMockWorld('default')
    const asked: string[] = []
    mockServer.events.on('request:start', ({ request }) => void asked.push(new URL(request.url).pathname))
    mockServer.use(http.get('*/mock/supervisor/workflows/:wf/job/:job/jobs', () => HttpResponse.json({ code: 'ResourceNotFound', message: 'nope' }, { status: 404 })))
    renderJobDetail(SPECIAL_JOB_IDS.workflowJob)
    const steps = await screen.findByRole('list', { name: 'Workflow steps' })
    expect(within(steps).getAllByRole('link')[0]).toHaveAttribute('href', `/jobs/${SPECIAL_JOB_IDS.workflowDeploy}`)
    expect(asked.some((p) => /^\/mock\/supervisor\/workflows\/[0-9a-f]{24}\/job$/.test(p))).toBe(true)
    mockServer.events.removeAllListeners()
  })
})
