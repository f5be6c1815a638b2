import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { createHandlers } from '../src/mocks/handlers'
import { RUNAWAY_JOB_IDS, SPECIAL_JOB_IDS } from '../src/mocks/ids'
import { createWorld } from '../src/mocks/scenarios'
import type { MockDb } from '../src/mocks/db'
import { expect, test } from './fixtures'
import { sendFetchResponse, toFetchRequest } from './node-request'

/**
 * Time is the server's: with the browser clock two hours off in either direction, against a
 * supervisor on another origin (its Date header is unreadable there, as with the real one), no
 * healthy job is flagged runaway, running work never reads "0 ms" or hours, and the three real
 * runaway jobs are still found.
 */

const HOUR = 60 * 60_000
let server: Server
let base = ''
let db: MockDb

test.beforeAll(async () => {
  const handlers = createHandlers(() => db)
  server = createServer(async (req, res) => {
    await sendFetchResponse(res, await getResponse(handlers, await toFetchRequest(req, base)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

test.beforeEach(async ({ page }) => {
  // A fresh world per test: its healthy jobs started seconds ago.
  db = createWorld('default')
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: { supervisorUrl: `${base}/mock/supervisor`, gatewayUrl: `${base}/mock/gateway`, customer: 'demo', accessToken: 'demo-token', refreshIntervalMs: 2000 },
    }),
  )
})

for (const [label, skew] of [
  ['2 h ahead', 2 * HOUR],
  ['2 h behind', -2 * HOUR],
] as const) {
  test.describe(`browser clock ${label}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.clock.install({ time: Date.now() + skew })
    })

    test('/runaway flags exactly the three runaway jobs, and the count holds', async ({ page }) => {
      await page.goto('/runaway')
      const table = page.getByRole('table')
      await expect(table.getByRole('link')).toHaveCount(3, { timeout: 20_000 })
      const hrefs = await table.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
      expect(hrefs.map((h) => h!.split('/').pop()).sort()).toEqual([...RUNAWAY_JOB_IDS].sort())
      const nav = page.getByRole('navigation', { name: 'Main' })
      await expect(nav.getByRole('link', { name: 'Runaway (3)' })).toBeVisible()
      // Several refreshes later: still 3, still the same.
      await page.waitForResponse((r) => r.url().includes('/mock/supervisor/') && r.request().method() === 'GET')
      await page.waitForResponse((r) => r.url().includes('/mock/supervisor/') && r.request().method() === 'GET')
      await expect(nav.getByRole('link', { name: 'Runaway (3)' })).toBeVisible()
      await expect(table.getByRole('link')).toHaveCount(3)
    })

    test('/jobs: running work reads seconds, never "0 ms" nor hours; only the runaway rows carry the badge', async ({ page }) => {
      await page.goto('/jobs')
      const table = page.getByRole('table')
      const healthy = table.getByRole('row').filter({ has: page.locator(`a[href="/jobs/${SPECIAL_JOB_IDS.assignedBackup}"]`) })
      await expect(healthy).toBeVisible({ timeout: 20_000 })
      // The duration cell: seconds (the job started moments ago), never "0 ms", never hours.
      await expect(healthy.getByRole('cell').filter({ hasText: /so far$/ })).toHaveText(/^(\d{1,2}s|1m \d+s|just started) so far$/)
      await expect(healthy).not.toContainText(/0 ms|\dh \d+m/)
      await expect(healthy.getByText('Runaway', { exact: true })).toHaveCount(0)
      await expect(table.getByText(/^0 ms$/)).toHaveCount(0)
    })

    test('a running job’s page counts its time on the server’s clock', async ({ page }) => {
      await page.goto(`/jobs/${SPECIAL_JOB_IDS.assignedBackup}`)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 })
      // "Duration: 12s so far" — seconds, not "2h 0m" (clock ahead) nor "0 ms" (clock behind).
      await expect(page.locator('main')).toContainText(/\D(\d{1,2}s|1m \d+s|just started) so far/)
      await expect(page.locator('main')).not.toContainText(/(\dh \d+m|0 ms) so far/)
    })
  })
}
