import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { createHandlers } from '../src/mocks/handlers'
import { APPROVAL_JOB_IDS, RUNAWAY_JOB_IDS } from '../src/mocks/ids'
import { createWorld } from '../src/mocks/scenarios'
import type { MockDb } from '../src/mocks/db'
import { expect, test } from './fixtures'

/**
 * A configured deployment: config.json points at a supervisor and gateway over real HTTP (a
 * Node server answering with the mock's handlers, cross-origin, CORS as the real supervisor
 * does it) with a preset token. The mock worker must not load, no request may use a form the
 * real server answers 404/405 to, and every request carries the token exactly once.
 */

interface Seen {
  method: string
  path: string
  query: string
  authorization: string[]
  status: number
}

let server: Server
let base = ''
let db: MockDb
const seen: Seen[] = []

async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const item of v) headers.append(k, item)
    else if (v !== undefined) headers.set(k, v)
  }
  const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body })
}

test.beforeAll(async () => {
  db = createWorld('default')
  const handlers = createHandlers(() => db)
  server = createServer(async (req, res) => {
    const request = await toFetchRequest(req, base)
    const response = (await getResponse(handlers, request)) ?? new Response('not mocked', { status: 599 })
    const url = new URL(request.url)
    if (req.method !== 'OPTIONS') {
      const auth = req.headers.authorization
      seen.push({ method: req.method ?? '', path: url.pathname, query: url.search, authorization: auth ? [auth] : [], status: response.status })
    }
    const headers: Record<string, string> = {}
    response.headers.forEach((v, k) => (headers[k] = v))
    res.writeHead(response.status, headers)
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

test.beforeEach(async ({ page }) => {
  seen.length = 0
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: {
        supervisorUrl: `${base}/mock/supervisor`,
        gatewayUrl: `${base}/mock/gateway`,
        customer: 'demo',
        accessToken: 'demo-token',
        refreshIntervalMs: 2000,
      },
    }),
  )
})

test('shows the server’s jobs, acts on them with the /:customer/job/:id forms, token once, no mock code', async ({ page, guard }) => {
  await page.goto('/jobs')
  await expect(page.getByRole('link', { name: /^Approvals \(6\)$/ })).toBeVisible()
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible()
  await expect(page.getByText('Mock backend')).toHaveCount(0)

  // cancel a runaway job from its page
  await page.goto(`/jobs/${RUNAWAY_JOB_IDS[0]}`)
  await page.getByRole('button', { name: 'Cancel job' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel job' }).click()
  await expect(page.getByText(/terminated/i).first()).toBeVisible()

  // approve one request in the inbox
  await page.goto('/approvals')
  const approveDeploy = page.locator('article').filter({ has: page.locator(`a[href="/jobs/${APPROVAL_JOB_IDS.deployDefaultLabels}"]`) })
  await approveDeploy.getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(page.getByRole('link', { name: /^Approvals \(5\)$/ })).toBeVisible()

  // The mock worker never loaded.
  expect(guard.requests.map((r) => r.url()).filter((u) => /mockServiceWorker|\/assets\/browser-/.test(u))).toEqual([])
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0)

  // What the server saw: the token once per request, in the header, and no 404/405 form.
  expect(seen.length).toBeGreaterThan(5)
  for (const r of seen) {
    expect(r.authorization, `${r.method} ${r.path}`).toEqual(['Bearer demo-token'])
    expect(r.query, `${r.method} ${r.path}`).not.toMatch(/access_token|include/)
    expect([404, 405], `${r.method} ${r.path}${r.query}`).not.toContain(r.status)
  }
  expect(seen.some((r) => r.method === 'PUT' && r.path === `/mock/supervisor/demo/job/${RUNAWAY_JOB_IDS[0]}/cancel`)).toBe(true)
  expect(seen.some((r) => r.method === 'PUT' && r.path === `/mock/supervisor/demo/job/${APPROVAL_JOB_IDS.deployDefaultLabels}/approve`)).toBe(true)
  expect(db.getJob(APPROVAL_JOB_IDS.deployDefaultLabels)?.lifecycle).toBe('finished')
})

test('the connect-src of the page is narrowed to the configured servers', async ({ page }) => {
  await page.goto('/jobs')
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible()
  const policies = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((els) => els.map((e) => e.getAttribute('content') ?? ''))
  expect(policies.some((p) => p.startsWith('connect-src') && p.includes(base))).toBe(true)
  // The same server under another origin (localhost instead of 127.0.0.1) would answer, CORS
  // included: the browser refuses to connect because of the policy alone.
  const other = base.replace('127.0.0.1', 'localhost')
  const outcome = await page.evaluate(async (url) => {
    try {
      await fetch(`${url}/mock/supervisor/api/status`)
      return 'connected'
    } catch {
      return 'blocked'
    }
  }, other)
  expect(outcome).toBe('blocked')
  const direct = await fetch(`${other}/mock/supervisor/api/status`, { headers: { Origin: 'http://example.test' } })
  expect(direct.status).toBeLessThan(500)
})
