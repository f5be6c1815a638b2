import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

test.describe('app shell on the mock backend', () => {
  test('opens on the jobs list, signed in as the demo user, and jobs move', async ({ page }) => {
    await page.goto('/?scenario=default')
    await expect(page).toHaveURL(/\/jobs/)
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' })).toBeVisible()
    await expect(page.getByRole('link', { name: /^Approvals \(\d+\)$/ })).toBeVisible()
    await expect(page.getByRole('link', { name: /^Runaway \(\d+\)$/ })).toBeVisible()
    // the approvals waiting on jane show in the tab title on every page
    await expect(page).toHaveTitle(/^\(6\) Jobs · TheEye Jobs$/)
    // The simulated agent takes, finishes and creates jobs; live refresh shows it in the table.
    const rows = page.getByRole('table').getByRole('row')
    await expect(rows.nth(1)).toBeVisible()
    // which jobs are listed, and their lifecycles (not the ticking times)
    const snapshot = () =>
      rows.evaluateAll((trs) =>
        trs
          .slice(1, 16)
          .map((tr) => `${tr.querySelector('a')?.getAttribute('href')}:${tr.children[4]?.textContent}`)
          .join('|'),
      )
    const initial = await snapshot()
    await expect.poll(snapshot, { timeout: 25_000, intervals: [1000] }).not.toBe(initial)
  })

  test('signs out, refuses a bad token, and signs in again with a password', async ({ page }) => {
    await page.goto('/jobs?scenario=default')
    await page.getByRole('button', { name: /^Account/ }).click()
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/sign-in/)
    await expect(page.getByRole('heading', { name: 'Sign in to TheEye Jobs' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)

    await page.getByLabel('Access token').fill('not-a-token')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toContainText(/not accepted/)

    await page.getByLabel('Access token').fill('')
    await page.getByLabel('Username').fill('jane')
    await page.getByLabel('Password').fill('jane-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/jobs/)
    await expect(page.getByRole('button', { name: /^Account: Jane/i })).toBeVisible()
  })

  test('a 401 from the server leads to the sign-in page with the reason', async ({ page }) => {
    await page.goto('/jobs?scenario=default')
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
    // The session is revoked on the server side: the next request meets a 401. While push is live the
    // lists re-sync only every 60 s, so the push connection drops for a moment: the re-read after it
    // reconnects is that next request, whenever the socket went live.
    await page.evaluate(() => {
      window.__mockDb!.failNext(() => true, { status: 401, body: 'Unauthorized' }, 50)
      ;(window as unknown as { __mockSocket: { drop(ms: number): void } }).__mockSocket.drop(300)
    })
    await expect(page).toHaveURL(/\/sign-in/)
    await expect(page.getByRole('status').filter({ hasText: /sign in again/i })).toBeVisible()
  })

  test('the account menu closes with Escape or a click elsewhere', async ({ page }) => {
    await page.goto('/jobs?scenario=empty')
    const account = page.getByRole('button', { name: /^Account/ })
    await account.click()
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
    await expect(account).toBeFocused()
    await account.click()
    await page.getByRole('heading', { level: 1 }).click()
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0)
  })

  test('switches organization: a new token, and the other organization’s jobs', async ({ page }) => {
    await page.goto('/jobs?scenario=default')
    const table = page.getByRole('table')
    await expect(table.getByRole('link').first()).toBeVisible()
    await page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'Acme Corp' })
    await expect(page.getByText('Switched to Acme Corp')).toBeVisible()
    await expect(table.getByRole('link', { name: 'Acme health check' }).first()).toBeVisible()
    await expect(table.getByRole('link', { name: 'Backup DB' })).toHaveCount(0)
    // the demo organization's approvals are not Acme's
    await expect(page.getByRole('link', { name: /^Approvals \(0\)$/ })).toBeVisible()
  })

  test('unknown pages say so, and the theme can be switched', async ({ page }) => {
    await page.goto('/no-such-page?scenario=empty')
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    const html = page.locator('html')
    await page.getByRole('button', { name: /^Theme: system/ }).click()
    await expect(html).toHaveClass(/dark/)
    await page.getByRole('button', { name: /^Theme: dark/ }).click()
    await expect(html).not.toHaveClass(/dark/)
  })

  test('the production build ships a CSP without inline scripts (but its own route table, by hash) and a referrer policy', async ({ page }) => {
    await page.goto('/jobs?scenario=empty')
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute('content')
    const scriptSrc = csp?.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'))
    // 'self' and the hash of the build's one inline script (the route table): never 'unsafe-inline'.
    expect(scriptSrc).toMatch(/^script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible()
    // Any other inline script — one injected into the page, say — does not run.
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __injected?: boolean }
      const s = document.createElement('script')
      s.textContent = 'window.__injected = true'
      document.head.append(s)
      return w.__injected === true
    })
    expect(ran).toBe(false)
    expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('no-referrer')
    // The build's inline script (the route table and the page load's start) did run.
    expect(await page.evaluate(() => '__theeyeStart' in window)).toBe(true)
  })

  test('the build writes the same policy, with its hash, as the header deploy/nginx.conf sends', async ({ page, request }) => {
    await page.goto('/jobs?scenario=empty')
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute('content')
    const conf = await (await request.get('/nginx-csp.conf')).text()
    // A header without the inline script's hash would block it, whatever the meta tag allows.
    expect(conf).toContain(`add_header Content-Security-Policy "${meta}; frame-ancestors 'none'" always;`)
  })
})
