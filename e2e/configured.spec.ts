import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { Server as SocketServer } from 'socket.io'
import { createHandlers } from '../src/mocks/handlers'
import { APPROVAL_JOB_IDS, RUNAWAY_JOB_IDS } from '../src/mocks/ids'
import { createWorld } from '../src/mocks/scenarios'
import type { MockDb } from '../src/mocks/db'
import { audienceOf, jobEvent, receives, type Audience } from '../src/mocks/socket'
import { expect, test } from './fixtures'
import { sendFetchResponse, toFetchRequest } from './node-request'

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
let io: SocketServer
let base = ''
let db: MockDb
const seen: Seen[] = []
/** What each socket.io handshake carried: its URL (never the token) and whether `auth` held the token. */
const handshakes: Array<{ url: string; authToken: unknown }> = []

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
    await sendFetchResponse(res, response)
  })
  // A real socket.io 4 server on the gateway's origin, speaking the gateway's handshake
  // (theeye-gateway server/services/notifications/sockets): authorize, then autosubscribe, each acked;
  // job events named after their topic, delivered by organization and ACL.
  io = new SocketServer(server, { path: '/mock/gateway/socket.io', cors: { origin: '*', credentials: true } })
  const audiences = new Map<string, Audience>()
  io.on('connection', (socket) => {
    const token = (socket.handshake.auth as { access_token?: unknown }).access_token
    handshakes.push({ url: socket.handshake.url, authToken: token })
    let authorized = false
    socket.on('post:authorize', (_params: unknown, ack: (a: unknown) => void) => {
      if (!audienceOf(db, typeof token === 'string' ? token : null)) {
        ack({ status: 401, message: 'authentication error' })
        socket.disconnect()
        return
      }
      authorized = true
      ack({ status: 200, message: 'authorized' })
    })
    socket.on('post:autosubscribe', (_params: unknown, ack: (a: unknown) => void) => {
      const audience = authorized ? audienceOf(db, token as string) : null
      if (!audience) return ack({ status: 401, message: 'Incompleted authorization handshake' })
      audiences.set(socket.id, audience)
      ack({ status: 200, body: { message: 'auto-subscription success' } })
    })
    socket.on('disconnect', () => audiences.delete(socket.id))
  })
  const emitJobChange = (job: Parameters<typeof jobEvent>[1], operation: 'create' | 'update') => {
    const event = jobEvent(db, job, operation)
    if (!event) return
    for (const [id, audience] of audiences) if (receives(audience, event)) io.to(id).emit(event.topic, event.data)
  }
  detachSocket = db.onJobChange(emitJobChange)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

let detachSocket = () => {}

test.afterAll(async () => {
  detachSocket()
  await new Promise<void>((resolve) => void io.close(() => resolve()))
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

test('live by push from a real socket.io 4 server on the gateway origin: a job changed on the server shows within 2 s, the token never in a URL', async ({ page, guard }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      json: { supervisorUrl: `${base}/mock/supervisor`, gatewayUrl: `${base}/mock/gateway`, customer: 'demo', accessToken: 'demo-token', refreshIntervalMs: 600_000 },
    }),
  )
  handshakes.length = 0
  await page.goto(`/jobs/${RUNAWAY_JOB_IDS[1]}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const status = page.getByRole('banner').getByRole('status').filter({ hasText: /^(Live|Reconnecting|Polling)/ })
  await expect(status).toHaveText(/^Live/)
  await expect(page.getByRole('main').getByText('assigned').first()).toBeVisible()

  const before = seen.filter((r) => r.method === 'GET').length
  const job = db.getJob(RUNAWAY_JOB_IDS[1]!)!
  db.updateJob(job, (j) => {
    j.lifecycle = 'finished'
    j.state = 'failure'
    j.output = ['"from-the-real-socket"']
  })
  await expect(page.getByRole('main').getByText('failure').first()).toBeVisible({ timeout: 2000 })
  // The trimmed event was followed by one read of the job's document (for output), not a poll of lists.
  await expect(page.getByRole('main').getByText('from-the-real-socket').first()).toBeVisible({ timeout: 2000 })
  const reads = seen.slice(0).filter((r) => r.method === 'GET').slice(before)
  expect(reads.filter((r) => r.path === '/mock/supervisor/demo/job').length).toBe(0)

  // One connection for the tab; the token travelled in the handshake's auth, never in its URL.
  expect(handshakes.length).toBe(1)
  expect(handshakes[0]!.authToken).toBe('demo-token')
  expect(handshakes[0]!.url).not.toMatch(/demo-token|access_token/)
  expect(guard.badRequests).toEqual([])
})
