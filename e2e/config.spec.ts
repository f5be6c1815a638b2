import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * config.json decides which server the dashboard shows. A missing, broken or invalid file is an
 * error page that says what is wrong and how to fix it — never a silent switch to the mock
 * backend with invented data.
 */

async function expectConfigError(page: Page, what: RegExp) {
  await expect(page.getByRole('heading', { name: /cannot start: its configuration is not usable/ })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText(what)
  await expect(page.getByRole('heading', { name: 'How to fix it' })).toBeVisible()
  await expect(page.getByText(/config\.json next to index\.html|web server|network connection/).first()).toBeVisible()
  // No invented data: no mock chip, no jobs table, no mock worker.
  await expect(page.getByText('Mock backend', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('table')).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0)
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /mockServiceWorker|\/assets\/browser-/.test(e.name)))).toBe(false)
}

const brokenConfigs: Array<{ name: string; serve: (page: Page) => Promise<unknown>; says: RegExp }> = [
  {
    name: 'a 500',
    serve: (page) => page.route('**/config.json', (r) => r.fulfill({ status: 500, body: 'Internal Server Error' })),
    says: /config\.json could not be loaded from \/config\.json: the server answered 500/,
  },
  {
    name: 'a 404 (no config.json deployed)',
    serve: (page) => page.route('**/config.json', (r) => r.fulfill({ status: 404, body: 'Not Found' })),
    says: /config\.json was not found at \/config\.json \(404\)/,
  },
  {
    name: 'invalid JSON',
    serve: (page) => page.route('**/config.json', (r) => r.fulfill({ contentType: 'application/json', body: '{ "supervisorUrl": "https://sup.example.com", }' })),
    says: /is not valid JSON/,
  },
  {
    name: 'the SPA fallback page instead of JSON',
    serve: (page) => page.route('**/config.json', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><html><body></body></html>' })),
    says: /is an HTML page, not JSON/,
  },
  {
    name: 'wrong types',
    serve: (page) => page.route('**/config.json', (r) => r.fulfill({ json: { supervisorUrl: 42, refreshIntervalMs: 'often' } })),
    says: /"supervisorUrl" must be a string, not a number[\s\S]*"refreshIntervalMs" must be a number of milliseconds/,
  },
  {
    name: 'no supervisorUrl',
    serve: (page) => page.route('**/config.json', (r) => r.fulfill({ json: { customer: 'acme' } })),
    says: /"supervisorUrl" is not set/,
  },
  {
    name: 'a javascript: URL',
    serve: (page) => page.route('**/config.json', (r) => r.fulfill({ json: { supervisorUrl: 'javascript:alert(1)' } })),
    says: /"supervisorUrl" "javascript:alert\(1\)" uses javascript: — only http:\/\/ and https:\/\/ are allowed/,
  },
  {
    name: 'a URL with credentials',
    serve: (page) => page.route('**/config.json', (r) => r.fulfill({ json: { supervisorUrl: 'https://sup.example.com', gatewayUrl: 'https://bob:hunter2@gw.example.com' } })),
    says: /"gatewayUrl" contains a user name or password/,
  },
  {
    name: 'a network error',
    serve: (page) => page.route('**/config.json', (r) => r.abort('connectionrefused')),
    says: /config\.json could not be loaded from \/config\.json: the request failed/,
  },
]

for (const c of brokenConfigs) {
  test(`config.json with ${c.name} is an error page that says why, never the mock`, async ({ page }) => {
    await c.serve(page)
    await page.goto('/jobs')
    await expectConfigError(page, c.says)
    await expect(page.getByText('hunter2')).toHaveCount(0)
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('hunter2')
    await expect(page).toHaveTitle(/Configuration error/)
  })
}

test('config.json is requested once, in parallel with the main chunk (the preload is reused)', async ({ page }) => {
  const requests: string[] = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/config.json') requests.push(r.url())
  })
  await page.goto('/jobs?scenario=empty')
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible()
  expect(requests).toHaveLength(1)
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    const config = entries.filter((e) => new URL(e.name).pathname === '/config.json')
    const main = entries.find((e) => /\/assets\/index-[^/]+\.js$/.test(e.name))
    return { configs: config.length, configStart: config[0]?.startTime ?? -1, mainEnd: main?.responseEnd ?? -1 }
  })
  expect(timing.configs).toBe(1)
  // Started before the main chunk had even arrived (let alone run).
  expect(timing.configStart).toBeLessThan(timing.mainEnd)
  expect(await page.evaluate(() => document.querySelector('link[rel="preload"][as="fetch"][href$="config.json"]') !== null)).toBe(true)
})

test('a crafted return path (//evil.example/jobs) signs in to an in-app page, no loop', async ({ page, guard }) => {
  await page.goto('/jobs?scenario=default')
  await page.getByRole('button', { name: /^Account/ }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  // The address bar path is //evil.example/jobs on this origin; the router would take it as another origin.
  const origin = new URL(page.url()).origin
  await page.goto(`${origin}//evil.example/jobs`)
  await expect(page).toHaveURL(/\/sign-in$/)
  await expect(page.getByRole('heading', { name: 'Sign in to TheEye Jobs' })).toBeVisible()
  await page.getByLabel('Access token').fill('demo-token')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  expect(new URL(page.url()).origin).toBe(origin)
  expect(new URL(page.url()).pathname).toBe('/evil.example/jobs')
  expect(guard.pageErrors).toEqual([])
  await expect(page.getByText(/External navigation/)).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Sign in to TheEye Jobs' })).toHaveCount(0)
})
