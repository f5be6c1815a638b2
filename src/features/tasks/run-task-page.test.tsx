import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useParams } from 'react-router'
import { beforeEach, describe, expect, it } from 'vitest'
import { TASK_IDS } from '@/mocks/db'
import { getMockDb, mockServer, useMockWorld } from '@/mocks/node'
import { RUN_TASK_IDS } from '@/mocks/worlds/run-tasks'
import { renderWithProviders } from '@/testing/render'
import { RunTaskPage } from './components/run-task-page'

function Route() {
  const { taskId } = useParams()
  return <RunTaskPage taskId={taskId} />
}
function JobPage() {
  const { jobId } = useParams()
  return <p>Job page {jobId}</p>
}

function renderRun(path: string, session?: 'admin') {
  return renderWithProviders(null, {
    route: path,
    routes: [
      { path: '/tasks/:taskId/run', element: <Route /> },
      { path: '/jobs/:jobId', element: <JobPage /> },
      { path: '/jobs', element: <p>Jobs list</p> },
    ],
    session: session === 'admin' ? { token: 'admin-token', customer: 'demo', supervisorUrl: null, persist: 'memory' } : undefined,
  })
}

/** Bodies of the POSTs that create jobs. */
function capturePosts() {
  const bodies: unknown[] = []
  mockServer.events.on('request:start', async ({ request }) => {
    if (request.method === 'POST' && /\/task\/[0-9a-f]{24}\/job$/.test(new URL(request.url).pathname)) bodies.push(await request.clone().json())
  })
  return bodies
}

beforeEach(() => {
  useMockWorld('default')
  mockServer.events.removeAllListeners()
  localStorage.clear()
})

describe('run form: every argument type', () => {
  it('sends a full array indexed by order, with every value as typed, then opens the new job', async () => {
    const posts = capturePosts()
    const { router } = renderRun(`/tasks/${RUN_TASK_IDS.everyType}/run`)
    const user = userEvent.setup({ delay: null })
    await screen.findByRole('heading', { name: 'Run Provision account' })
    await user.type(screen.getByRole('textbox', { name: /^username/ }), 'ann42')
    await user.type(screen.getByRole('textbox', { name: /welcome message/ }), 'Hello')
    await user.click(screen.getByRole('checkbox', { name: 'send welcome email' }))
    await user.click(screen.getByRole('textbox', { name: /^settings/ }))
    await user.paste('{"quota": 10}')
    await user.selectOptions(screen.getByRole('combobox', { name: /^plan/ }), 'Pro')
    await user.selectOptions(screen.getByRole('listbox', { name: /^groups/ }), ['Ops', 'Finance'])
    await user.type(screen.getByLabelText(/^start date/), '2026-12-01')
    await user.type(screen.getByRole('textbox', { name: /contact email/ }), 'ann@example.com')
    await user.click(screen.getByRole('textbox', { name: /allowed hosts/ }))
    await user.paste('^web-\\d+$')
    await user.upload(screen.getByLabelText(/^avatar/), new File(['hi'], 'hi.txt', { type: 'text/plain' }))
    expect(await screen.findByText(/Will send: hi\.txt/)).toBeInTheDocument()
    const team = screen.getByRole('combobox', { name: /^team/ })
    await waitFor(() => expect(within(team).getByRole('option', { name: 'Finance' })).toBeInTheDocument())
    await user.selectOptions(team, 'Finance')
    await user.type(screen.getByLabelText(/^initial password/), 'correct horse')
    expect(screen.getByLabelText(/^initial password/)).toHaveAttribute('type', 'password')

    await user.click(screen.getByRole('button', { name: 'Run task' }))
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/jobs\/[0-9a-f]{24}$/))
    expect(posts).toEqual([
      {
        task_arguments: [
          'ann42',
          null,
          'Hello',
          true,
          '{"quota": 10}',
          2,
          ['ops', 'finance'],
          '2026-12-01',
          'ann@example.com',
          '^web-\\d+$',
          'data:text/plain;base64,aGk=',
          'T-FIN',
          null,
          'correct horse',
        ],
      },
    ])
    const jobId = router.state.location.pathname.split('/').pop()!
    const job = getMockDb().getJob(jobId)!
    expect(job.lifecycle).toBe('ready')
    expect(job.task_arguments_values).toEqual(expect.arrayContaining(['ann42', 'eu-west-1', 'T-FIN', 'correct horse']))

    // The last values are remembered, except the masked one and the file.
    const stored = JSON.stringify({ ...localStorage })
    expect(stored).toContain('ann42')
    expect(stored).not.toContain('correct horse')
    expect(stored).not.toContain('data:text/plain')
    expect(stored).not.toContain('demo-token')
  }, 40_000)
})

describe('validation', () => {
  it('shows each problem beside its field (aria-invalid + aria-describedby), focuses the first, sends nothing; fixing clears it', async () => {
    const posts = capturePosts()
    renderRun(`/tasks/${RUN_TASK_IDS.everyType}/run`)
    const user = userEvent.setup({ delay: null })
    const username = await screen.findByRole('textbox', { name: /^username/ })
    await user.type(username, 'a_b')
    await user.type(screen.getByRole('textbox', { name: /contact email/ }), 'not-an-email')
    await user.click(screen.getByRole('textbox', { name: /^settings/ }))
    await user.paste('{oops}')
    await user.click(screen.getByRole('button', { name: 'Run task' }))

    expect(username).toHaveAttribute('aria-invalid', 'true')
    expect(username).toHaveAccessibleDescription(/Use only letters and digits\./)
    expect(username).toHaveFocus()
    expect(screen.getByRole('textbox', { name: /contact email/ })).toHaveAccessibleDescription(/Enter an email address/)
    expect(screen.getByRole('textbox', { name: /^settings/ })).toHaveAccessibleDescription(/not valid JSON/)
    expect(screen.getByRole('combobox', { name: /^plan/ })).toHaveAccessibleDescription('Choose an option.')
    expect(screen.getByRole('alert', { name: '' })).toHaveTextContent(/fields need attention: username, settings, plan, start date, contact email, team, initial password/)

    await user.clear(username)
    await user.type(username, 'ab')
    expect(username).toHaveAccessibleDescription(/Enter at least 3 characters \(now 2\)/)
    await user.type(username, 'c')
    expect(username).not.toHaveAttribute('aria-invalid')
    expect(posts).toEqual([])
  }, 30_000)
})

describe('pre-flight and a bot that is not reporting', () => {
  it('asks first; "Queue anyway" starts the job once', async () => {
    const posts = capturePosts()
    const { router } = renderRun(`/tasks/${RUN_TASK_IDS.stoppedBot}/run`, 'admin')
    const user = userEvent.setup({ delay: null })
    const summary = await screen.findByRole('region', { name: 'Before you run' })
    await waitFor(() => expect(summary).toHaveTextContent(/db-02 — ⚠ not reporting/))
    expect(summary).toHaveTextContent(/Timeout: 30m/)
    await user.type(screen.getByRole('textbox', { name: /^archive/ }), '2026-11-30.tar.gz')
    await user.click(screen.getByRole('button', { name: 'Run task' }))
    const dialog = await screen.findByRole('alertdialog', { name: /is not reporting/ })
    expect(posts).toEqual([])
    await user.dblClick(within(dialog).getByRole('button', { name: 'Queue anyway' }))
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/jobs\/[0-9a-f]{24}$/))
    expect(posts).toEqual([{ task_arguments: ['2026-11-30.tar.gz'] }])
  })

  it('does not ask when the bot reports; names approvers and masked values', async () => {
    renderRun(`/tasks/${RUN_TASK_IDS.approveAccess}/run`)
    const summary = await screen.findByRole('region', { name: 'Before you run' })
    expect(summary).toHaveTextContent(/Must be approved by: 5a7360736124f504534a15fa, 5a7360736124f504534a1603|Must be approved by: you/)
    expect(summary).toHaveTextContent(/No value is masked/)
  })
})

describe('remote options', () => {
  it('a failing endpoint shows the error with Retry, and the id can be typed by hand', async () => {
    let calls = 0
    mockServer.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname === '/mock/options/broken') calls++
    })
    const posts = capturePosts()
    const { router } = renderRun(`/tasks/${RUN_TASK_IDS.brokenOptions}/run`)
    const user = userEvent.setup({ delay: null })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/The options for segment could not be loaded: .* answered 500/)
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(calls).toBe(2))
    // no token went to the remote endpoint (the mock answers 400 if one does): still the 500
    await user.type(await screen.findByRole('textbox', { name: /type the segment id by hand/ }), 'SEG-9')
    await user.click(screen.getByRole('button', { name: 'Run task' }))
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/jobs\//))
    expect(posts).toEqual([{ task_arguments: ['SEG-9'] }])
  })
})

describe('pre-filling never submits', () => {
  it('?arg.<label or order>= fills the form and names what it could not use', async () => {
    const posts = capturePosts()
    renderRun(`/tasks/${TASK_IDS.deployWeb}/run?arg.environment=production&arg.1=v2.0.0&arg.api_key=leak&arg.color=red`)
    expect(await screen.findByRole('combobox', { name: /environment/ })).toHaveValue('production')
    expect(screen.getByRole('textbox', { name: /version/ })).toHaveValue('v2.0.0')
    expect(screen.getByLabelText(/^api_key/)).toHaveValue('')
    expect(screen.getByText(/Not filled from the link .*: api_key\./)).toBeInTheDocument()
    expect(screen.getByText(/does not have: color\./)).toBeInTheDocument()
    expect(posts).toEqual([])
  })

  it('?from=<job> uses that job’s values (masked ones excepted)', async () => {
    const db = getMockDb()
    // A job that ran with an api_key (masked, order 3): the form says it must be entered again.
    const job = db.jobs().find((j) => j.task_id === TASK_IDS.deployWeb && Array.isArray(j.task_arguments_values) && !!j.task_arguments_values[3])!
    const values = job.task_arguments_values as string[]
    renderRun(`/tasks/${TASK_IDS.deployWeb}/run?from=${job.id}`)
    expect(await screen.findByRole('textbox', { name: /version/ })).toHaveValue(values[1])
    expect(screen.getByText(new RegExp(`Filled with the values of job ${job.id}`))).toBeInTheDocument()
    expect(screen.getByText(/Masked values are not copied: enter api_key again\./)).toBeInTheDocument()
  })
})

describe('where the form starts says where its values come from', () => {
  it('a restored draft is called a draft, never the values last run; the user can go back to those, or to the defaults', async () => {
    const user = userEvent.setup({ delay: null })
    const path = `/tasks/${TASK_IDS.cleanupTmp}/run`
    // A run: its values are remembered.
    const first = renderRun(path)
    await user.type(await screen.findByRole('textbox', { name: /^directory/ }), '/tmp/ran')
    await user.click(screen.getByRole('button', { name: 'Run task' }))
    const queue = await screen.findByRole('alertdialog', { name: /is not reporting/ }).catch(() => null)
    if (queue) await user.click(within(queue).getByRole('button', { name: 'Queue anyway' }))
    await waitFor(() => expect(first.router.state.location.pathname).toMatch(/^\/jobs\//))
    first.unmount()

    // Back on the form: the last-run values, said so. Then the user types, and leaves without running.
    const second = renderRun(path)
    const directory = await screen.findByRole('textbox', { name: /^directory/ })
    expect(directory).toHaveValue('/tmp/ran')
    expect(screen.getByRole('status')).toHaveTextContent(/Filled with the values you last ran this task with/)
    await user.clear(directory)
    await user.type(directory, '/tmp/typed')
    second.unmount()

    // Back again: the fields show the draft, and the notice says so.
    renderRun(path)
    expect(await screen.findByRole('textbox', { name: /^directory/ })).toHaveValue('/tmp/typed')
    const notice = screen.getByRole('status')
    expect(notice).toHaveTextContent(/Restored what you were typing here before/)
    expect(notice).not.toHaveTextContent(/Filled with the values you last ran/)

    // Back to the values last run: the draft is gone, and the notice says what the fields show.
    await user.click(within(notice).getByRole('button', { name: 'Use the values you last ran' }))
    expect(screen.getByRole('textbox', { name: /^directory/ })).toHaveValue('/tmp/ran')
    expect(screen.getByRole('status')).toHaveTextContent(/Filled with the values you last ran this task with/)
    expect(screen.getByRole('status')).not.toHaveTextContent(/Restored/)

    // Or to the task's defaults.
    await user.type(screen.getByRole('textbox', { name: /^directory/ }), '-more')
    await user.click(screen.getByRole('button', { name: "Start from the task's defaults" }))
    expect(screen.getByRole('textbox', { name: /^directory/ })).toHaveValue('')
    expect(screen.queryByText(/Restored what you were typing|last ran/)).not.toBeInTheDocument()
  }, 30_000)
})
