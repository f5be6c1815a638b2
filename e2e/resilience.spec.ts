import { FAULT_JOB_IDS, HOSTILE_JOB_IDS, HOSTILE_SECRETS, RUNAWAY_JOB_IDS } from '../src/mocks/ids'
import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'

/**
 * Hostile data and failing servers, on every page. The `guard` fixture (fixtures.ts) already
 * fails each test on an uncaught page error, an executed injected script (window.__xss) and a
 * request carrying the token in a URL or twice; these tests add what the user must see.
 */

async function expectNothingInjected(page: Page) {
  // Script-provided HTML stays text: no element was created from it.
  await expect(page.locator('#root img, #root script, #root iframe, #root [onerror]')).toHaveCount(0)
  const text = await page.locator('body').innerText()
  for (const secret of Object.values(HOSTILE_SECRETS)) expect(text, 'a secret is visible').not.toContain(secret)
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
}

test.describe('hostile data renders as inert text on every page', () => {
  test('jobs list', async ({ page }) => {
    await page.goto('/jobs?scenario=hostile')
    await expect(page.getByRole('link', { name: /<img src=x onerror/ }).first()).toBeVisible()
    await expect(page.getByRole('link', { name: /<script>window.__xss=1<\/script>/ }).first()).toBeVisible()
    await expectNothingInjected(page)
    // the page title is plain text too
    expect(await page.title()).not.toMatch(/<script/)
  })

  // The crafted id is not an ObjectId: the server answers 400 for it; e2e/trust.spec.ts checks its links.
  for (const [name, id] of Object.entries(HOSTILE_JOB_IDS).filter(([name]) => name !== 'craftedId')) {
    test(`job detail: ${name}`, async ({ page }) => {
      await page.goto(`/jobs/${id}?scenario=hostile`)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(page.getByRole('region', { name: 'Lifecycle' }).or(page.getByRole('list', { name: 'Lifecycle' })).first()).toBeVisible()
      await expect(page.getByRole('region', { name: 'Output' })).toBeVisible()
      await expectNothingInjected(page)
    })
  }

  test('malformed documents show an "unexpected data" note instead of crashing', async ({ page }) => {
    await page.goto(`/jobs/${HOSTILE_JOB_IDS.zombieLifecycle}?scenario=hostile`)
    await expect(page.getByText(/unexpected data/i).first()).toBeVisible()
    await expect(page.getByText(/zombie/).first()).toBeVisible()
  })

  test('the 2 MB log opens and scrolls', async ({ page }) => {
    await page.goto(`/jobs/${HOSTILE_JOB_IDS.hugeLog}?scenario=hostile`)
    const output = page.getByRole('region', { name: 'Output' })
    await expect(output.getByText(/\S/).first()).toBeVisible()
    await output.hover()
    await page.mouse.wheel(0, 20_000)
    await expect(output).toBeVisible()
  })

  test('approvals and runaway pages', async ({ page }) => {
    await page.goto('/approvals?scenario=hostile')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNothingInjected(page)
    await page.getByRole('link', { name: /^Runaway/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNothingInjected(page)
  })
})

test.describe('failing servers give a clear message with the next step', () => {
  for (const fault of ['notFoundObject', 'resourceNotFound'] as const) {
    test(`job detail answered 404 (${fault}) says the job is not found, with a way back`, async ({ page }) => {
      await page.goto(`/jobs/${FAULT_JOB_IDS[fault]}?scenario=errors`)
      await expect(page.getByRole('heading', { name: 'Job not found' })).toBeVisible()
      await page.getByRole('link', { name: 'Back to jobs' }).click()
      await expect(page).toHaveURL(/\/jobs(\?|$)/)
    })
  }

  const shapes: Array<[keyof typeof FAULT_JOB_IDS, RegExp]> = [
    ['forbidden', /not allowed/i],
    ['serverError', /Internal Server Error|failed to handle/i],
    ['badGateway', /gateway/i],
    ['networkError', /could not reach/i],
  ]
  for (const [fault, message] of shapes) {
    test(`job detail answered with ${fault}`, async ({ page }) => {
      await page.goto(`/jobs/${FAULT_JOB_IDS[fault]}?scenario=errors`)
      const alert = page.getByRole('alert').filter({ hasText: message })
      await expect(alert.first()).toBeVisible({ timeout: 20_000 })
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
      await expect(page.locator('body')).not.toContainText('<html>')
    })
  }

  for (const [path, heading] of [
    ['/jobs', /^Jobs$/],
    ['/approvals', /^Approvals/],
    ['/runaway', /^Runaway/],
  ] as const) {
    test(`${path} works in the errors world (its fault jobs are listed, not fatal)`, async ({ page }) => {
      await page.goto(`${path}?scenario=errors`)
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
      // its jobs are listed (links to their pages), and nothing failed
      await expect(page.locator('main a[href^="/jobs/"]').first()).toBeVisible()
      await expect(page.getByRole('alert')).toHaveCount(0)
    })
  }

  test('a session conflict (409) says the token belongs to another organization', async ({ page }) => {
    await page.goto(`/jobs/${FAULT_JOB_IDS.sessionConflict}?scenario=errors`)
    await expect(page.getByRole('alert').filter({ hasText: /another organization/i }).first()).toBeVisible()
  })

  for (const fault of ['unauthorized', 'authFailed'] as const) {
    test(`a 401 (${fault}) leads to the sign-in page`, async ({ page }) => {
      await page.goto(`/jobs/${FAULT_JOB_IDS[fault]}?scenario=errors`)
      await expect(page).toHaveURL(/\/sign-in/)
      await expect(page.getByLabel('Access token')).toBeVisible()
    })
  }

  test('a request that never answers ends in a visible error within the client timeout', async ({ page }) => {
    await page.goto(`/jobs/${FAULT_JOB_IDS.hang}?scenario=errors&timeoutMs=3000`)
    await expect(page.getByRole('alert').filter({ hasText: /did not answer within 3 s/ }).first()).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('button', { name: 'Retry' }).first()).toBeVisible()
  })

  test('a list that fails to load offers Retry, and Retry recovers', async ({ page }) => {
    await page.goto('/runaway?scenario=default')
    await expect(page.getByRole('link', { name: /^Runaway/ })).toBeVisible()
    await page.evaluate(() => window.__mockDb!.failNext('GET /demo/job', { status: 500, body: 'Internal Server Error' }, 1000))
    await page.getByRole('link', { name: 'Jobs', exact: true }).click()
    await expect(page.getByRole('alert').filter({ hasText: /Internal Server Error|failed to handle/ }).first()).toBeVisible({ timeout: 20_000 })
    await page.evaluate(() => window.__mockDb!.clearFailures())
    await page.getByRole('button', { name: 'Retry' }).first().click()
    await expect(page.locator('a[href^="/jobs/"]').first()).toBeVisible()
  })

  test('background refresh failures keep the data on screen, then heal by themselves', async ({ page }) => {
    await page.goto('/jobs?scenario=default')
    const firstJob = page.locator('a[href^="/jobs/"]').first()
    await expect(firstJob).toBeVisible()
    // The network drops: requests fail and the live socket goes with them (the page falls back to polling).
    await page.evaluate(() => {
      window.__mockDb!.failNext('GET /demo/job', 'network-error', 1000)
      ;(window as unknown as { __mockSocket: { drop(ms: number): void } }).__mockSocket.drop(Number.POSITIVE_INFINITY)
    })
    // (the socket drop is noticed first, then the next poll fails and is retried twice)
    await expect(page.getByText(/refresh failed/i).first()).toBeVisible({ timeout: 30_000 })
    await expect(firstJob).toBeVisible()
    await page.evaluate(() => {
      window.__mockDb!.clearFailures()
      ;(window as unknown as { __mockSocket: { restore(): void } }).__mockSocket.restore()
    })
    await expect(page.getByText(/refresh failed/i)).toHaveCount(0, { timeout: 20_000 })
  })

  test('a cancel the server refuses (403) is never shown as done', async ({ page }) => {
    await page.goto(`/jobs/${FAULT_JOB_IDS.cancelForbidden}?scenario=errors`)
    await page.getByRole('button', { name: 'Cancel job' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel job' }).click()
    await expect(page.getByRole('alert').filter({ hasText: /not cancellable/i }).first()).toBeVisible()
    await expect(page.getByText(/^Job (canceled|terminated)$/)).toHaveCount(0)
  })

  test('sign-out clears the session: reopening a job needs a new sign-in, storage holds no token', async ({ page }) => {
    await page.goto(`/jobs/${RUNAWAY_JOB_IDS[0]}?scenario=default`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('demo-token')
    await page.getByRole('button', { name: /^Account/ }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in/)
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('demo-token')
    // Opening a job page again needs a new sign-in: nothing of the session is left.
    await page.goto(`/jobs/${RUNAWAY_JOB_IDS[0]}`)
    await expect(page).toHaveURL(/\/sign-in/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to TheEye Jobs')
  })
})
