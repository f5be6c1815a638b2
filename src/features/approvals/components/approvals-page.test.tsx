import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MockDb } from '@/mocks/db'
import { APPROVAL_JOB_IDS, FOREIGN_APPROVAL_JOB_ID, SPECIAL_JOB_IDS } from '@/mocks/ids'
import { mockServer, useMockWorld } from '@/mocks/node'
import { renderWithProviders } from '@/testing/render'
import { ApprovalsPage } from './approvals-page'
import { usePendingApprovalsForMe } from '../queries'
import { resetNotificationOptIn, useNotifyNewApprovals } from '../use-approval-notifications'

/** What the signed-in shell mounts on every page: the notifier. */
function ShellNotifier() {
  useNotifyNewApprovals(usePendingApprovalsForMe())
  return null
}

const MINE = Object.values(APPROVAL_JOB_IDS)

function renderPage(opts: { refreshIntervalMs?: number; requestTimeoutMs?: number } = {}) {
  return renderWithProviders(null, {
    route: '/approvals',
    config: opts.refreshIntervalMs || opts.requestTimeoutMs ? { ...(opts.refreshIntervalMs ? { refreshIntervalMs: opts.refreshIntervalMs } : {}), ...(opts.requestTimeoutMs ? { requestTimeoutMs: opts.requestTimeoutMs } : {}) } : undefined,
    routes: [
      {
        path: '/approvals',
        element: (
          <>
            <ApprovalsPage />
            <ShellNotifier />
          </>
        ),
      },
      { path: '/jobs/:jobId', element: <p>Job page</p> },
    ],
  })
}

/** The <article> of one approval, found by its link to /jobs/:id (names repeat: several "Approve refund"). */
async function item(id: string): Promise<HTMLElement> {
  const link = await waitFor(() => {
    const found = screen.queryAllByRole('link').find((a) => a.getAttribute('href') === `/jobs/${id}`)
    expect(found).toBeDefined()
    return found!
  })
  return link.closest('article') as HTMLElement
}

function itemLink(id: string): HTMLElement | undefined {
  return screen.queryAllByRole('link').find((a) => a.getAttribute('href') === `/jobs/${id}` && a.closest('article'))
}

/** Counts decisions the server received, by job id. */
function recordDecisions(): Array<{ action: string; id: string }> {
  const seen: Array<{ action: string; id: string }> = []
  mockServer.events.on('request:start', ({ request }) => {
    const m = /\/job\/([^/]+)\/(approve|reject|cancel)$/.exec(new URL(request.url).pathname)
    if (request.method === 'PUT' && m) seen.push({ action: m[2]!, id: m[1]! })
  })
  return seen
}

function withoutGateway() {
  mockServer.use(http.get('*/mock/gateway/api/session/profile', () => HttpResponse.json('not found', { status: 404 })))
}

let db: MockDb

beforeEach(() => {
  db = useMockWorld('default')
  mockServer.events.removeAllListeners()
})

describe('approvals inbox: who it is for', () => {
  it('shows the approvals waiting on the signed-in user, newest first, and counts the others', async () => {
    renderPage()
    const list = await screen.findByRole('list', { name: 'Approvals waiting on you' })
    const articles = within(list).getAllByRole('article')
    expect(articles).toHaveLength(MINE.length)
    const hrefs = articles.map((a) => within(a).getAllByRole('link')[0]!.getAttribute('href'))
    // APPROVAL_AGES: 3 min, 25 min, 2 h, 5 h, 26 h, and the workflow step at 40 min.
    expect(hrefs).toEqual(
      [
        APPROVAL_JOB_IDS.deployDefaultLabels,
        APPROVAL_JOB_IDS.refundShipIt,
        APPROVAL_JOB_IDS.workflowStep,
        APPROVAL_JOB_IDS.refundLarge,
        APPROVAL_JOB_IDS.deployHotfix,
        APPROVAL_JOB_IDS.refundOld,
      ].map((id) => `/jobs/${id}`),
    )
    expect(itemLink(FOREIGN_APPROVAL_JOB_ID)).toBeUndefined()
    expect(screen.getByRole('tab', { name: 'Waiting on me (6)' })).toHaveAttribute('aria-selected', 'true')
    await waitFor(() => expect(document.title).toMatch(/^Approvals \(6\)/))

    await userEvent.click(screen.getByRole('tab', { name: 'Not mine (1)' }))
    const others = await screen.findByRole('list', { name: 'Approvals waiting on others' })
    expect(within(others).getAllByRole('article')).toHaveLength(1)
    const foreign = await item(FOREIGN_APPROVAL_JOB_ID)
    // Somebody else's approval: the server would refuse our decision, so none is offered.
    expect(within(foreign).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument()
    expect(within(foreign).getByText(/Waiting on 1 other approver/)).toBeInTheDocument()
  })

  it('without a gateway profile shows every pending approval and warns that decisions may be refused', async () => {
    withoutGateway()
    renderPage()
    expect(await screen.findByText(/cannot tell which approvals wait on you/)).toBeInTheDocument()
    expect(screen.getByText(/The server may refuse decisions that are not yours/)).toBeInTheDocument()
    const list = await screen.findByRole('list', { name: 'Approvals waiting on you' })
    expect(within(list).getAllByRole('article')).toHaveLength(MINE.length + 1)
    expect(itemLink(FOREIGN_APPROVAL_JOB_ID)).toBeDefined()
    expect(screen.getByRole('tab', { name: 'Pending (7)' })).toBeInTheDocument()
    expect(screen.queryByRole('tab', { name: /Not mine/ })).not.toBeInTheDocument()
  })

  it('says nothing waits on you, and how many wait on others, when the inbox is empty', async () => {
    for (const id of MINE) db.getJob(id)!.lifecycle = 'canceled'
    renderPage()
    expect(await screen.findByText('No approvals waiting on you')).toBeInTheDocument()
    expect(screen.getByText('1 pending approval waits on others.')).toBeInTheDocument()
  })

  it('shows an error with Retry when the list cannot load, and loads on retry', async () => {
    db.failNext(/^GET \/demo\/job$/, { status: 503, body: 'Service Unavailable' })
    renderPage()
    const alert = (await screen.findByText('Could not load approvals')).closest('[role="alert"]') as HTMLElement
    expect(alert).not.toBeNull()
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('list', { name: 'Approvals waiting on you' })).toBeInTheDocument()
  })
})

function valueOf(article: HTMLElement, label: string): string | null {
  const term = within(article).getByText(label, { selector: 'dt' })
  return term.nextElementSibling?.textContent ?? null
}

describe('approvals inbox: input requests', () => {
  it('lists the jobs on hold waiting for input below the approvals, each linking to its page to give it', async () => {
    renderPage()
    const list = await screen.findByRole('list', { name: 'Input requests waiting on you' })
    const give = within(list).getAllByRole('link', { name: /^Give input to / })
    // The demo world's three input requests (the workflow world adds a step waiting for input too).
    expect(give.map((a) => a.getAttribute('href'))).toEqual(
      expect.arrayContaining([SPECIAL_JOB_IDS.inputDummy, SPECIAL_JOB_IDS.inputScript, SPECIAL_JOB_IDS.inputDummy2].map((id) => `/jobs/${id}`)),
    )
    expect(screen.getByRole('heading', { name: `Input requested (${give.length})` })).toBeInTheDocument()
    // The approvals count stays the approvals' own.
    expect(screen.getByRole('tab', { name: 'Waiting on me (6)' })).toBeInTheDocument()
  })

  it('leaves out input requests reserved for other members', async () => {
    db.getJob(SPECIAL_JOB_IDS.inputScript)!.user_inputs_members = ['someone-else']
    renderPage()
    const list = await screen.findByRole('list', { name: 'Input requests waiting on you' })
    const hrefs = within(list).getAllByRole('link', { name: /^Give input to / }).map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual(expect.arrayContaining([`/jobs/${SPECIAL_JOB_IDS.inputDummy}`, `/jobs/${SPECIAL_JOB_IDS.inputDummy2}`]))
    expect(hrefs).not.toContain(`/jobs/${SPECIAL_JOB_IDS.inputScript}`)
    expect(within(list).queryByRole('link', { name: `Give input to ${String(db.getJob(SPECIAL_JOB_IDS.inputScript)!.name)}` })).not.toBeInTheDocument()
  })
})

describe('approvals inbox: what each request shows', () => {
  it('uses the task’s own labels and shows every value with its label', async () => {
    renderPage()
    const refund = await item(APPROVAL_JOB_IDS.refundShipIt)
    expect(await within(refund).findByRole('button', { name: 'Ship it' })).toBeInTheDocument()
    expect(within(refund).getByRole('button', { name: 'Hold back' })).toBeInTheDocument()
    expect(within(refund).getByRole('button', { name: 'Cancel request' })).toBeInTheDocument()
    expect(within(refund).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument()
    expect(valueOf(refund, 'amount')).toBe('150.00')
    expect(valueOf(refund, 'currency')).toBe('USD')
    expect(valueOf(refund, 'cost_center')).toBe('CC-100')
    // Compact row: who started it and the task are one click away.
    expect(refund).not.toHaveTextContent(/started by/)
    await userEvent.click(within(refund).getByRole('button', { name: 'Details of Approve refund' }))
    expect(refund).toHaveTextContent(/started by you/)
    expect(within(refund).getByText((_, el) => el?.tagName === 'SPAN' && /^waiting for 25m/.test(el.textContent ?? ''))).toBeInTheDocument()

    const deploy = await item(APPROVAL_JOB_IDS.deployDefaultLabels)
    expect(await within(deploy).findByRole('button', { name: 'Approve' })).toBeInTheDocument()
    expect(within(deploy).getByRole('button', { name: 'Reject' })).toBeInTheDocument()
    // cancel_enabled is false on this task
    expect(within(deploy).queryByRole('button', { name: /cancel/i })).not.toBeInTheDocument()
    expect(valueOf(deploy, 'release')).toBe('v1.8.0')
    await userEvent.click(within(deploy).getByRole('button', { name: 'Details of Approve deploy' }))
    await waitFor(() => expect(deploy).toHaveTextContent(/started by bob/))

    const step = await item(APPROVAL_JOB_IDS.workflowStep)
    await userEvent.click(within(step).getByRole('button', { name: /^Details of / }))
    expect(within(step).getByRole('link', { name: /workflow run/ })).toHaveAttribute('href', `/jobs/${SPECIAL_JOB_IDS.workflowJob}`)
  })

  it('offers no reject button when the task turned rejection off, shows select labels and hides masked values', async () => {
    const job = db.getJob(APPROVAL_JOB_IDS.deployHotfix)!
    const task = job.task as Record<string, unknown> & { task_arguments: Array<Record<string, unknown>> }
    job.task = {
      ...task,
      failure_enabled: false,
      task_arguments: [
        { ...task.task_arguments[0], masked: true },
        { ...task.task_arguments[1], options: [{ id: 'low', label: 'Low risk' }, { id: 'high', label: 'High risk' }] },
      ],
    }
    renderPage()
    const hotfix = await item(APPROVAL_JOB_IDS.deployHotfix)
    expect(await within(hotfix).findByRole('button', { name: 'Approve' })).toBeInTheDocument()
    expect(within(hotfix).queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument()
    expect(valueOf(hotfix, 'release')).toBe('hidden (masked value)')
    expect(within(hotfix).queryByText(/v1\.7\.3-hotfix/)).not.toBeInTheDocument()
    expect(valueOf(hotfix, 'risk')).toBe('High riskhigh')
  })
})

describe('approvals inbox: deciding', () => {
  it('sends exactly one request on a double click; the item stays in place with its outcome, then moves to Decided', async () => {
    const decisions = recordDecisions()
    const user = userEvent.setup()
    renderPage()
    const deploy = await item(APPROVAL_JOB_IDS.deployDefaultLabels)
    const approve = await within(deploy).findByRole('button', { name: 'Approve' })
    // The next request's own Approve would slide under the pointer if the decided one vanished.
    await within(await item(APPROVAL_JOB_IDS.refundShipIt)).findByRole('button', { name: 'Ship it' })
    await user.dblClick(approve)
    expect(await within(deploy).findByRole('status')).toHaveTextContent('Approved: Approve deploy')
    expect(itemLink(APPROVAL_JOB_IDS.deployDefaultLabels)).toBeDefined()
    expect(within(deploy).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument()
    // The keyboard stays on the decided item, not on the next one.
    expect(deploy).toHaveFocus()
    expect(decisions).toEqual([{ action: 'approve', id: APPROVAL_JOB_IDS.deployDefaultLabels }])
    expect(db.getJob(APPROVAL_JOB_IDS.deployDefaultLabels)!.state).toBe('success')
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Waiting on me (5)' })).toBeInTheDocument())

    await user.click(screen.getByRole('tab', { name: 'Decided' }))
    const decided = await screen.findByRole('list', { name: 'Recent decisions' })
    const row = await waitFor(() => {
      const link = within(decided)
        .getAllByRole('link')
        .find((a) => a.getAttribute('href') === `/jobs/${APPROVAL_JOB_IDS.deployDefaultLabels}`)
      expect(link).toBeDefined()
      return link!.closest('li') as HTMLElement
    })
    expect(within(row).getByText('Approved')).toBeInTheDocument()
    expect(await within(row).findByText('by you')).toBeInTheDocument()
  })

  it('a double click on a custom Reject label sends one reject for that request only', async () => {
    const decisions = recordDecisions()
    const user = userEvent.setup()
    renderPage()
    const refund = await item(APPROVAL_JOB_IDS.refundShipIt)
    await user.dblClick(await within(refund).findByRole('button', { name: 'Hold back' }))
    expect(await within(refund).findByRole('status')).toHaveTextContent('Rejected (Hold back): Approve refund')
    expect(decisions).toEqual([{ action: 'reject', id: APPROVAL_JOB_IDS.refundShipIt }])
  })

  it("shows the approver the server records on a decided request as who decided, not as one more argument", async () => {
    const user = userEvent.setup()
    renderPage()
    const refund = await item(APPROVAL_JOB_IDS.refundShipIt)
    await user.click(await within(refund).findByRole('button', { name: 'Ship it' }))
    expect(await within(refund).findByRole('status')).toHaveTextContent(/Approved/)
    await waitFor(() => expect(refund).toHaveTextContent('Decided byjane (jane@example.com)'), { timeout: 3000 })
    expect(refund).not.toHaveTextContent(/Argument \d/)
  })

  it('leaves the decided item once the user has moved on and the moment has passed', async () => {
    const user = userEvent.setup()
    renderPage()
    const deploy = await item(APPROVAL_JOB_IDS.deployDefaultLabels)
    await user.click(await within(deploy).findByRole('button', { name: 'Approve' }))
    expect(await within(deploy).findByRole('status')).toHaveTextContent('Approved: Approve deploy')
    // Pointer and focus leave the list: after a short, visible moment the row goes.
    const list = screen.getByRole('list', { name: 'Approvals waiting on you' })
    await user.click(screen.getByRole('heading', { level: 1, name: 'Approvals' }))
    // (jsdom's pointer does not say it left the list: say it as the browser does)
    fireEvent.pointerOut(list, { relatedTarget: document.body })
    await waitFor(() => expect(itemLink(APPROVAL_JOB_IDS.deployDefaultLabels)).toBeUndefined(), { timeout: 8000 })
    expect(within(screen.getByRole('list', { name: 'Approvals waiting on you' })).getAllByRole('article')).toHaveLength(5)
    // It waits out the few visible seconds on purpose.
  }, 30_000)
  it('brings the item back with a message when the server says you are not an approver (403)', async () => {
    withoutGateway()
    const decisions = recordDecisions()
    renderPage()
    const foreign = await item(FOREIGN_APPROVAL_JOB_ID)
    await userEvent.click(await within(foreign).findByRole('button', { name: 'Reject' }))
    const back = await item(FOREIGN_APPROVAL_JOB_ID)
    expect(await within(back).findByRole('alert')).toHaveTextContent('You are not an approver of this request')
    expect(decisions).toEqual([{ action: 'reject', id: FOREIGN_APPROVAL_JOB_ID }])
    expect(db.getJob(FOREIGN_APPROVAL_JOB_ID)!.lifecycle).toBe('onhold')
  })

  it('says that a decision the server never answered may have been recorded, and brings the item back', async () => {
    mockServer.use(http.put('*/mock/supervisor/demo/job/:id/approve', () => new Promise<Response>(() => {})))
    renderPage({ requestTimeoutMs: 800 })
    const refund = await item(APPROVAL_JOB_IDS.refundShipIt)
    await userEvent.click(await within(refund).findByRole('button', { name: 'Ship it' }))
    const back = await item(APPROVAL_JOB_IDS.refundShipIt)
    expect(await within(back).findByRole('alert', {}, { timeout: 4000 })).toHaveTextContent(/No answer to “Ship it”: it may have been recorded all the same\. The server did not answer/)
    expect(within(back).getByRole('button', { name: 'Ship it' })).toBeEnabled()
  })

  it('says in place that the request is no longer available (409), and never offers it again', async () => {
    renderPage()
    const refund = await item(APPROVAL_JOB_IDS.refundLarge)
    const button = await within(refund).findByRole('button', { name: 'Ship it' })
    // Someone else decided it after our list loaded.
    db.getJob(APPROVAL_JOB_IDS.refundLarge)!.lifecycle = 'finished'
    db.getJob(APPROVAL_JOB_IDS.refundLarge)!.state = 'failure'
    await userEvent.click(button)
    expect(await within(refund).findByRole('status')).toHaveTextContent('Not decided: no longer available (already decided or canceled): Approve refund')
    expect(within(refund).queryByRole('button', { name: 'Ship it' })).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Waiting on me (5)' })).toBeInTheDocument())
  })

  it('decides many one at a time, with progress and a summary that names the failure', async () => {
    const decisions = recordDecisions()
    const user = userEvent.setup()
    renderPage({ refreshIntervalMs: 1000 })
    const ids = [APPROVAL_JOB_IDS.deployDefaultLabels, APPROVAL_JOB_IDS.refundShipIt, APPROVAL_JOB_IDS.workflowStep]
    for (const id of ids) {
      const article = await item(id)
      await user.click(within(article).getByRole('checkbox', { name: /^Select / }))
    }
    // The middle one fails on the server.
    db.failNext(`PUT /demo/job/${APPROVAL_JOB_IDS.refundShipIt}/approve`, { status: 500, body: 'Internal Server Error' })
    await waitFor(() => expect(within(document.body).getByRole('button', { name: 'Approve selected' })).toBeEnabled())
    await user.click(screen.getByRole('button', { name: 'Approve selected' }))

    const dialog = await screen.findByRole('alertdialog')
    const listed = within(within(dialog).getByRole('list', { name: 'Selected requests' })).getAllByRole('listitem')
    expect(listed).toHaveLength(3)
    // Two "Approve deploy": their values tell them apart.
    expect(listed[0]).toHaveTextContent(/^Approve deploy · release v1\.8\.0.* · waiting 3m \d+s$/)
    expect(listed[1]).toHaveTextContent(/^Approve refund \(“Ship it”\) · amount 150\.00, currency USD, cost_center CC-100 · waiting 25m \d+s$/)
    expect(listed[2]).toHaveTextContent(/^Approve deploy · .* · waiting 40m \d+s$/)
    expect(listed[2]!.textContent).not.toContain('release v1.8.0')
    // A refresh while the dialog is open does not change what it acts on.
    db.getJob(APPROVAL_JOB_IDS.workflowStep)!.name = 'Renamed meanwhile'
    expect(await screen.findByText('Renamed meanwhile', {}, { timeout: 4000 })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Approve 3' })).toBeInTheDocument()
    expect(within(dialog).getAllByText(/^Approve deploy/)).toHaveLength(2)
    await user.click(within(dialog).getByRole('button', { name: 'Approve 3' }))

    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('3 of 3 done: 2 approved, 1 failed.'))
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Approve refund: The server failed to handle the request (Internal Server Error).')
    expect(decisions).toEqual(ids.map((id) => ({ action: 'approve', id })))
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    // The decided ones stay in place with their outcome.
    expect(within(await item(APPROVAL_JOB_IDS.deployDefaultLabels)).getByRole('status')).toHaveTextContent('Approved: Approve deploy')
    // The failed one is back, with its reason.
    const failed = await item(APPROVAL_JOB_IDS.refundShipIt)
    expect(within(failed).getByRole('alert')).toHaveTextContent('Internal Server Error')
  })

  it('triages from the keyboard: j moves, a approves the focused item and the keyboard stays on it, ? opens help', async () => {
    const decisions = recordDecisions()
    const user = userEvent.setup()
    renderPage()
    const first = await item(APPROVAL_JOB_IDS.deployDefaultLabels)
    await within(first).findByRole('button', { name: 'Approve' })
    await user.keyboard('j')
    expect(first).toHaveFocus()
    await user.keyboard('j')
    expect(await item(APPROVAL_JOB_IDS.refundShipIt)).toHaveFocus()
    await user.keyboard('k')
    expect(first).toHaveFocus()
    await user.keyboard('a')
    expect(await within(first).findByRole('status')).toHaveTextContent('Approved: Approve deploy')
    expect(decisions).toEqual([{ action: 'approve', id: APPROVAL_JOB_IDS.deployDefaultLabels }])
    // Focus stays on the decided request: moving on takes a deliberate j.
    expect(first).toHaveFocus()
    await user.keyboard('j')
    expect(await item(APPROVAL_JOB_IDS.refundShipIt)).toHaveFocus()

    await user.keyboard('?')
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    // Keys do nothing while a dialog is open.
    await user.keyboard('r')
    expect(decisions).toHaveLength(1)
    await user.click(within(help).getByRole('button', { name: 'Close' }))
  })

  it('a held key decides one request, not the ones after it', async () => {
    const decisions = recordDecisions()
    const user = userEvent.setup()
    renderPage()
    const first = await item(APPROVAL_JOB_IDS.deployDefaultLabels)
    await within(first).findByRole('button', { name: 'Approve' })
    await within(await item(APPROVAL_JOB_IDS.refundShipIt)).findByRole('button', { name: 'Ship it' })
    await user.keyboard('j')
    // Key repeat: one keydown, then five repeats.
    await user.keyboard('{a>6}')
    expect(await within(first).findByRole('status')).toHaveTextContent('Approved: Approve deploy')
    expect(decisions).toEqual([{ action: 'approve', id: APPROVAL_JOB_IDS.deployDefaultLabels }])
  })

  it('a shortcut pressed twice decides the focused request once and never the next one', async () => {
    const decisions = recordDecisions()
    const user = userEvent.setup()
    renderPage()
    const first = await item(APPROVAL_JOB_IDS.deployDefaultLabels)
    await within(first).findByRole('button', { name: 'Reject' })
    await within(await item(APPROVAL_JOB_IDS.refundShipIt)).findByRole('button', { name: 'Hold back' })
    await user.keyboard('j')
    await user.keyboard('rr')
    expect(await within(first).findByRole('status')).toHaveTextContent('Rejected: Approve deploy')
    expect(await screen.findByText(/Approve deploy is already decided/)).toBeInTheDocument()
    expect(decisions).toEqual([{ action: 'reject', id: APPROVAL_JOB_IDS.deployDefaultLabels }])
    expect(db.getJob(APPROVAL_JOB_IDS.refundShipIt)!.lifecycle).toBe('onhold')
  })
})

describe('approvals inbox: never miss one', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    resetNotificationOptIn()
  })

  it('after opting in, notifies once per new approval with its plain-text name, not for those already shown', async () => {
    const shown: Array<{ title: string; body?: string }> = []
    class FakeNotification {
      static permission: NotificationPermission = 'default'
      static requestPermission = vi.fn(async () => {
        FakeNotification.permission = 'granted'
        return 'granted' as const
      })
      constructor(title: string, opts?: NotificationOptions) {
        shown.push({ title, body: opts?.body })
      }
    }
    vi.stubGlobal('Notification', FakeNotification)
    const user = userEvent.setup()
    renderPage({ refreshIntervalMs: 1000 })
    await screen.findByRole('list', { name: 'Approvals waiting on you' })
    await user.click(screen.getByRole('button', { name: 'Notify me' }))
    expect(await screen.findByRole('button', { name: 'Stop notifications' })).toBeInTheDocument()
    // Remembered for this browser, across tabs and restarts.
    expect(localStorage.getItem('theeye.approvals.notify')).toBe('1')

    // A new request arrives for jane, with an ANSI-coloured name.
    const template = db.getJob(APPROVAL_JOB_IDS.deployDefaultLabels)!
    db.insertJob({ ...structuredClone(template), id: '7f0000000000000000000001', name: '\u001b[31mApprove hotfix\u001b[0m', creation_date: new Date().toISOString() })
    await waitFor(() => expect(shown).toEqual([{ title: 'Approval waiting on you', body: 'Approve hotfix' }]), { timeout: 4000 })
    expect(screen.getByRole('tab', { name: 'Waiting on me (7)' })).toBeInTheDocument()
  })

  it('hides the Notify me button where notifications do not exist', async () => {
    vi.stubGlobal('Notification', undefined)
    renderPage()
    await screen.findByRole('list', { name: 'Approvals waiting on you' })
    expect(screen.queryByRole('button', { name: 'Notify me' })).not.toBeInTheDocument()
  })
})
