import type { Page } from '@playwright/test'
import { SPECIAL_JOB_IDS, TASK_IDS } from '../src/mocks/ids'
import { expect, test } from './fixtures'

/**
 * Live by push: the mock gateway's socket.io pushes job-crud events when the mock world changes.
 * The refresh interval is 10 minutes here, so anything that shows within seconds came by push
 * (or by the re-sync after a reconnect), never by a poll.
 */

const TEN_MINUTES = 600_000

async function openWithSlowPolling(page: Page, path: string, scenario = 'default') {
  // The shipped config.json (the mock backend), with the refresh interval at 10 minutes.
  await page.route('**/config.json', async (route) => {
    const shipped = (await (await route.fetch()).json()) as Record<string, unknown>
    await route.fulfill({ json: { ...shipped, refreshIntervalMs: TEN_MINUTES } })
  })
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}scenario=${scenario}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect.poll(() => page.evaluate(() => !!window.__mockDb)).toBe(true)
}

const liveStatus = (page: Page) => page.getByRole('banner').getByRole('status').filter({ hasText: /^(Live|Reconnecting|Polling)/ })

/** Change a job in the page's mock world, out of the simulated agent's reach. Returns when the server holds it. */
async function changeOnServer(page: Page, id: string, fields: Record<string, unknown>) {
  await page.evaluate(
    ([jobId, patch]) => {
      const db = window.__mockDb as unknown as {
        getJob(id: string): Record<string, unknown> | undefined
        updateJob(job: Record<string, unknown>, mutate: (j: Record<string, unknown>) => void): void
        frozenJobIds: Set<string>
      }
      const job = db.getJob(jobId)
      if (!job) throw new Error(`no job ${jobId}`)
      db.frozenJobIds.add(jobId)
      db.updateJob(job, (j) => Object.assign(j, patch))
    },
    [id, fields] as const,
  )
}

/** Keeps the simulated agent away from a job and puts it back to running (the agent may have moved it already). */
async function freeze(page: Page, id: string) {
  await changeOnServer(page, id, { lifecycle: 'assigned', state: 'in_progress' })
}

const listRequests = (requests: { url(): string }[]) => requests.filter((r) => /\/mock\/supervisor\/demo\/job\?/.test(r.url()))

test('with the refresh interval at 10 minutes, a job that finishes on the server changes on the list and on its page within 2 s', async ({ page, guard }) => {
  const id = SPECIAL_JOB_IDS.assignedReport
  await openWithSlowPolling(page, '/jobs')
  await expect(liveStatus(page)).toHaveText(/^Live/)
  await freeze(page, id)
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="/jobs/${id}"]`) })
  await expect(row).toContainText('assigned')

  const before = listRequests(guard.requests).length
  await changeOnServer(page, id, { lifecycle: 'finished', state: 'failure' })
  await expect(row).toContainText('failure', { timeout: 2000 })
  await expect(row).toContainText('finished')
  // It came by push: no list was re-read.
  expect(listRequests(guard.requests).length).toBe(before)

  // The job page follows too: the running job finishes on the server, the page shows it and its output.
  await openWithSlowPolling(page, `/jobs/${SPECIAL_JOB_IDS.assignedBackup}`)
  await expect(liveStatus(page)).toHaveText(/^Live/)
  await freeze(page, SPECIAL_JOB_IDS.assignedBackup)
  await changeOnServer(page, SPECIAL_JOB_IDS.assignedBackup, {
    lifecycle: 'finished',
    state: 'success',
    output: ['"pushed-output-value"'],
  })
  const main = page.getByRole('main')
  await expect(main.getByText('success').first()).toBeVisible({ timeout: 2000 })
  // The event is trimmed (no output): the page re-read the job's document for it.
  await expect(main.getByText('pushed-output-value').first()).toBeVisible({ timeout: 2000 })
})

test('a new approval request moves the approvals count and the inbox without a poll', async ({ page }) => {
  await openWithSlowPolling(page, '/approvals')
  await expect(page.getByRole('heading', { level: 1, name: /Approvals/ })).toBeVisible()
  await expect(liveStatus(page)).toHaveText(/^Live/)
  const nav = page.getByRole('navigation', { name: 'Main' })
  const link = nav.getByRole('link', { name: /^Approvals/ })
  await expect(link).toHaveAccessibleName(/Approvals \(\d+\)/)
  const count = Number(/\((\d+)\)/.exec((await link.getAttribute('aria-label')) ?? (await link.textContent()) ?? '')?.[1] ?? NaN)

  // Somebody asks for an approval (a user creates a job of the approval task) on the server.
  await page.evaluate(async (taskId) => {
    const res = await fetch('/mock/supervisor/demo/job', {
      method: 'POST',
      headers: { Authorization: 'Bearer bob-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ task: taskId, task_arguments: ['120.00', 'USD', 'pushed by the live test'] }),
    })
    if (!res.ok) throw new Error(`create answered ${res.status}`)
  }, TASK_IDS.approveRefund)
  await expect(link).toHaveAccessibleName(new RegExp(`Approvals \\(${count + 1}\\)`), { timeout: 2000 })
})

test('the socket drops: the header says Reconnecting, a job changes meanwhile, and after the reconnect the page shows it', async ({ page }) => {
  const id = SPECIAL_JOB_IDS.assignedReport
  await openWithSlowPolling(page, '/jobs')
  await expect(liveStatus(page)).toHaveText(/^Live/)
  await freeze(page, id)
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="/jobs/${id}"]`) })
  await expect(row).toContainText('assigned')

  // The gateway goes away and refuses connections until restored.
  await page.evaluate(() => (window as unknown as { __mockSocket: { drop(ms: number): void } }).__mockSocket.drop(Number.POSITIVE_INFINITY))
  await expect(liveStatus(page)).toHaveText(/^Reconnecting \(attempt \d+\)/)
  await changeOnServer(page, id, { lifecycle: 'finished', state: 'failure' })
  // Missed: no event while down (and polling is at 10 minutes).
  await expect(row).toContainText('assigned')

  await page.evaluate(() => (window as unknown as { __mockSocket: { restore(): void } }).__mockSocket.restore())
  // Back: what is on screen was re-read before the header says Live again.
  await expect(liveStatus(page)).toHaveText(/^Live/, { timeout: 20_000 })
  await expect(row).toContainText('failure')
})

test('on a phone, where the badge is only its dot, Live and Reconnecting differ by shape, not colour alone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await openWithSlowPolling(page, '/jobs')
  const status = liveStatus(page)
  await expect(status).toHaveText(/^Live/)
  // What a sighted user sees of it: no word (it is for screen readers), only the dot.
  const look = () =>
    status.evaluate((badge) => {
      const label = badge.lastElementChild!.getBoundingClientRect()
      const dot = getComputedStyle(badge.firstElementChild!)
      // Its shape: what is left once colours (and the pulse) are set aside.
      return {
        wordShows: label.width > 1 && label.height > 1,
        shape: { filled: dot.backgroundColor !== 'rgba(0, 0, 0, 0)', image: dot.backgroundImage.replace(/(rgb|oklch|oklab|color)\([^)]*\)/g, 'C'), border: `${dot.borderTopWidth} ${dot.borderTopStyle}` },
      }
    })
  const live = await look()
  expect(live.wordShows).toBe(false)

  await page.evaluate(() => (window as unknown as { __mockSocket: { drop(ms: number): void } }).__mockSocket.drop(Number.POSITIVE_INFINITY))
  await expect(status).toHaveText(/^Reconnecting \(attempt \d+\)/)
  const reconnecting = await look()
  expect(reconnecting.wordShows).toBe(false)
  expect(reconnecting.shape, 'the two dots have different shapes').not.toEqual(live.shape)
  await page.evaluate(() => (window as unknown as { __mockSocket: { restore(): void } }).__mockSocket.restore())
})

test('one connection per tab: an organization switch replaces it, sign-out closes it', async ({ page }) => {
  await openWithSlowPolling(page, '/jobs')
  await expect(liveStatus(page)).toHaveText(/^Live/)
  const subscribers = () => page.evaluate(() => (window as unknown as { __mockSocket: { subscribers(): number } }).__mockSocket.subscribers())
  await expect.poll(subscribers).toBe(1)
  await page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'Acme Corp' })
  await expect(page.getByText('Switched to Acme Corp')).toBeVisible()
  await expect(liveStatus(page)).toHaveText(/^Live/)
  // The old socket (which would keep the old organization's rooms) is gone: still one.
  await expect.poll(subscribers).toBe(1)
  await page.getByRole('button', { name: /^Account/ }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  await expect.poll(subscribers).toBe(0)
})

test('a 401 from the gateway ends the session like any 401', async ({ page }) => {
  await openWithSlowPolling(page, '/jobs')
  await expect(liveStatus(page)).toHaveText(/^Live/)
  // The session dies on the server; the socket reconnects and its authorize is answered 401.
  await page.evaluate(() => {
    const w = window as unknown as { __mockDb: { sessions: Map<string, unknown> }; __mockSocket: { drop(ms: number): void } }
    w.__mockDb.sessions.delete('demo-token')
    w.__mockSocket.drop(200)
  })
  await expect(page).toHaveURL(/\/sign-in/, { timeout: 15_000 })
  // Whichever notices first says why: the socket's refused authorize ("Your session is not valid") or
  // a request to the gateway answered "authentication failed" ("The gateway rejected your access
  // token"); it was the second once in CI.
  await expect(page.getByRole('status').filter({ hasText: /^(Your session is not valid|The gateway rejected your access token)\. Sign in again\.$/ })).toBeVisible()
})

test('a hidden tab keeps the socket: an opted-in approval notification fires when the request arrives, with no request made', async ({ page, guard }) => {
  await page.addInitScript(() => {
    const shown: string[] = []
    ;(window as unknown as { __notifications: string[] }).__notifications = shown
    class FakeNotification {
      static permission = 'granted'
      static requestPermission = async () => 'granted'
      constructor(title: string, opts?: { body?: string }) {
        shown.push(`${title}: ${opts?.body ?? ''}`)
      }
    }
    ;(window as unknown as { Notification: unknown }).Notification = FakeNotification
    // Opted in earlier in this browser.
    localStorage.setItem('theeye.approvals.notify', '1')
  })
  await openWithSlowPolling(page, '/jobs')
  await expect(liveStatus(page)).toHaveText(/^Live/)
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Approvals \(\d+\)/ })).toBeVisible()
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
    Object.defineProperty(document, 'hidden', { value: true, configurable: true })
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  })
  const before = guard.requests.filter((r) => r.url().includes('/mock/supervisor/')).length
  // A request for jane's approval arrives on the server (created in the world, as the agent would).
  await page.evaluate((taskId) => {
    const db = window.__mockDb as unknown as {
      jobs(): Array<Record<string, unknown>>
      insertJob(j: Record<string, unknown>): void
      newJobId(): string
      nowIso(): string
    }
    const template = db.jobs().find((j) => j._type === 'ApprovalJob' && j.task_id === taskId && j.lifecycle === 'onhold')
    if (!template) throw new Error('no approval to copy')
    db.insertJob({ ...structuredClone(template), id: db.newJobId(), _id: undefined, name: 'Refund for the hidden tab', creation_date: db.nowIso() })
  }, TASK_IDS.approveRefund)
  await expect.poll(() => page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications), { timeout: 2000 }).toEqual([
    'Approval waiting on you: Refund for the hidden tab',
  ])
  expect(guard.requests.filter((r) => r.url().includes('/mock/supervisor/')).length).toBe(before)
})

test('after "Restart job" the page never shows the job finished again before it runs (no stale event from its previous run)', async ({ page }) => {
  const id = SPECIAL_JOB_IDS.finishedBackup
  await openWithSlowPolling(page, `/jobs/${id}`)
  await expect(liveStatus(page)).toHaveText(/^Live/)
  // Out of the simulated agent's reach: the job moves only when this test moves it.
  await page.evaluate((jobId) => (window.__mockDb as unknown as { frozenJobIds: Set<string> }).frozenJobIds.add(jobId), id)
  const verdict = page.getByRole('region', { name: 'Verdict' })
  await expect(verdict).toContainText(/Succeeded|Failed|Timed out|Ended/)
  const restart = page.getByRole('button', { name: 'Restart' })
  await expect(restart).toBeEnabled()

  // Everything the verdict and the Restart button pass through, from every DOM change.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __seen: string[] }).__seen = seen
    const record = () => {
      const text = document.querySelector('section[aria-label="Verdict"] p')?.textContent ?? ''
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Restart')
      const entry = `${text} | Restart ${button ? (button.disabled ? 'disabled' : 'enabled') : 'absent'}`
      if (seen.at(-1) !== entry) seen.push(entry)
    }
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
  })
  await restart.click()
  await page.getByRole('dialog', { name: /Restart/ }).getByRole('button', { name: 'Restart job' }).click()
  await expect(page.getByText('Job restarted: it is queued to run again.')).toBeVisible()
  await expect(verdict).toContainText('Queued for')

  // The agent picks it up: the socket delivers in order, so once "Running" shows, every event of the
  // restart (and any stale one before it) has been applied.
  await changeOnServer(page, id, { lifecycle: 'assigned', state: 'in_progress' })
  await expect(verdict).toContainText('Running for')

  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)
  const queued = seen.findIndex((s) => s.includes('Queued for'))
  expect(queued, seen.join('\n')).toBeGreaterThanOrEqual(0)
  const after = seen.slice(queued)
  // From "Queued" on: only queued or running, and Restart never enabled again.
  expect(after.filter((s) => !/(Queued|Running) for/.test(s)), seen.join('\n')).toEqual([])
  expect(after.filter((s) => s.endsWith('Restart enabled')), seen.join('\n')).toEqual([])
})
