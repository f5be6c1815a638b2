import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { createHandlers } from '../src/mocks/handlers'
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
