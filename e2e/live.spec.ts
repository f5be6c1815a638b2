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

async function freeze(page: Page, id: string) {
  await page.evaluate((jobId) => (window.__mockDb as unknown as { frozenJobIds: Set<string> }).frozenJobIds.add(jobId), id)
}

const listRequests = (requests: { url(): string }[]) => requests.filter((r) => /\/mock\/supervisor\/demo\/job\?/.test(r.url()))

test('with the refresh interval at 10 minutes, a job that finishes on the server changes on the list and on its page within 2 s', async ({ page, guard }) => {
  const id = SPECIAL_JOB_IDS.assignedReport
  await openWithSlowPolling(page, '/jobs')
  await freeze(page, id)
  await expect(liveStatus(page)).toHaveText(/^Live/)
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
  await freeze(page, SPECIAL_JOB_IDS.assignedBackup)
  await expect(liveStatus(page)).toHaveText(/^Live/)
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
  await freeze(page, id)
  await expect(liveStatus(page)).toHaveText(/^Live/)
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
