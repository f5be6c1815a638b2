import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { SPECIAL_JOB_IDS } from '@/mocks/db'
import { mockServer, useMockWorld } from '@/mocks/node'
import { renderWithProviders } from '@/testing/render'
import { JobDetailRoute } from './job-detail'

/** The job page of a WorkflowJob composes the workflows feature's run view (graph, steps, timeline, actions). */
function renderRun(jobId: string, token = 'demo-token') {
  return renderWithProviders(null, {
    route: `/jobs/${jobId}`,
    routes: [{ path: '/jobs/:jobId', element: <JobDetailRoute /> }],
    session: { token, customer: 'demo', supervisorUrl: null, persist: 'memory' },
  })
}

const steps = () => screen.getByRole('list', { name: 'Steps' })
const item = (name: string) => within(steps()).getAllByRole('listitem').find((li) => li.textContent?.includes(name))!

describe('a workflow run’s page', () => {
  beforeEach(() => {
    useMockWorld('default')
    mockServer.events.removeAllListeners()
  })

  it('draws the run on its graph and lists every task with its state word and job link', async () => {
    renderRun(SPECIAL_JOB_IDS.workflowJob)
    expect(await screen.findByRole('heading', { level: 1, name: 'Release pipeline' })).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('list', { name: 'Steps' })).toBeInTheDocument(), { timeout: 5000 })
    const graph = screen.getByRole('region', { name: 'Graph' })
    for (const name of ['Deploy web', 'Approve deploy', 'Announce release', 'Roll back web']) expect(within(graph).getAllByText(name, { exact: false }).length).toBeGreaterThan(0)
    expect(within(steps()).getAllByRole('listitem')).toHaveLength(4)
    expect(item('Deploy web')).toHaveTextContent('success')
    expect(within(item('Deploy web')).getByRole('link', { name: 'Deploy web' })).toHaveAttribute('href', `/jobs/${SPECIAL_JOB_IDS.workflowDeploy}`)
    expect(item('Approve deploy')).toHaveTextContent('waiting')
    expect(item('Announce release')).toHaveTextContent('not reached')
    expect(within(item('Announce release')).queryByRole('link')).toBeNull()
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeInTheDocument()
    expect(screen.getByText(/waiting on a person at “Approve deploy”/)).toBeInTheDocument()
    // The plain steps list and the job actions of the job page give way to the run view.
    expect(screen.queryByRole('list', { name: 'Workflow steps' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Cancel job' })).toBeNull()
    // jane is a manager: she may start a run, not cancel one.
    expect(screen.getByRole('button', { name: 'Run workflow' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull()
  })

  it('a double click on the approval sends one decision, and the next step appears', async () => {
    const user = userEvent.setup()
    const decisions: string[] = []
    mockServer.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT' && /\/approve$/.test(request.url)) decisions.push(request.url)
    })
    renderRun(SPECIAL_JOB_IDS.workflowJob)
    const waiting = await screen.findByRole('list', { name: 'Waiting on a person' }, { timeout: 5000 })
    await user.dblClick(within(waiting).getByRole('button', { name: 'Approve' }))
    expect(await screen.findByText(/You chose “Approve” for “Approve deploy”/)).toBeInTheDocument()
    expect(decisions).toHaveLength(1)
    await waitFor(() => expect(item('Approve deploy')).toHaveTextContent('approved'))
    await waitFor(() => expect(within(item('Announce release')).getByRole('link', { name: 'Announce release' })).toBeInTheDocument())
    expect(item('Roll back web')).toHaveTextContent('will not run')
  })

  it('Enter on a step\'s decision hands the keyboard to its outcome, where the buttons were', async () => {
    const user = userEvent.setup()
    renderRun(SPECIAL_JOB_IDS.workflowJob)
    const waiting = await screen.findByRole('list', { name: 'Waiting on a person' }, { timeout: 5000 })
    within(waiting).getByRole('button', { name: 'Approve' }).focus()
    await user.keyboard('{Enter}')
    const outcome = await screen.findByText(/You chose “Approve” for “Approve deploy”/)
    await waitFor(() => expect(outcome.closest('p')).toHaveFocus())
  })

  it('admins get "Cancel run"; the outcome is read back', async () => {
    const user = userEvent.setup()
    renderRun(SPECIAL_JOB_IDS.workflowJob, 'admin-token')
    await user.click(await screen.findByRole('button', { name: 'Cancel run' }, { timeout: 5000 }))
    const dialog = screen.getByRole('alertdialog', { name: /Cancel run “Release pipeline”/ })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel run' }))
    expect(await screen.findByText(/Run canceled: it is now terminated \(canceled\)/)).toBeInTheDocument()
  })

  it('a viewer who is not an approver is told so, with no decision buttons', async () => {
    renderRun(SPECIAL_JOB_IDS.workflowJob, 'viewer-token')
    const waiting = await screen.findByRole('list', { name: 'Waiting on a person' }, { timeout: 5000 })
    await waitFor(() => expect(waiting).toHaveTextContent('you are not one of them'))
    expect(within(waiting).queryByRole('button')).toBeNull()
  })
})
