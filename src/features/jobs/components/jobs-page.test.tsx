import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TASK_IDS } from '@/mocks/ids'
import { mockServer, useMockWorld } from '@/mocks/node'
import { DEMO_SESSION, renderWithProviders } from '@/testing/render'
import { JobsPage } from './jobs-page'

/** Every `GET …/demo/job` list request the page sends, as decoded query strings. */
function captureListRequests(): URLSearchParams[] {
  const seen: URLSearchParams[] = []
  mockServer.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    if (request.method === 'GET' && /\/mock\/supervisor\/demo\/job$/.test(url.pathname)) seen.push(url.searchParams)
  })
  return seen
}

function renderJobs(route = '/jobs', opts: Omit<Parameters<typeof renderWithProviders>[1] & object, 'route' | 'routes'> = {}) {
  return renderWithProviders(null, {
    ...opts,
    route,
    routes: [
      { path: '/jobs', element: <JobsPage /> },
      { path: '/jobs/:jobId', element: <p>Job detail page</p> },
    ],
  })
}

const listUrl = '*/mock/supervisor/:customer/job'

// The machine is shared and slow at times: give async queries room (they still fail on a real bug).
configure({ asyncUtilTimeout: 4000 })

beforeEach(() => {
  useMockWorld('default')
})
afterEach(() => {
  mockServer.events.removeAllListeners()
})

describe('jobs list: filters <-> URL <-> request', () => {
  it('lists jobs newest first, each a link to its detail', async () => {
    renderJobs()
    const table = await screen.findByRole('table')
    const links = await within(table).findAllByRole('link')
    expect(links.length).toBeGreaterThan(5)
    expect(links[0]).toHaveAttribute('href', expect.stringMatching(/^\/jobs\/[0-9a-f]{24}$/))
    expect(document.title).toMatch(/^Jobs/)
  })

  it('picking a task in the "Task" combobox puts task=<id> in the URL and where[task_id]=<id> (never include) in the request', async () => {
    const requests = captureListRequests()
    const user = userEvent.setup()
    const { router } = renderJobs()
    await screen.findAllByRole('link')
    const task = screen.getByRole('combobox', { name: 'Task' })
    await user.click(task)
    const list = await screen.findByRole('listbox', { name: 'Task' })
    await user.click(await within(list).findByRole('option', { name: 'Backup DB' }))

    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('task')).toEqual([TASK_IDS.backupDb]))
    await waitFor(() => expect(requests.some((q) => q.get('where[task_id]') === TASK_IDS.backupDb)).toBe(true))
    for (const q of requests) expect([...q.keys()].filter((k) => k.startsWith('include'))).toEqual([])
    // The pick shows as a removable chip, and the list stays open for another pick.
    expect(screen.getByRole('button', { name: 'Remove Backup DB' })).toBeInTheDocument()
    expect(within(list).getByRole('option', { name: 'Backup DB' })).toHaveAttribute('aria-selected', 'true')
    // Every row now belongs to that task (Status, Name, Task, ...).
    const table = screen.getByRole('table')
    await waitFor(() => {
      const cells = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[2]?.textContent)
      expect(cells.length).toBeGreaterThan(0)
      expect(new Set(cells)).toEqual(new Set(['Backup DB']))
    })
    // Per-task insight appears for exactly one task.
    expect(await screen.findByText('Success rate')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: /Duration of recent runs/ })).toBeInTheDocument()
    // ...with the way to start that task: its run form.
    expect(screen.getByRole('link', { name: 'Run this task' })).toHaveAttribute('href', `/tasks/${TASK_IDS.backupDb}/run`)
  })

  it("gives no task success rate while the list is filtered by state (only those states are loaded)", async () => {
    renderJobs(`/jobs?task=${TASK_IDS.backupDb}`)
    await within(await screen.findByRole('table')).findAllByRole('link')
    const rate = () => screen.getByText('Success rate').nextElementSibling
    await waitFor(() => expect(rate()).toHaveTextContent(/^\d+% \(\d+ of \d+ finished\)$/))
    cleanup()
    renderJobs(`/jobs?task=${TASK_IDS.backupDb}&state=failure`)
    await screen.findByText('Success rate')
    expect(rate()).toHaveTextContent('— (not with a state filter: only failure jobs are loaded)')
    expect(rate()).not.toHaveTextContent('%')
  })

  it('typing in "Task" narrows the options, Enter picks the match, a second pick adds, a chip removes', async () => {
    const requests = captureListRequests()
    const user = userEvent.setup()
    const { router } = renderJobs()
    await screen.findAllByRole('link')
    const task = screen.getByRole('combobox', { name: 'Task' })
    await user.type(task, 'rotat')
    const list = await screen.findByRole('listbox', { name: 'Task' })
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['✓Rotate logs'])
    await user.keyboard('{Enter}')
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('task')).toEqual([TASK_IDS.rotateLogs]))
    await waitFor(() => expect(requests.some((q) => q.get('where[task_id]') === TASK_IDS.rotateLogs)).toBe(true))
    // The box clears and every task is listed again, the picked one selected.
    expect(task).toHaveValue('')
    expect(within(list).getByRole('option', { name: 'Rotate logs' })).toHaveAttribute('aria-selected', 'true')
    expect(within(list).getAllByRole('option').length).toBeGreaterThan(5)
    await user.type(task, 'backup{Enter}')
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('task')).toEqual([TASK_IDS.rotateLogs, TASK_IDS.backupDb]))
    await user.click(screen.getByRole('button', { name: 'Remove Rotate logs' }))
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('task')).toEqual([TASK_IDS.backupDb]))
  })

  it('the State filter takes several states in words, writes state=failure&state=timeout and asks with $in', async () => {
    const requests = captureListRequests()
    const user = userEvent.setup()
    const { router } = renderJobs()
    await screen.findAllByRole('link')
    await user.click(screen.getByRole('combobox', { name: 'State' }))
    const list = await screen.findByRole('listbox', { name: 'State' })
    // Options named by the state's value (ui-contract.md), as the URL carries it.
    expect(within(list).getByRole('option', { name: 'in_progress' })).toBeInTheDocument()
    await user.click(within(list).getByRole('option', { name: 'failure' }))
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('state')).toEqual(['failure']))
    await waitFor(() => expect(requests.some((q) => q.get('where[state]') === 'failure')).toBe(true))
    await waitFor(() => {
      const badges = within(screen.getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]?.textContent)
      expect(badges.length).toBeGreaterThan(0)
      expect(badges.every((b) => b?.includes('failure'))).toBe(true)
    })
    await user.click(within(list).getByRole('option', { name: 'timeout' }))
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('state')).toEqual(['failure', 'timeout']))
    await waitFor(() => expect(requests.some((q) => new Set(q.getAll('where[state][$in][]')).size === 2)).toBe(true))
  })

  it('a state count is a button that filters by that state, and again shows every state', async () => {
    const user = userEvent.setup()
    const { router } = renderJobs()
    await screen.findAllByRole('link')
    const counts = screen.getByRole('region', { name: 'State counts of loaded jobs' })
    const failure = within(counts).getByRole('button', { name: /^failure, \d+ jobs?$/ })
    await user.click(failure)
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('state')).toEqual(['failure']))
    await waitFor(() => expect(within(counts).getByRole('button', { name: /^failure, \d+ jobs?$/ })).toHaveAttribute('aria-pressed', 'true'))
    await user.click(within(counts).getByRole('button', { name: /^failure, \d+ jobs?$/ }))
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).getAll('state')).toEqual([]))
  })

  it('a Created preset writes a rolling since=24h (not a date) and asks for the last 24 hours', async () => {
    const requests = captureListRequests()
    const user = userEvent.setup()
    const { router } = renderJobs()
    await screen.findAllByRole('link')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Created' }), 'Last 24 hours')
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('since')).toBe('24h'))
    expect(new URLSearchParams(router.state.location.search).get('from')).toBeNull()
    await waitFor(() => expect(requests.some((q) => q.get('where[creation_date][$gte]'))).toBe(true))
    const gte = Date.parse(requests.findLast((q) => q.get('where[creation_date][$gte]'))!.get('where[creation_date][$gte]')!)
    expect(Math.abs(Date.now() - 86_400_000 - gte)).toBeLessThan(60_000)
  })

  it('a link with ?task=a&task=b shows both as chips and asks with $in', async () => {
    const requests = captureListRequests()
    renderJobs(`/jobs?task=${TASK_IDS.backupDb}&task=${TASK_IDS.rotateLogs}`)
    expect(await screen.findByRole('button', { name: 'Remove Backup DB' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Remove Rotate logs' })).toBeInTheDocument()
    await waitFor(() => expect(requests.length).toBeGreaterThan(0))
    const ids = requests[0]!.getAll('where[task_id][$in][]')
    expect(new Set(ids)).toEqual(new Set([TASK_IDS.backupDb, TASK_IDS.rotateLogs]))
    expect(requests[0]!.get('limit')).toBe('100')
  })

  it('text search narrows the loaded jobs client-side and says so', async () => {
    const user = userEvent.setup()
    const { router } = renderJobs()
    await screen.findAllByRole('link')
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'rotate')
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('rotate'))
    expect(await screen.findByText(/Text search narrows the \d+ loaded jobs/)).toBeInTheDocument()
    await waitFor(() => {
      const names = within(screen.getByRole('table')).getAllByRole('link').map((a) => a.textContent)
      expect(names.length).toBeGreaterThan(0)
      expect(names.every((n) => /rotate/i.test(n ?? ''))).toBe(true)
    })
  })
})

describe('jobs list: what is shown is what is searched', () => {
  it('shows owners by name with one participants request per distinct owner, not per row, and finds them by name', async () => {
    const participants: string[] = []
    mockServer.events.on('request:start', ({ request }) => {
      if (/\/participants$/.test(new URL(request.url).pathname)) participants.push(request.url)
    })
    const user = userEvent.setup()
    const { router } = renderJobs()
    const table = await screen.findByRole('table')
    await within(table).findAllByRole('link')
    // bob started some of the default world's jobs: his name, not "…4a1603".
    expect((await within(table).findAllByRole('cell', { name: 'bob' })).length).toBeGreaterThan(0)
    const rows = within(table).getAllByRole('row').length - 1
    expect(participants.length).toBeGreaterThan(0)
    expect(participants.length).toBeLessThan(Math.min(rows, 10))
    // The signed-in user is "you", without asking.
    expect(within(table).getAllByRole('cell', { name: 'you' }).length).toBeGreaterThan(0)

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'bob')
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('bob'))
    await waitFor(() => {
      const owners = within(screen.getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[5]?.textContent)
      expect(owners.length).toBeGreaterThan(0)
      expect(new Set(owners)).toEqual(new Set(['bob']))
    }, { timeout: 10_000 })
  }, 30_000)

  it('finds jobs by the host name the row shows', async () => {
    const user = userEvent.setup()
    renderJobs()
    const table = await screen.findByRole('table')
    await within(table).findAllByRole('link')
    await within(table).findAllByRole('cell', { name: 'db-01' })
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'db-01')
    await screen.findByText(/Text search narrows/, undefined, { timeout: 10_000 })
    await waitFor(() => {
      const hosts = within(screen.getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[6]?.textContent)
      expect(hosts.length).toBeGreaterThan(0)
      expect(new Set(hosts)).toEqual(new Set(['db-01']))
    }, { timeout: 10_000 })
  }, 30_000)
})

describe('jobs list: states', () => {
  it('says "No jobs yet" on an empty organization', async () => {
    useMockWorld('empty')
    renderJobs()
    expect(await screen.findByText('No jobs yet')).toBeInTheDocument()
    expect(screen.queryByText('No jobs match these filters')).not.toBeInTheDocument()
  })

  it('tells a non-admin with no jobs that the server lists only the jobs shared with them, and not an admin', async () => {
    useMockWorld('empty')
    const viewer = renderJobs('/jobs', { session: { ...DEMO_SESSION, token: 'viewer-token' } })
    expect(await screen.findByText(/signed in as a viewer: the server lists only the jobs shared with you/)).toBeInTheDocument()
    viewer.unmount()
    renderJobs('/jobs', { session: { ...DEMO_SESSION, token: 'admin-token' } })
    expect(await screen.findByText('No jobs yet')).toBeInTheDocument()
    expect(screen.queryByText(/shared with you/)).not.toBeInTheDocument()
  })

  it('says no jobs match, and Clear filters brings them back', async () => {
    const user = userEvent.setup()
    const { router } = renderJobs('/jobs?state=no-such-state')
    expect(await screen.findByText('No jobs match these filters')).toBeInTheDocument()
    const table = screen.getByRole('table')
    await user.click(within(table).getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(router.state.location.search).toBe(''))
    expect((await within(table).findAllByRole('link')).length).toBeGreaterThan(0)
  })

  it('shows an error with Retry when the list fails, and recovers', async () => {
    mockServer.use(http.get(listUrl, () => HttpResponse.json('Internal Server Error', { status: 500 }), { once: true }))
    const user = userEvent.setup()
    renderJobs()
    const alert = (await screen.findByText('Could not load jobs')).closest<HTMLElement>('[role="alert"]')!
    expect(alert).toBeVisible()
    // Header and filters stay while the body shows the error.
    expect(screen.getByRole('heading', { name: 'Jobs', level: 1 })).toBeInTheDocument()
    expect(screen.getByRole('combobox', { name: 'Task' })).toBeInTheDocument()
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect((await within(screen.getByRole('table')).findAllByRole('link')).length).toBeGreaterThan(0)
    expect(screen.queryByText('Could not load jobs')).not.toBeInTheDocument()
  })

  it('lists malformed items in a visible note and marks jobs with unexpected data', async () => {
    mockServer.use(
      http.get(listUrl, () =>
        HttpResponse.json([
          { id: '65f1c0de2a9b4c0012ab3403', name: 'Good job', _type: 'ScriptJob', state: 'success', lifecycle: 'finished', creation_date: '2024-03-13T15:00:00.000Z' },
          { id: '65f1c0de2a9b4c0012ab3402', name: 'Odd job', _type: 'ScriptJob', state: 'success', lifecycle: 'exploded', creation_date: '2024-03-13T15:00:00.000Z' },
          { name: 'No id at all', state: 'success' },
          'not even an object',
        ]),
      ),
    )
    renderJobs()
    expect(await screen.findByText('2 jobs could not be shown (unexpected data)')).toBeVisible()
    expect(screen.getByText(/the job has no id/)).toBeVisible()
    const odd = screen.getByRole('link', { name: 'Odd job' }).closest('tr')!
    expect(within(odd).getByText('unexpected data')).toBeVisible()
    const good = screen.getByRole('link', { name: 'Good job' }).closest('tr')!
    expect(within(good).queryByText('unexpected data')).not.toBeInTheDocument()
  })

  it('Load more asks for jobs older than the last loaded one (where[_id][$lt])', async () => {
    useMockWorld('big')
    const requests = captureListRequests()
    const user = userEvent.setup()
    renderJobs()
    await screen.findAllByRole('link')
    await waitFor(() => expect(requests.length).toBe(1))
    const more = await screen.findByRole('button', { name: 'Load more' })
    expect(screen.getByText(/^100 jobs loaded/)).toBeInTheDocument()
    await user.click(more)
    await waitFor(() => expect(requests.length).toBe(2))
    // The cursor is the id of the oldest job loaded so far: the last row in server order.
    const table = screen.getByRole('table')
    expect(table).toHaveAttribute('aria-rowcount', String(200 + 1))
    expect(requests[1]!.get('where[_id][$lt]')).toMatch(/^[0-9a-f]{24}$/)
    expect(requests[1]!.get('sort[_id]')).toBe('-1')
    expect(await screen.findByText(/^200 jobs loaded/)).toBeInTheDocument()
  })

  it('the first page is fetched once, not once per query', async () => {
    const requests = captureListRequests()
    renderJobs()
    await screen.findAllByRole('link')
    await new Promise((r) => setTimeout(r, 50))
    expect(requests.length).toBe(1)
  })
})

describe('jobs list: keyboard', () => {
  it('j/k select rows, Enter opens, ? shows the shortcuts, / focuses search', async () => {
    const user = userEvent.setup()
    renderJobs()
    const links = await within(await screen.findByRole('table')).findAllByRole('link')
    await user.keyboard('?')
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    await user.click(within(help).getByRole('button', { name: 'Close' }))
    await user.keyboard('/')
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus()
    // Shortcuts are ignored while typing.
    await user.keyboard('j')
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('j')
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }))
    ;(document.activeElement as HTMLElement).blur()
    await user.keyboard('jj')
    const rows = within(screen.getByRole('table')).getAllByRole('row')
    await waitFor(() => expect(rows[2]).toHaveAttribute('aria-selected', 'true'))
    await user.keyboard('k')
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')[1]).toHaveAttribute('aria-selected', 'true'))
    expect(links[0]).toBeInTheDocument()
    await user.keyboard('{Enter}')
    expect(await screen.findByText('Job detail page')).toBeInTheDocument()
  })
})

describe('jobs list: live refresh and history', () => {
  it('a failed background refresh keeps the table and says so quietly, with Retry', async () => {
    const user = userEvent.setup()
    renderJobs('/jobs', { config: { refreshIntervalMs: 1000 } })
    const table = await screen.findByRole('table')
    const first = await within(table).findAllByRole('link')
    // The first paint shows the rows that fit; those just out of view join right after it (jobs-table.tsx).
    await waitFor(() => expect(within(table).getAllByRole('link').length).toBeGreaterThan(first.length))
    const links = within(table).getAllByRole('link')
    mockServer.use(http.get(listUrl, () => HttpResponse.json('Internal Server Error', { status: 500 })))
    const banner = await screen.findByText(/Showing data from .* refresh failed/)
    expect(banner.closest('[role="status"]')).not.toBeNull()
    expect(links[0]).toBeInTheDocument()
    expect(within(screen.getByRole('table')).getAllByRole('link').length).toBe(links.length)
    mockServer.resetHandlers()
    await user.click(within(banner.closest<HTMLElement>('[role="status"]')!).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.queryByText(/refresh failed/)).not.toBeInTheDocument())
  })

  it('new jobs appear on refresh, merged with what is loaded', async () => {
    const db = useMockWorld('default')
    renderJobs('/jobs', { config: { refreshIntervalMs: 1000 } })
    const table = await screen.findByRole('table')
    await within(table).findAllByRole('link')
    const before = Number(table.getAttribute('aria-rowcount'))
    const template = db.jobs()[0]!
    db.insertJob({ ...template, id: db.newJobId(), name: 'Brand new job', lifecycle: 'ready', state: 'in_progress' } as typeof template)
    expect(await within(table).findByRole('link', { name: 'Brand new job' })).toBeInTheDocument()
    expect(Number(table.getAttribute('aria-rowcount'))).toBeGreaterThan(before)
  })

  it('is not offered to a user the gateway profile says is not an admin', async () => {
    renderJobs(`/jobs?task=${TASK_IDS.backupDb}`)
    await within(await screen.findByRole('table')).findAllByRole('link')
    await screen.findByText('Success rate')
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Clear finished history' })).not.toBeInTheDocument())
  })

  it('without a profile, a non-admin who clears history sees the server refuse, and nothing is claimed done', async () => {
    mockServer.use(http.get('*/mock/gateway/api/session/profile', () => HttpResponse.json('Not Found', { status: 404 })))
    const user = userEvent.setup()
    renderJobs(`/jobs?task=${TASK_IDS.backupDb}`)
    await within(await screen.findByRole('table')).findAllByRole('link')
    await user.click(screen.getByRole('button', { name: 'Clear finished history' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Clear finished history?' })
    expect(dialog).toHaveTextContent(/Backup DB/)
    expect(dialog).toHaveTextContent(/\d+ finished jobs? (is|are) loaded/)
    await user.click(within(dialog).getByRole('button', { name: 'Clear history' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/Nothing was deleted/)
    expect(screen.queryByText(/^Deleted \d+ jobs?/)).not.toBeInTheDocument()
  })

  it('an admin clears the history of the selected task and is told how many were deleted', async () => {
    const user = userEvent.setup()
    renderJobs(`/jobs?task=${TASK_IDS.backupDb}`, { session: { ...DEMO_SESSION, token: 'admin-token' } })
    await within(await screen.findByRole('table')).findAllByRole('link')
    await user.click(screen.getByRole('button', { name: 'Clear finished history' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Clear finished history?' })
    await user.click(within(dialog).getByRole('button', { name: 'Clear history' }))
    expect(await screen.findByText(/^Deleted [1-9]\d* jobs?/)).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    // Only unfinished Backup DB jobs remain.
    await waitFor(() => {
      const lifecycles = within(screen.getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[7]?.textContent ?? '')
      expect(lifecycles.length).toBeGreaterThan(0)
      expect(lifecycles.some((l) => /finished|canceled|terminated/.test(l))).toBe(false)
    })
  })
})

describe('jobs list: created range and empty results (QA)', () => {
  const fromParam = (router: { state: { location: { search: string } } }) => new URLSearchParams(router.state.location.search).get('from')

  it('editing the year of a custom date keeps the field and the filter until the year is whole', async () => {
    const { router } = renderJobs('/jobs?from=2026-03-15T14:30:00.000Z')
    await screen.findAllByRole('link')
    const from = screen.getByLabelText('Created from')
    expect(from).toHaveValue(toLocal('2026-03-15T14:30:00.000Z'))
    // The browser reports each keystroke of a retyped year: 0002, 0020, 0202, then 2025.
    fireEvent.input(from, { target: { value: '0002-03-15T10:30' } })
    await new Promise((r) => setTimeout(r, 600))
    expect(fromParam(router)).toBe('2026-03-15T14:30:00.000Z')
    expect(from).toHaveValue('0002-03-15T10:30')
    fireEvent.input(from, { target: { value: '2025-03-15T10:30' } })
    await waitFor(() => expect(fromParam(router)).toBe(new Date('2025-03-15T10:30').toISOString()))
    expect(from).toHaveValue('2025-03-15T10:30')
  })

  it('a date from the URL shows in the field, and Clear dates removes both ends', async () => {
    const user = userEvent.setup()
    const { router } = renderJobs('/jobs?from=0999-01-01T00:00:00.000Z&to=2026-03-15T14:30:00.000Z')
    await screen.findByRole('table')
    expect(screen.getByLabelText('Created from')).toHaveValue(toLocal('0999-01-01T00:00:00.000Z'))
    expect(screen.getByText(/Times in your time zone/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Clear dates' }))
    await waitFor(() => expect(router.state.location.search).toBe(''))
    expect(screen.getByLabelText('Created from')).toHaveValue('')
    expect(screen.getByLabelText('Created to')).toHaveValue('')
  })

  it('an empty result says which filters are set, and that a start after the end cannot match', async () => {
    renderJobs('/jobs?state=timeout&lifecycle=ready&from=2026-03-15T14:30:00.000Z&to=2026-03-14T14:30:00.000Z')
    const why = await screen.findByRole('list', { name: 'Active filters' })
    expect(within(why).getByText('State: timeout')).toBeInTheDocument()
    expect(within(why).getByText('Lifecycle: ready')).toBeInTheDocument()
    expect(within(why).getByText(/the start is after the end/)).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('“From” is after “to”: no job can match.')
  })

  it('a text search that matches none of the loaded jobs says so and offers to load the rest', async () => {
    renderJobs('/jobs?q=zz-no-such-job')
    const why = await screen.findByRole('list', { name: 'Active filters' })
    expect(within(why).getByText(/Text “zz-no-such-job”: searched the \d+ loaded jobs; older jobs are not loaded yet/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Load all and search again' })).toBeInTheDocument()
  })

  it('the Filters panel is folded without filters (narrow screens) and unfolded by a link with filters or by /', async () => {
    const user = userEvent.setup()
    const first = renderJobs()
    await screen.findAllByRole('link')
    const toggle = screen.getByRole('button', { name: 'Filters' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await user.keyboard('/')
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus()
    first.unmount()

    renderJobs('/jobs?state=failure')
    const folded = await screen.findByRole('button', { name: /^Filters/ })
    expect(folded).toHaveAccessibleName('Filters · 1 active')
    expect(folded).toHaveAttribute('aria-expanded', 'true')
  })
})

/** What a datetime-local field shows for an ISO instant, in the test's time zone. */
function toLocal(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

describe('jobs list: a server that is slow to answer', () => {
  it('says within seconds that it is still waiting, naming the timeout, and shows the rows when they come', async () => {
    let release!: () => void
    const answered = new Promise<void>((r) => (release = r))
    mockServer.use(
      http.get(listUrl, async () => {
        await answered
        return HttpResponse.json([])
      }),
    )
    renderJobs('/jobs', { config: { requestTimeoutMs: 20_000 } })
    const notice = await screen.findByText(/Still waiting for the server to send the jobs/, {}, { timeout: 6000 })
    expect(notice.closest('[role="status"]')).toHaveTextContent(/gives up at 20 s/)
    release()
    await waitFor(() => expect(screen.queryByText(/Still waiting for the server/)).not.toBeInTheDocument())
  })
})

describe('jobs list: the keyboard stays on the page when a button it pressed gives way', () => {
  /** Holds every older page (a `where[_id][$lt]` request) until released; the mock answers it then. */
  function holdOlderPages() {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    mockServer.use(
      http.get(listUrl, async ({ request }) => {
        if (new URL(request.url).searchParams.has('where[_id][$lt]')) await gate
        // Nothing returned: the mock world's own handler answers.
      }),
    )
    return release
  }

  /** Older pages wait for `release`; Enter on "Load all", which gives way to "Stop loading" (focused). */
  async function startLoadAllByKeyboard() {
    const release = holdOlderPages()
    const user = userEvent.setup()
    renderJobs()
    ;(await screen.findByRole('button', { name: 'Load all' })).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Stop loading' })).toHaveFocus())
    return { user, release }
  }

  it('Load more keeps the focus while older jobs are left, and hands it to the status line when the last page removes it', async () => {
    useMockWorld('big', { size: 250 })
    const user = userEvent.setup()
    renderJobs()
    const more = await screen.findByRole('button', { name: 'Load more' })
    more.focus()
    await user.keyboard('{Enter}')
    expect(await screen.findByText(/^200 jobs loaded/)).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Load more' })).toBeEnabled())
    expect(screen.getByRole('button', { name: 'Load more' })).toHaveFocus()
    await user.keyboard('{Enter}')
    const status = await screen.findByText(/^All \d+ matching jobs loaded\.$/)
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
    await waitFor(() => expect(status).toHaveFocus())
  })

  it('Load all hands the focus to "Stop loading", and to the status line once everything is loaded', async () => {
    useMockWorld('big', { size: 700 })
    const { release } = await startLoadAllByKeyboard()
    release()
    const status = await screen.findByText(/^All \d+ matching jobs loaded\.$/)
    await waitFor(() => expect(status).toHaveFocus())
  })

  it('"Stop loading" hands the focus to "Load more", which takes its place', async () => {
    useMockWorld('big', { size: 700 })
    const { user, release } = await startLoadAllByKeyboard()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Load more' })).toHaveFocus())
    release()
  })

  it('Load all leaves the focus alone when the user moved it meanwhile', async () => {
    useMockWorld('big', { size: 700 })
    const { release } = await startLoadAllByKeyboard()
    const search = screen.getByRole('searchbox', { name: 'Search' })
    search.focus()
    release()
    await screen.findByText(/^All \d+ matching jobs loaded\.$/)
    // A few frames for focusAfter to have run.
    await new Promise((r) => setTimeout(r, 100))
    expect(search).toHaveFocus()
  })

  it('the bar’s Clear filters (disabled once clear) hands the focus to the search box', async () => {
    const user = userEvent.setup()
    const { router } = renderJobs('/jobs?state=success')
    await screen.findAllByRole('link')
    const clear = within(screen.getByRole('search', { name: 'Filter jobs' })).getByRole('button', { name: 'Clear filters' })
    clear.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(router.state.location.search).toBe(''))
    expect(clear).toBeDisabled()
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus())
  })

  it('the empty table’s Clear filters (gone once the rows are back) hands the focus to the search box', async () => {
    const user = userEvent.setup()
    renderJobs('/jobs?state=no-such-state')
    await screen.findByText('No jobs match these filters')
    within(screen.getByRole('table')).getByRole('button', { name: 'Clear filters' }).focus()
    await user.keyboard('{Enter}')
    expect((await within(screen.getByRole('table')).findAllByRole('link')).length).toBeGreaterThan(0)
    await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveFocus())
  })
})
