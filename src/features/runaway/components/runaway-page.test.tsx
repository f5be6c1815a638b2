import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { HOSTILE_JOB_IDS, RUNAWAY_JOB_ID_MAP, RUNAWAY_JOB_IDS, TASK_IDS } from '@/mocks/db'
import { mockServer, useMockWorld } from '@/mocks/node'
import { renderWithProviders } from '@/testing/render'
import { RunawayPage } from './runaway-page'

function renderPage(config = {}) {
  return renderWithProviders(null, {
    route: '/runaway',
    config,
    routes: [
      { path: '/runaway', element: <RunawayPage /> },
      { path: '/jobs/:jobId', element: <p>Job detail page</p> },
    ],
  })
}

/** The table body rows (the header row is in thead). */
async function jobRows() {
  const table = await screen.findByRole('table')
  return within(table).getAllByRole('row').slice(1)
}

function nameOf(id: string, db: ReturnType<typeof useMockWorld>) {
  return String(db.getJob(id)!.name)
}

let db: ReturnType<typeof useMockWorld>
beforeEach(() => {
  db = useMockWorld('default')
})

describe('the runaway page', () => {
  it('lists exactly the runaway jobs of the default world, furthest over first, with why in words and numbers', async () => {
    renderPage()
    expect(screen.getByRole('status', { name: 'Loading runaway jobs' })).toBeInTheDocument()
    const rows = await jobRows()
    expect(rows).toHaveLength(3)
    const ids = rows.map((r) => within(r).getAllByRole('link')[0].getAttribute('href')!.split('/').pop())
    expect(new Set(ids)).toEqual(new Set(RUNAWAY_JOB_IDS))

    // Sync inventory: 20 min against a usual ~30 s is further over than 2 h queued against 15 min
    // or 45 min against a 10 min timeout: ratio order, not age order.
    const ratios = rows.map((r) => Number(within(r).getByText(/^\d+(\.\d+)?×$/).textContent!.replace('×', '')))
    expect([...ratios].sort((a, b) => b - a)).toEqual(ratios)

    const backup = rows.find((r) => within(r).queryByRole('link', { name: nameOf(RUNAWAY_JOB_ID_MAP.pastTimeout, db) }))!
    // Backup DB exceeds both limits; its runs take ~2 min, so "3 × median" is the larger ratio
    // and names the reason, while the timeout figure is still shown.
    expect(within(backup).getByText(/^Running 4[45]m( \d+s)?, \d+(\.\d)?× its usual .* \(3 × its median run of .*\)$/)).toBeInTheDocument()
    expect(within(backup).getByText('timeout 10m')).toBeInTheDocument()

    const queued = rows.find((r) => within(r).queryByRole('link', { name: nameOf(RUNAWAY_JOB_ID_MAP.queuedTooLong, db) }))!
    expect(within(queued).getByText(/^Queued 2h.*agent down\?$/)).toBeInTheDocument()
    // who started it: resolved to a name, with how
    expect(await within(queued).findByText('bob (via the scheduler)')).toBeInTheDocument()
    expect(within(backup).getByText('you')).toBeInTheDocument()

    const sync = rows.find((r) => within(r).queryByRole('link', { name: nameOf(RUNAWAY_JOB_ID_MAP.pastMedian, db) }))!
    expect(within(sync).getByText(/^Running (19m 5\d+s|20m( \d+s)?), \d+× its usual .* \(3 × its median run of 30s\)$/)).toBeInTheDocument()
    // both figures: the history limit it exceeded and the timeout it did not
    expect(within(sync).getByText(/^usual .*3 × median/)).toBeInTheDocument()
    expect(within(sync).getByText('timeout 1h (within)')).toBeInTheDocument()

    await waitFor(() => expect(document.title).toMatch(/^Runaway \(3\)/))
  })

  it('links each job name to its detail page', async () => {
    renderPage()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('link', { name: nameOf(RUNAWAY_JOB_ID_MAP.pastTimeout, db) }))
    expect(await screen.findByText('Job detail page')).toBeInTheDocument()
  })

  it('says "No runaway jobs" and what the rules are when nothing is flagged', async () => {
    useMockWorld('empty')
    renderPage()
    expect(await screen.findByRole('heading', { name: /No runaway jobs/ })).toBeInTheDocument()
    expect(screen.getByText(/Queued \(ready\) for more than 15m/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Cancel all' })).not.toBeInTheDocument()
    await waitFor(() => expect(document.title).toMatch(/^Runaway \(0\)/))
  })

  it('shows an error with Retry when the running jobs cannot be loaded, and recovers', async () => {
    mockServer.use(http.get('*/mock/supervisor/:customer/job', () => HttpResponse.json('Internal Server Error', { status: 500 })))
    renderPage()
    const alert = (await screen.findByText('Could not load the running jobs')).closest('[role="alert"]') as HTMLElement
    expect(alert).toHaveTextContent('The server failed to handle the request')
    mockServer.resetHandlers()
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await jobRows()).toHaveLength(3)
  })

  it('survives the hostile world: script data shows as text, never as markup', async () => {
    const hostile = useMockWorld('hostile')
    // Make the job with an HTML/script name a runaway, so it is rendered in the table.
    const stuck = hostile.getJob(HOSTILE_JOB_IDS.xssName)!
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString()
    Object.assign(stuck, { lifecycle: 'assigned', state: 'in_progress', creation_date: twoHoursAgo, last_update: twoHoursAgo, timeout: 60_000 })
    const { container } = renderPage()
    const link = await screen.findByRole('link', { name: (name) => name.includes('<img src=x onerror=') })
    expect(link).toHaveAttribute('href', `/jobs/${stuck.id}`)
    expect(container.querySelector('script, img, iframe')).toBeNull()
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined()
  })

  it('explains a job whose task does not allow cancelling instead of hiding it', async () => {
    db.getTask(TASK_IDS.backupDb)!.cancellable = false
    renderPage()
    const name = nameOf(RUNAWAY_JOB_ID_MAP.pastTimeout, db)
    const link = await screen.findByRole('link', { name })
    const row = link.closest('tr')!
    expect(await within(row).findByText('Its task does not allow cancelling; ask an admin.')).toBeInTheDocument()
    expect(within(row).getByRole('button', { name: 'Cancel job' })).toBeDisabled()
    expect(within(row).getByRole('checkbox', { name: `Select ${name}` })).toBeDisabled()
  })
})

describe('cancelling', () => {
  it('cancels the selected jobs one by one, reports each; they stay in place with their outcome, then leave', async () => {
    const puts: string[] = []
    mockServer.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') puts.push(new URL(request.url).pathname)
    })
    renderPage()
    const user = userEvent.setup()
    await jobRows()
    const running = nameOf(RUNAWAY_JOB_ID_MAP.pastTimeout, db)
    const queued = nameOf(RUNAWAY_JOB_ID_MAP.queuedTooLong, db)
    await user.click(screen.getByRole('checkbox', { name: `Select ${running}` }))
    await user.click(screen.getByRole('checkbox', { name: `Select ${queued}` }))
    await user.click(screen.getByRole('button', { name: 'Cancel 2 jobs' }))

    const dialog = screen.getByRole('alertdialog', { name: 'Cancel 2 jobs?' })
    const list = within(dialog).getByRole('list', { name: 'Jobs to cancel' })
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    expect(list).toHaveTextContent(running)
    expect(list).toHaveTextContent(queued)
    const confirm = within(dialog).getByRole('button', { name: 'Cancel 2 jobs' })
    await user.dblClick(confirm)

    expect(await within(dialog).findByText('All 2 jobs were cancelled.')).toBeInTheDocument()
    expect(within(dialog).getByText(/^Terminated/)).toBeInTheDocument()
    expect(within(dialog).getByText('Cancelled')).toBeInTheDocument()
    // one PUT per job, even after a double click
    expect(puts.filter((p) => p.endsWith('/cancel'))).toHaveLength(2)
    mockServer.events.removeAllListeners()

    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    // Nothing moved: the cancelled rows are where they were, their outcome where their button was.
    const rows = await jobRows()
    expect(rows).toHaveLength(3)
    const runningRow = screen.getByRole('link', { name: running }).closest('tr')!
    expect(within(runningRow).getByRole('status')).toHaveTextContent(`Terminated (the supervisor ignores its agent’s later result): ${running}`)
    expect(within(runningRow).queryByRole('button', { name: 'Cancel job' })).not.toBeInTheDocument()
    expect(within(runningRow).getByRole('checkbox')).toBeDisabled()
    // The keyboard is back on that row, not thrown to the top of the page.
    await waitFor(() => expect([running, queued]).toContain(document.activeElement?.textContent))
    // Once the user has moved on (pointer and focus out of the table) and the moment has passed, they leave.
    await user.click(screen.getByRole('heading', { level: 1, name: 'Runaway jobs' }))
    // (jsdom's pointer does not say it left the table: say it as the browser does)
    fireEvent.pointerOut(screen.getByRole('table'), { relatedTarget: document.body })
    await waitFor(async () => expect(await jobRows()).toHaveLength(1), { timeout: 8000 })
    expect(screen.queryByRole('link', { name: running })).not.toBeInTheDocument()
    expect(db.getJob(RUNAWAY_JOB_ID_MAP.pastTimeout)!.lifecycle).toBe('terminated')
    expect(db.getJob(RUNAWAY_JOB_ID_MAP.queuedTooLong)!.lifecycle).toBe('canceled')
    // It waits out the few visible seconds on purpose.
  }, 30_000)

  it('says so when the server answers 204 but the job does not change', async () => {
    mockServer.use(http.put('*/mock/supervisor/:customer/job/:job/cancel', () => new HttpResponse(null, { status: 204 })))
    renderPage()
    const user = userEvent.setup()
    const name = nameOf(RUNAWAY_JOB_ID_MAP.pastTimeout, db)
    const row = (await screen.findByRole('link', { name })).closest('tr')!
    await user.click(within(row).getByRole('button', { name: 'Cancel job' }))
    const dialog = screen.getByRole('alertdialog', { name: `Cancel job “${name}”?` })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel job' }))

    expect(await within(dialog).findByText('Unchanged: the server accepted but the job did not change')).toBeInTheDocument()
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The job was not cancelled.')
    expect(within(dialog).queryByText('The job was cancelled.')).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    // still runaway, still listed
    expect(await screen.findByRole('link', { name })).toBeInTheDocument()
  })

  it('reports a 403 as not cancellable, with the server’s message, and carries on with the rest', async () => {
    mockServer.use(
      http.put(`*/mock/supervisor/:customer/job/${RUNAWAY_JOB_ID_MAP.pastTimeout}/cancel`, () =>
        HttpResponse.json({ statusCode: 403, message: 'Job is not cancellable' }, { status: 403 }),
      ),
    )
    renderPage()
    const user = userEvent.setup()
    await jobRows()
    await user.click(screen.getByRole('button', { name: 'Cancel all' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Cancel 3 jobs?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 3 jobs' }))

    expect(await within(dialog).findByText('Not cancellable: Job is not cancellable')).toBeInTheDocument()
    expect(within(dialog).getByRole('alert')).toHaveTextContent('1 of 3 jobs were not cancelled')
    expect(db.getJob(RUNAWAY_JOB_ID_MAP.pastMedian)!.lifecycle).toBe('terminated')
    expect(db.getJob(RUNAWAY_JOB_ID_MAP.queuedTooLong)!.lifecycle).toBe('canceled')
    expect(db.getJob(RUNAWAY_JOB_ID_MAP.pastTimeout)!.lifecycle).toBe('assigned')
  })

  it('reports other failures with their message', async () => {
    mockServer.use(http.put('*/mock/supervisor/:customer/job/:job/cancel', () => HttpResponse.json('Internal Server Error', { status: 500 })))
    renderPage()
    const user = userEvent.setup()
    const name = nameOf(RUNAWAY_JOB_ID_MAP.queuedTooLong, db)
    const row = (await screen.findByRole('link', { name })).closest('tr')!
    await user.click(within(row).getByRole('button', { name: 'Cancel job' }))
    const dialog = screen.getByRole('alertdialog')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel job' }))
    expect(await within(dialog).findByText(/^Failed: The server failed to handle the request/)).toBeInTheDocument()
  })

  it('keeps the dialog open, acting on the same jobs, while the list refreshes underneath', async () => {
    renderPage({ refreshIntervalMs: 100 })
    const user = userEvent.setup()
    await jobRows()
    const name = nameOf(RUNAWAY_JOB_ID_MAP.pastMedian, db)
    await user.click(screen.getByRole('checkbox', { name: `Select ${name}` }))
    await user.click(screen.getByRole('button', { name: 'Cancel 1 job' }))
    const dialog = screen.getByRole('alertdialog', { name: `Cancel job “${name}”?` })

    // Meanwhile, another job is cancelled elsewhere: the next poll drops it from the list.
    const other = nameOf(RUNAWAY_JOB_ID_MAP.queuedTooLong, db)
    db.updateJob(db.getJob(RUNAWAY_JOB_ID_MAP.queuedTooLong)!, (j) => {
      j.lifecycle = 'canceled'
      j.state = 'canceled'
    })
    await waitFor(() => expect(screen.queryByRole('link', { name: other })).not.toBeInTheDocument())

    expect(dialog).toBeInTheDocument()
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(1)
    expect(dialog).toHaveTextContent(name)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel job' }))
    expect(await within(dialog).findByText('The job was cancelled.')).toBeInTheDocument()
    expect(db.getJob(RUNAWAY_JOB_ID_MAP.pastMedian)!.lifecycle).toBe('terminated')
  })

  it('shows progress while it works', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    mockServer.use(
      http.put('*/mock/supervisor/:customer/job/:job/cancel', async () => {
        await gate
        return new HttpResponse(null, { status: 204 })
      }),
    )
    renderPage()
    const user = userEvent.setup()
    await jobRows()
    await user.click(screen.getByRole('button', { name: 'Cancel all' }))
    const dialog = screen.getByRole('alertdialog')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel 3 jobs' }))
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Cancelling 1 of 3…')
    expect(within(dialog).getByRole('button', { name: 'Cancel 3 jobs' })).toBeDisabled()
    release()
    expect(await within(dialog).findByRole('button', { name: 'Close' })).toBeInTheDocument()
  })
})
