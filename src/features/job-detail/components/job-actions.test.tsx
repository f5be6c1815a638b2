import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { APPROVAL_JOB_IDS, FAULT_JOB_IDS, SPECIAL_JOB_IDS } from '@/mocks/db'
import { mockServer, useMockWorld } from '@/mocks/node'
import { renderJobDetail } from '@/testing/render-job-detail'

/** Counts requests matching a method and path pattern (to prove one request per click). */
function countRequests(method: string, pattern: RegExp) {
  const seen = { count: 0 }
  mockServer.events.on('request:start', ({ request }) => {
    if (request.method === method && pattern.test(new URL(request.url).pathname)) seen.count++
  })
  return seen
}

/** The input job's page, its form filled with valid values (ticket INC-4521, priority high). */
async function openInputWithValidValues() {
  renderJobDetail(SPECIAL_JOB_IDS.inputDummy)
  const user = userEvent.setup()
  const panel = await screen.findByRole('region', { name: 'Input requested' })
  await user.type(within(panel).getByRole('textbox', { name: /ticket/ }), 'INC-4521')
  await user.selectOptions(within(panel).getByRole('combobox', { name: /priority/ }), 'high')
  return { user, panel }
}

describe('submit input', () => {
  beforeEach(() => {
    useMockWorld('default')
    mockServer.events.removeAllListeners()
  })

  it('validates required, charsmax and pattern inline, without asking the server', async () => {
    const puts = countRequests('PUT', /\/input$/)
    renderJobDetail(SPECIAL_JOB_IDS.inputDummy)
    const user = userEvent.setup()
    const panel = await screen.findByRole('region', { name: 'Input requested' })
    const ticket = within(panel).getByRole('textbox', { name: /ticket/ })
    await user.click(within(panel).getByRole('button', { name: 'Submit input' }))

    expect(ticket).toHaveAttribute('aria-invalid', 'true')
    expect(ticket).toHaveAccessibleDescription(/INC-1234.*required/)
    expect(ticket).toHaveFocus()
    expect(within(panel).getByRole('combobox', { name: /priority/ })).toHaveAccessibleDescription('Choose an option.')

    const submit = within(panel).getByRole('button', { name: 'Submit input' })
    await user.type(ticket, 'INC-123456789012345678')
    await user.click(submit)
    expect(ticket).toHaveAccessibleDescription(/at most 20 characters/)
    await user.clear(ticket)
    await user.type(ticket, 'TICKET-12')
    await user.click(submit)
    expect(ticket).toHaveAccessibleDescription(/does not match the required format/)
    // A shown message follows the value as it is fixed.
    await user.clear(ticket)
    await user.type(ticket, 'INC-1234')
    expect(ticket).not.toHaveAttribute('aria-invalid')
    expect(puts.count).toBe(0)
  })

  it('shows the server’s field errors and keeps what the user typed after a 400', async () => {
    mockServer.use(
      http.put('*/mock/supervisor/demo/job/:id/input', () =>
        HttpResponse.json(
          { statusCode: 400, message: 'InvalidTaskArguments', errors: [{ field: 'ticket', code: 'EVALID', message: 'ticket INC-1234 is already closed' }, { field: 'x', code: 'EREQ', message: 'x is required' }] },
          { status: 400 },
        ),
      ),
    )
    renderJobDetail(SPECIAL_JOB_IDS.inputDummy)
    const user = userEvent.setup()
    const panel = await screen.findByRole('region', { name: 'Input requested' })
    const ticket = within(panel).getByRole('textbox', { name: /ticket/ })
    await user.type(ticket, 'INC-1234')
    await user.selectOptions(within(panel).getByRole('combobox', { name: /priority/ }), 'high')
    await user.type(within(panel).getByRole('textbox', { name: /notes/ }), 'printer on fire')
    await user.click(within(panel).getByRole('button', { name: 'Submit input' }))

    const alert = await within(panel).findByRole('alert')
    expect(alert).toHaveTextContent('Some arguments are not valid.')
    expect(alert).toHaveTextContent('x: x is required')
    expect(ticket).toHaveAttribute('aria-invalid', 'true')
    expect(ticket).toHaveAccessibleDescription(/ticket INC-1234 is already closed/)
    expect(ticket).toHaveValue('INC-1234')
    expect(within(panel).getByRole('combobox', { name: /priority/ })).toHaveValue('high')
    expect(within(panel).getByRole('textbox', { name: /notes/ })).toHaveValue('printer on fire')
    expect(within(panel).getByRole('button', { name: 'Submit input' })).toBeEnabled()
  })

  it('submits valid input once and shows the job finished', async () => {
    const puts = countRequests('PUT', /\/input$/)
    const { user, panel } = await openInputWithValidValues()
    const submit = within(panel).getByRole('button', { name: 'Submit input' })
    await user.dblClick(submit)
    expect(await screen.findByText('Input submitted: the job finished.')).toBeInTheDocument()
    expect(puts.count).toBe(1)
    expect(screen.queryByRole('region', { name: 'Input requested' })).toBeNull()
    const args = screen.getByRole('region', { name: 'Arguments' })
    expect(within(args).getByText('INC-4521')).toBeInTheDocument()
  })

  it('Enter on Submit input hands the keyboard to the outcome line (the panel goes)', async () => {
    const { user, panel } = await openInputWithValidValues()
    within(panel).getByRole('button', { name: 'Submit input' }).focus()
    await user.keyboard('{Enter}')
    const outcome = await screen.findByText('Input submitted: the job finished.')
    expect(screen.queryByRole('region', { name: 'Input requested' })).toBeNull()
    await waitFor(() => expect(outcome.closest('p')).toHaveFocus())
  })

  it('a refused Submit input keeps the keyboard on the form (back on the button once enabled)', async () => {
    mockServer.use(http.put('*/mock/supervisor/demo/job/:id/input', () => HttpResponse.json({ statusCode: 500, message: 'boom' }, { status: 500 })))
    const { user, panel } = await openInputWithValidValues()
    const submit = within(panel).getByRole('button', { name: 'Submit input' })
    submit.focus()
    await user.keyboard('{Enter}')
    expect(await within(panel).findByRole('alert')).toBeInTheDocument()
    await waitFor(() => expect(submit).toBeEnabled())
    await waitFor(() => expect(submit).toHaveFocus())
  })
})

describe('cancel', () => {
  beforeEach(() => {
    mockServer.events.removeAllListeners()
  })

  it('asks first, naming the job, then reports "Job canceled" after the 204 and refetch', async () => {
    useMockWorld('default')
    const puts = countRequests('PUT', /\/cancel$/)
    renderJobDetail(SPECIAL_JOB_IDS.readyCleanup)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Cancel job' }))
    const dialog = screen.getByRole('alertdialog')
    expect(dialog).toHaveAccessibleName('Cancel job “Cleanup tmp”?')
    expect(dialog).toHaveTextContent('The job has not started running: it will be cancelled. Cancelling cannot be undone.')
    await user.dblClick(within(dialog).getByRole('button', { name: 'Cancel job' }))
    expect(await screen.findByText('Job canceled.')).toBeInTheDocument()
    expect(puts.count).toBe(1)
    expect(screen.queryByRole('alertdialog')).toBeNull()
    // The button stays where it was (nothing slides under the pointer), disabled: the job is canceled.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel job' })).toBeDisabled())
  })

  it('says so when the server accepted the cancel but the job did not change', async () => {
    useMockWorld('default')
    mockServer.use(http.put('*/mock/supervisor/demo/job/:id/cancel', () => new HttpResponse(null, { status: 204 })))
    renderJobDetail(SPECIAL_JOB_IDS.readyCleanup)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Cancel job' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel job' }))
    expect(await screen.findByText('The server accepted the cancel but the job did not change — it may not be cancellable.')).toBeInTheDocument()
    expect(screen.queryByText('Job canceled.')).toBeNull()
  })

  it('shows a 403 "Job is not cancellable" as an error, never as done', async () => {
    useMockWorld('errors')
    renderJobDetail(FAULT_JOB_IDS.cancelForbidden)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Cancel job' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel job' }))
    const alert = (await screen.findByText('The job was not canceled')).closest<HTMLElement>('[role="alert"]')!
    expect(alert).toHaveTextContent('Job is not cancellable')
    expect(screen.queryByText(/Job canceled/)).toBeNull()
  })
})

describe('cancel a running workflow run', () => {
  beforeEach(() => {
    mockServer.events.removeAllListeners()
    useMockWorld('default')
  })

  it('is offered to admins, through the workflow route, and the run ends terminated', async () => {
    const workflowCancels = countRequests('PUT', /^\/mock\/supervisor\/workflows\/[0-9a-f]{24}\/job\/[0-9a-f]{24}\/cancel$/)
    const jobCancels = countRequests('PUT', /\/demo\/job\/[0-9a-f]{24}\/cancel$/)
    renderJobDetail(SPECIAL_JOB_IDS.workflowJob, { session: { token: 'admin-token', customer: 'demo', supervisorUrl: null, persist: 'memory' } })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Cancel job' }))
    const dialog = screen.getByRole('alertdialog')
    expect(dialog).toHaveTextContent('The workflow run is running')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel job' }))
    expect(await screen.findByText(/^Job terminated/)).toBeInTheDocument()
    expect(workflowCancels.count).toBe(1)
    expect(jobCancels.count).toBe(0)
  })

  it('is not offered to a non-admin (the server would refuse it)', async () => {
    renderJobDetail(SPECIAL_JOB_IDS.workflowJob)
    expect(await screen.findByRole('heading', { level: 1, name: 'Release pipeline' })).toBeInTheDocument()
    // the profile (jane, manager) has loaded once the owner shows
    await screen.findAllByText(/jane@example.com/)
    expect(screen.queryByRole('button', { name: 'Cancel job' })).toBeNull()
  })
})

describe('approval and run again', () => {
  beforeEach(() => {
    useMockWorld('default')
  })

  it('decides an approval with the task’s own labels', async () => {
    renderJobDetail(APPROVAL_JOB_IDS.refundShipIt)
    const user = userEvent.setup()
    const approve = await screen.findByRole('button', { name: 'Ship it' })
    await user.click(approve)
    expect(await screen.findByText('Decision sent: Ship it.')).toBeInTheDocument()
    // Decided: the button keeps its place, disabled and pressed, while the job finishes.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ship it' })).toBeDisabled())
    expect(screen.getByRole('button', { name: 'Ship it' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('a double click on Approve decides once and never lands on the button that follows (Run again)', async () => {
    const puts = countRequests('PUT', /\/(approve|reject)$/)
    const posts = countRequests('POST', /\/job$/)
    renderJobDetail(APPROVAL_JOB_IDS.refundShipIt)
    const user = userEvent.setup()
    const approve = await screen.findByRole('button', { name: 'Ship it' })
    const row = approve.parentElement!
    const before = within(row).getAllByRole('button').map((b) => b.textContent)
    await user.dblClick(approve)
    expect(await screen.findByText('Decision sent: Ship it.')).toBeInTheDocument()
    // The job finishes (no decision, no cancel any more): every button is still where it was.
    await waitFor(() => expect(within(row).getByRole('button', { name: 'Cancel job' })).toBeDisabled())
    expect(within(row).getAllByRole('button').map((b) => b.textContent)).toEqual(before)
    // The second click of the double click, and an Enter, hit the same (now disabled) place.
    await user.click(approve)
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(puts.count).toBe(1)
    expect(posts.count).toBe(0)
  })

  it('Enter on Approve hands the keyboard to the outcome line (the button stays, disabled)', async () => {
    renderJobDetail(APPROVAL_JOB_IDS.refundShipIt)
    const user = userEvent.setup()
    const approve = await screen.findByRole('button', { name: 'Ship it' })
    approve.focus()
    await user.keyboard('{Enter}')
    const outcome = await screen.findByText('Decision sent: Ship it.')
    await waitFor(() => expect(approve).toBeDisabled())
    await waitFor(() => expect(outcome.closest('p')).toHaveFocus())
  })

  it('a refused decision hands the keyboard to the error', async () => {
    mockServer.use(http.put('*/mock/supervisor/demo/job/:id/approve', () => HttpResponse.json({ statusCode: 500, message: 'boom' }, { status: 500 })))
    renderJobDetail(APPROVAL_JOB_IDS.refundShipIt)
    const user = userEvent.setup()
    ;(await screen.findByRole('button', { name: 'Ship it' })).focus()
    await user.keyboard('{Enter}')
    const alert = (await screen.findByText('“Ship it” was not recorded')).closest<HTMLElement>('[role="alert"]')!
    await waitFor(() => expect(alert).toHaveFocus())
  })

  it('runs a job again with an edited argument and lands on the new job', async () => {
    const { router } = renderJobDetail(SPECIAL_JOB_IDS.readyCleanup)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Run again' }))
    const dialog = screen.getByRole('dialog')
    const directory = within(dialog).getByRole('textbox', { name: /directory/ })
    expect(directory).toHaveValue('/tmp/cache')
    await user.clear(directory)
    await user.type(directory, '/var/tmp')
    await user.click(within(dialog).getByRole('button', { name: 'Start new job' }))
    await waitFor(() => expect(router.state.location.pathname).not.toBe(`/jobs/${SPECIAL_JOB_IDS.readyCleanup}`))
    expect(router.state.location.pathname).toMatch(/^\/jobs\/[0-9a-f]{24}$/)
    // The old page may still be on screen for a render: wait for the new job's arguments.
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Arguments' })).getByText('/var/tmp')).toBeInTheDocument())
  })

  it('restarts a finished script job with its arguments, and it runs again', async () => {
    renderJobDetail(SPECIAL_JOB_IDS.finishedBackup, { config: { refreshIntervalMs: 60_000 } })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Restart' }))
    const dialog = screen.getByRole('dialog')
    // A fixed argument is shown, not editable: the server uses the task's value.
    expect(within(dialog).getByRole('region', { name: 'Fixed values' })).toHaveTextContent(/compression/)
    expect(within(dialog).queryByRole('textbox', { name: /compression/ })).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Restart job' }))
    expect(await screen.findByText('Job restarted: it is queued to run again.')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Cancel job' })).toBeInTheDocument())
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

describe('a create that gets no answer is never repeated blindly', () => {
  beforeEach(() => {
    mockServer.events.removeAllListeners()
    sessionStorage.clear()
  })

  it('after a timeout on POST /job, shows the job it may have created and asks again before starting another', async () => {
    const db = useMockWorld('default')
    // The server creates the job, but its answer never arrives.
    db.failNext(/^POST \/job$/, 'done-then-hang')
    const posts = countRequests('POST', /\/job$/)
    const { router } = renderJobDetail(SPECIAL_JOB_IDS.readyCleanup, { config: { requestTimeoutMs: 1000 } })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Run again' }))
    const dialog = screen.getByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Start new job' }))

    const alert = await within(dialog).findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent(/did not answer/)
    expect(alert).not.toHaveTextContent(/refused/)
    const found = await within(alert).findByRole('link', { name: 'Cleanup tmp' })
    expect(found.getAttribute('href')).toMatch(/^\/jobs\/[0-9a-f]{24}$/)
    expect(found.getAttribute('href')).not.toBe(`/jobs/${SPECIAL_JOB_IDS.readyCleanup}`)
    expect(posts.count).toBe(1)

    // Starting another needs the second, explicit confirmation, which says so.
    expect(within(dialog).queryByRole('button', { name: 'Start new job' })).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Start another job anyway' }))
    await waitFor(() => expect(router.state.location.pathname).not.toBe(`/jobs/${SPECIAL_JOB_IDS.readyCleanup}`))
    expect(posts.count).toBe(2)
  })

  it('says "refused" only when the server answered with an error status', async () => {
    useMockWorld('default')
    mockServer.use(http.post('*/mock/supervisor/job', () => HttpResponse.json('task is required', { status: 400 })))
    renderJobDetail(SPECIAL_JOB_IDS.readyCleanup)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Run again' }))
    const dialog = screen.getByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Start new job' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The server refused this: task is required')
    expect(within(dialog).getByRole('button', { name: 'Start new job' })).toBeEnabled()
  })
})

describe('what was typed survives the page going away (a 401 and signing in again)', () => {
  beforeEach(() => {
    useMockWorld('default')
    mockServer.events.removeAllListeners()
    sessionStorage.clear()
  })

  it('reopens the Run again dialog with the edited values, and forgets them once closed', async () => {
    const first = renderJobDetail(SPECIAL_JOB_IDS.readyCleanup)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Run again' }))
    const directory = within(screen.getByRole('dialog')).getByRole('textbox', { name: /directory/ })
    await user.clear(directory)
    await user.type(directory, '/srv/typed-before-401')
    first.unmount()

    renderJobDetail(SPECIAL_JOB_IDS.readyCleanup)
    const dialog = await screen.findByRole('dialog', { name: /Run “Cleanup tmp” again/ })
    expect(await within(dialog).findByRole('textbox', { name: /directory/ })).toHaveValue('/srv/typed-before-401')
    expect(JSON.stringify({ ...sessionStorage })).not.toMatch(/demo-token/)

    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(Object.keys({ ...sessionStorage }).filter((k) => k.startsWith('theeye.draft.'))).toEqual([])
  })

  it('keeps the input form’s values, never a masked one', async () => {
    const first = renderJobDetail(SPECIAL_JOB_IDS.inputDummy)
    const user = userEvent.setup()
    const panel = await screen.findByRole('region', { name: 'Input requested' })
    await user.type(within(panel).getByRole('textbox', { name: /ticket/ }), 'INC-4242')
    await user.type(within(panel).getByRole('textbox', { name: /notes/ }), 'typed before the 401')
    first.unmount()

    renderJobDetail(SPECIAL_JOB_IDS.inputDummy)
    const again = await screen.findByRole('region', { name: 'Input requested' })
    expect(await within(again).findByRole('textbox', { name: /ticket/ })).toHaveValue('INC-4242')
    expect(within(again).getByRole('textbox', { name: /notes/ })).toHaveValue('typed before the 401')
  })
})
