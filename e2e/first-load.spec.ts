import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { createHandlers } from '../src/mocks/handlers'
import { RUNAWAY_JOB_ID_MAP } from '../src/mocks/ids'
import { createWorld } from '../src/mocks/scenarios'
import { expect, test } from './fixtures'
import { sendFetchResponse, toFetchRequest } from './node-request'

/**
 * First row at the speed of the server, as a configured deployment (a supervisor over HTTP on another
 * origin, a preset token): the page's first data request goes out first, and the rows / the heading show
 * while the profile, task names, approvals count and runaway figures are still on their way — and do
 * not move when those arrive.
 */

let server: Server
let base = ''
/** Requests the server answers at once; every other one waits for release(). */
let passes: (method: string, url: URL) => boolean = () => true
let held: Array<() => void> = []
let release = () => {}
const order: string[] = []

test.beforeAll(async () => {
  const db = createWorld('default')
  const handlers = createHandlers(() => db)
  server = createServer(async (req, res) => {
    const request = await toFetchRequest(req, base)
    const url = new URL(request.url)
    if (req.method !== 'OPTIONS') {
      order.push(`${url.pathname}${url.search}`)
      if (!passes(req.method ?? 'GET', url)) await new Promise<void>((resolve) => held.push(resolve))
    }
    await sendFetchResponse(res, await getResponse(handlers, request))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  release()
  await new Promise((resolve) => server.close(resolve))
})

test.beforeEach(async ({ page }) => {
  order.length = 0
  held = []
  release = () => {
    passes = () => true
    for (const r of held.splice(0)) r()
  }
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: { supervisorUrl: `${base}/mock/supervisor`, gatewayUrl: `${base}/mock/gateway`, customer: 'demo', accessToken: 'demo-token', refreshIntervalMs: 60_000 },
    }),
  )
})

test.afterEach(() => release())

test('/jobs: the job list goes out first, rows show while profile, names and counts wait, and stay put', async ({ page }) => {
  const isFirstPage = (url: URL) => url.pathname === '/mock/supervisor/demo/job' && !url.search.includes('where')
  passes = (method, url) => method === 'GET' && isFirstPage(url)
  await page.goto('/jobs')
  const firstRow = page.getByRole('table').getByRole('link').first()
  await expect(firstRow).toBeVisible()
  // Everything else is still held: no profile yet, no counts.
  expect(order[0], `requests in order: ${order.join(' , ')}`).toMatch(/^\/mock\/supervisor\/demo\/job\?sort\[_id\]=-1&limit=100$/)
  // Sent by the boot script before the app had loaded, and taken by the app: one request, not two.
  expect(order.filter((u) => u === order[0])).toHaveLength(1)
  expect(await page.evaluate(() => performance.getEntriesByName('theeye:first-request-sent-early').length)).toBe(1)
  // Asked for and waiting — or queued in the browser behind the six held requests that fill its per-origin
  // HTTP/1.1 connection limit (task names, hosts, counts, runaway figures all start at once).
  await expect.poll(() => order.some((u) => u.includes('/api/session/profile')) || held.length >= 6).toBe(true)
  await expect(page.getByRole('link', { name: /^Approvals \(\d+\)$/ })).toHaveCount(0)
  const before = await firstRow.boundingBox()

  release()
  await expect(page.getByRole('link', { name: /^Approvals \(6\)$/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Account: Jane/ })).toBeVisible()
  // Names and counts are in, and nothing under the pointer moved.
  expect(await firstRow.boundingBox()).toEqual(before)
})

test('/jobs/:id: the job document goes out first and its heading shows while everything else waits', async ({ page }) => {
  const list = (await (await fetch(`${base}/mock/supervisor/demo/job?sort[_id]=-1&limit=20`, { headers: { Authorization: 'Bearer demo-token' } })).json()) as Array<{
    id: string
    name?: unknown
  }>
  const job = list.find((j) => typeof j.name === 'string' && /^[\w .-]+$/.test(j.name))
  expect(job, 'a job with a plain name').toBeTruthy()
  const id = job!.id
  order.length = 0
  passes = (method, url) => method === 'GET' && url.pathname === `/mock/supervisor/demo/job/${id}`
  await page.goto(`/jobs/${id}`)
  await expect(page.getByRole('heading', { level: 1, name: String(job!.name), exact: true })).toBeVisible()
  expect(order[0], `requests in order: ${order.join(' , ')}`).toBe(`/mock/supervisor/demo/job/${id}`)
  expect(order.filter((u) => u === order[0])).toHaveLength(1)
  expect(await page.evaluate(() => performance.getEntriesByName('theeye:first-request-sent-early').length)).toBe(1)
  release()
  await expect(page.getByRole('link', { name: /^Approvals \(6\)$/ })).toBeVisible()
})

test('the first data request leaves with config.json, before any of the app\'s code has arrived (the build)', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'dev-server', 'the dev server has no inline start: src/boot.ts sends the request there')
  const isFirstPage = (url: URL) => url.pathname === '/mock/supervisor/demo/job' && !url.search.includes('where')
  passes = (method, url) => method === 'GET' && isFirstPage(url)
  // Every script file of the page held back: the entry, the painter, the app.
  let releaseScripts = () => {}
  const scripts = new Promise<void>((resolve) => (releaseScripts = resolve))
  let heldScripts = 0
  await page.route(/\/assets\/[\w-]+\.js$/, async (route) => {
    heldScripts++
    await scripts
    await route.continue()
  })
  await page.goto('/jobs', { waitUntil: 'commit' })
  await expect.poll(() => order.filter((u) => /^\/mock\/supervisor\/demo\/job\?sort\[_id\]=-1&limit=100$/.test(u)).length).toBe(1)
  expect(heldScripts, 'the entry was asked for and held').toBeGreaterThan(0)
  expect(await page.evaluate(() => document.querySelectorAll('#root *').length)).toBe(0)
  releaseScripts()
  // The app takes that answer: the rows show, and the list was asked for once.
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible()
  release()
  await expect(page.getByRole('link', { name: /^Approvals \(6\)$/ })).toBeVisible()
  expect(order.filter((u) => /^\/mock\/supervisor\/demo\/job\?sort\[_id\]=-1&limit=100$/.test(u))).toHaveLength(1)
})

/*
 * The first view is painted from the first answer before the app has loaded (src/boot.ts), and the
 * app's first commit replaces it. Held back here: the app's chunk, so the painted view can be measured;
 * then the app comes in and every measured thing must be exactly where it was.
 */
/**
 * Holds the app's module back (the build's main chunk, or src/main.tsx on the dev server) until the
 * returned function is called, so that the view boot painted stays to be measured.
 */
async function holdApp(page: import('@playwright/test').Page): Promise<() => Promise<void>> {
  let release = () => {}
  let asked = false
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/(assets\/main-[\w-]+\.js|src\/main\.tsx)(\?.*)?$/, async (route) => {
    asked = true
    await held
    await route.continue()
  })
  return async () => {
    // Measured while the app was really held back (not after it had drawn the page). Boot asks for the app
    // a frame after it has painted, so a test that releases as soon as the painted view shows waits for that.
    await expect.poll(() => asked, { message: "the app's module was asked for and held" }).toBe(true)
    release()
  }
}

async function measure(page: import('@playwright/test').Page, selectors: string[]) {
  return page.evaluate((sels) => {
    return sels.map((s) => {
      const el = document.querySelector(s)
      if (!el) return null
      const r = el.getBoundingClientRect()
      return { s, text: (el.textContent ?? '').trim().slice(0, 24), x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) }
    })
  }, selectors)
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`/jobs at ${viewport.width}×${viewport.height}: the rows painted before the app loads are where the app draws them`, async ({ page }) => {
    await page.setViewportSize(viewport)
    // The app's first commit is compared, before the profile, names and counts fill in (the test above checks those).
    passes = (method, url) => method === 'GET' && url.pathname === '/mock/supervisor/demo/job' && !url.search.includes('where')
    const releaseApp = await holdApp(page)
    await page.goto('/jobs')
    const painted = page.locator('[data-first-paint]')
    await expect(painted.getByRole('table').getByRole('link').first()).toBeVisible()
    // Before the app: plain links to the jobs, the page's title, and no second copy of anything.
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toHaveCount(1)
    const firstHref = await painted.getByRole('table').getByRole('link').first().getAttribute('href')
    expect(firstHref).toMatch(/^\/jobs\/[0-9a-f]{24}$/)
    const things = ['main h1', 'table thead', 'table tbody tr:first-child a', 'table tbody tr:nth-child(5) td:first-child', 'nav[aria-label="Main"] a', '[aria-label="Jobs table"]']
    const before = await measure(page, things)
    expect(before.every(Boolean), JSON.stringify(before)).toBe(true)

    await releaseApp()
    await expect(painted).toHaveCount(0)
    await expect(page.getByRole('region', { name: 'Jobs table' })).toBeVisible()
    // The app's own table: its sort buttons work (the painted ones were inert).
    await expect(page.getByRole('columnheader', { name: /status/i }).getByRole('button')).toBeEnabled()
    await expect(page.getByRole('button', { name: 'Account: signed in' })).toBeVisible()
    const after = await measure(page, things)
    expect(after).toEqual(before)
  })
}

test('/jobs/:id: the heading painted before the app loads is where the app draws it', async ({ page }) => {
  const list = (await (await fetch(`${base}/mock/supervisor/demo/job?sort[_id]=-1&limit=20`, { headers: { Authorization: 'Bearer demo-token' } })).json()) as Array<{ id: string; lifecycle?: string }>
  const job = list.find((j) => j.lifecycle === 'finished')!
  const releaseApp = await holdApp(page)
  await page.goto(`/jobs/${job.id}`)
  const painted = page.locator('[data-first-paint]')
  await expect(painted.getByRole('heading', { level: 1 })).toBeVisible()
  const things = ['main h1', 'main nav[aria-label="Breadcrumb"]', 'section[aria-label="Verdict"]']
  const before = await measure(page, things)
  expect(before.every(Boolean), JSON.stringify(before)).toBe(true)
  await releaseApp()
  await expect(painted).toHaveCount(0)
  await expect(page.getByRole('button', { name: /run again|restart/i }).first()).toBeVisible()
  expect(await measure(page, things)).toEqual(before)
})

test('/jobs/:id of a runaway job on a phone: the painted verdict has the app\'s Runaway line, and the heading does not move', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  // The browser's clock held still: the verdict's "Running for 43m 59s" ticks every second, and at this
  // width one more digit can wrap its line (in the app alone too); the takeover must not move anything
  // with the same words in both.
  await page.clock.setFixedTime(new Date())
  // Running 45 minutes, past its 10-minute timeout: flagged by the job alone, before any task history.
  const id = RUNAWAY_JOB_ID_MAP.pastTimeout
  // Only the job's document is answered: the app's first commit has no history either.
  passes = (method, url) => method === 'GET' && url.pathname === `/mock/supervisor/demo/job/${id}`
  // The server's clock from its Date header (a supervisor that exposes it, e.g. behind the same origin):
  // from the times in this one document alone it would read 45 minutes ago, and nothing would be late.
  await page.route(`${base}/mock/supervisor/demo/job/${id}`, async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-expose-headers': 'Date' } })
  })
  const releaseApp = await holdApp(page)
  await page.goto(`/jobs/${id}`)
  const painted = page.locator('[data-first-paint]')
  await expect(painted.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(painted.getByRole('region', { name: 'Verdict' })).toContainText(/Runaway\s*4\.5× its 10m timeout/)
  const things = ['main h1', 'main nav[aria-label="Breadcrumb"]', 'section[aria-label="Verdict"]', 'section[aria-label="Verdict"] p:nth-child(2)']
  const before = await measure(page, things)
  expect(before.every(Boolean), JSON.stringify(before)).toBe(true)
  await releaseApp()
  await expect(painted).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Cancel job' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Verdict' })).toContainText(/Runaway\s*4\.5× its 10m timeout/)
  expect(await measure(page, things)).toEqual(before)
})

test('a stored dark theme is the painted view\'s too, before the app loads', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('theeye.theme', 'dark'))
  const releaseApp = await holdApp(page)
  await page.goto('/jobs')
  const painted = page.locator('[data-first-paint]')
  await expect(painted.getByRole('table').getByRole('link').first()).toBeVisible()
  // Applied by the page load's start (src/start.ts) before the first view is shown, not by the app.
  await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark')
  await expect(painted.getByRole('button', { name: 'Theme: dark. Change theme' })).toHaveCount(1)
  await releaseApp()
  await expect(painted).toHaveCount(0)
  await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
})

test('a name that looks like HTML is painted as text before the app loads too', async ({ page }) => {
  // The first page of jobs, with a hostile name in front (the painted view and the app must both show it as text).
  await page.route(/\/mock\/supervisor\/demo\/job\?sort/, async (route) => {
    const response = await route.fetch()
    const jobs = (await response.json()) as Array<Record<string, unknown>>
    jobs[0] = { ...jobs[0], name: '<img src=x onerror="window.__pwned=1"><b>bold</b>' }
    await route.fulfill({ response, json: jobs })
  })
  const releaseApp = await holdApp(page)
  await page.goto('/jobs')
  const painted = page.locator('[data-first-paint]')
  await expect(painted.getByRole('link', { name: '<img src=x onerror="window.__pwned=1"><b>bold</b>' })).toBeVisible()
  expect(await page.locator('[data-first-paint] img, [data-first-paint] b').count()).toBe(0)
  await releaseApp()
  await expect(painted).toHaveCount(0)
  await expect(page.getByRole('table').getByRole('link', { name: '<img src=x onerror="window.__pwned=1"><b>bold</b>' })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
})

test('a slow first answer: the app starts without waiting for it, and the rows show once it comes, asked for once', async ({ page }, testInfo) => {
  const firstPage = /^\/mock\/supervisor\/demo\/job\?sort\[_id\]=-1&limit=100$/
  const isFirstPage = (url: URL) => firstPage.test(`${url.pathname}${url.search}`)
  // Everything answers but the first page of jobs, held until the app has started (boot waits 400 ms at most).
  passes = (method, url) => !(method === 'GET' && isFirstPage(url))
  const appAsked = page.waitForRequest(/\/(assets\/main-[\w-]+\.js|src\/main\.tsx)(\?.*)?$/)
  await page.goto('/jobs')
  await appAsked
  await expect(page.getByRole('link', { name: /^Approvals \(6\)$/ })).toBeVisible()
  // The page boot laid out, hidden, is never seen (it would be an empty table), and nothing is clickable there.
  await expect(page.locator('[data-first-paint]')).toBeHidden()
  release()
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible()
  await expect(page.locator('[data-first-paint]')).toHaveCount(0)
  // Under StrictMode (the dev server) React mounts the page twice, and the query cancels the request in
  // flight at the first unmount and sends it again: once on the build.
  if (testInfo.project.name !== 'dev-server') expect(order.filter((u) => firstPage.test(u))).toHaveLength(1)
})

test('a failed first answer: the app says what went wrong, nothing of the page boot laid out is left', async ({ page }) => {
  await page.route(/\/mock\/supervisor\/demo\/job\?sort\[_id\]=-1&limit=100$/, (route) => route.fulfill({ status: 500, json: { message: 'database down' } }))
  await page.goto('/jobs')
  // A 5xx may heal: the app retries it twice, 2 s apart, saying so ("Retrying…"), then says what went
  // wrong — some 5 s on an idle machine, up to 10 on the dev server under load (it failed once at 10 s).
  await expect(page.getByText(/database down/i).first()).toBeVisible({ timeout: 25_000 })
  await expect(page.locator('[data-first-paint]')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toHaveCount(1)
})

/** Tabs until `target` has focus (at most 40 presses); fails when it never does. */
async function tabTo(page: import('@playwright/test').Page, target: import('@playwright/test').Locator) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

test('a job link reached by the keyboard in the painted view still has focus when the app takes over', async ({ page }) => {
  passes = (method, url) => method === 'GET' && url.pathname === '/mock/supervisor/demo/job' && !url.search.includes('where')
  const releaseApp = await holdApp(page)
  await page.goto('/jobs')
  const painted = page.locator('[data-first-paint]')
  const paintedLink = painted.getByRole('table').getByRole('link').first()
  await expect(paintedLink).toBeVisible()
  const href = await paintedLink.getAttribute('href')
  await tabTo(page, paintedLink)

  await releaseApp()
  await expect(painted).toHaveCount(0)
  // The same job's link in the app's table, not the page's body.
  const appLink = page.getByRole('table').locator(`a[href="${href}"]`)
  await expect(appLink).toBeFocused()
  // And the keyboard goes on from there: Enter opens that job.
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`${href}$`))
})

test('the Jobs breadcrumb focused in the painted job page is focused in the app; with nothing focused, nothing is', async ({ page }) => {
  const list = (await (await fetch(`${base}/mock/supervisor/demo/job?sort[_id]=-1&limit=20`, { headers: { Authorization: 'Bearer demo-token' } })).json()) as Array<{ id: string }>
  const id = list[0]!.id
  passes = (method, url) => method === 'GET' && url.pathname === `/mock/supervisor/demo/job/${id}`
  let releaseApp = await holdApp(page)
  await page.goto(`/jobs/${id}`)
  const painted = page.locator('[data-first-paint]')
  await tabTo(page, painted.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Jobs' }))
  await releaseApp()
  await expect(painted).toHaveCount(0)
  // The breadcrumb's link, not the navigation's "Jobs" (the same address).
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Jobs' })).toBeFocused()

  // A load where the keyboard was not used: the app's view takes no focus.
  await page.unrouteAll({ behavior: 'wait' })
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: { supervisorUrl: `${base}/mock/supervisor`, gatewayUrl: `${base}/mock/gateway`, customer: 'demo', accessToken: 'demo-token', refreshIntervalMs: 60_000 },
    }),
  )
  releaseApp = await holdApp(page)
  await page.goto(`/jobs/${id}`)
  await expect(painted.getByRole('heading', { level: 1 })).toBeVisible()
  await releaseApp()
  await expect(painted).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible()
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true)
})
