// The servers of the bench's side-by-side comparison, both plain Node HTTP servers started in this process:
//
// - a supervisor + gateway that behaves like the real one over HTTP on another origin: the mock's own MSW
//   handlers (loaded from src/mocks through Vite's SSR loader, the same code the e2e configured.spec uses),
//   answering CORS preflights and carrying the Date/CORS headers the real server sends;
// - a static server for the production build (dist/, with the SPA fallback to index.html) that serves a
//   config.json pointing at that supervisor with a preset token (a configured deployment), and, next to the
//   build, the bare page (bench/bare/): config.json + the same first request + plain links / a heading.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, resolve } from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

function listen(server, port, host = '127.0.0.1') {
  return new Promise((resolveListen, reject) => {
    server.once('error', (e) => reject(e.code === 'EADDRINUSE' ? new Error(`port ${port} is in use (choose others with --port=)`) : e))
    server.listen(port, host, () => resolveListen())
  })
}

function close(server) {
  return new Promise((r) => {
    server.closeAllConnections?.()
    server.close(() => r())
  })
}

/** Loads the mock's handlers and a world through Vite (TypeScript, the @/ alias) without a build. */
async function loadMock(scenario, size) {
  const { createServer: createVite } = await import('vite')
  const vite = await createVite({
    configFile: resolve('vite.config.ts'),
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  try {
    const handlers = await vite.ssrLoadModule('/src/mocks/handlers.ts')
    const scenarios = await vite.ssrLoadModule('/src/mocks/scenarios.ts')
    const { getResponse } = await import('msw')
    const db = scenarios.createWorld(scenario, size ? { size } : {})
    return { db, handlers: handlers.createHandlers(() => db), getResponse }
  } finally {
    await vite.close()
  }
}

/**
 * The supervisor (`/mock/supervisor`) and gateway (`/mock/gateway`) over HTTP. `latencyMs` delays every
 * answer (a real server reads a database); `log` receives every request for the waterfall.
 */
export async function startSupervisor({ port, scenario = 'default', size, latencyMs = 0 }) {
  const { db, handlers, getResponse } = await loadMock(scenario, size)
  const base = `http://127.0.0.1:${port}`
  const server = createServer(async (req, res) => {
    try {
      const chunks = []
      for await (const c of req) chunks.push(c)
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) {
        if (Array.isArray(v)) for (const item of v) headers.append(k, item)
        else if (v !== undefined) headers.set(k, v)
      }
      const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined
      const request = new Request(new URL(req.url ?? '/', base), { method: req.method, headers, body })
      const response = (await getResponse(handlers, request)) ?? new Response('not found', { status: 404 })
      if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs))
      const out = {}
      response.headers.forEach((v, k) => (out[k] = v))
      res.writeHead(response.status, out)
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(e?.message ?? e))
    }
  })
  await listen(server, port)
  return { base, db, supervisorUrl: `${base}/mock/supervisor`, gatewayUrl: `${base}/mock/gateway`, close: () => close(server) }
}

/**
 * The production build plus the bare page, on one origin. `config` is served as /config.json. Paths under
 * /__bare/ are the bare page (bench/bare/index.html for every route, its script next to it); paths under
 * /__bare-styled/ are the same page with the dashboard's stylesheet (the build's own <link> tags, render-
 * blocking as in the dashboard) and its script async (run as soon as it is in, as the dashboard's inline
 * start does, not after the stylesheet): what the design's stylesheet alone costs a page this bare.
 */
export async function startStatic({ port, dist, bareDir, config }) {
  const root = resolve(dist)
  const bareRoot = resolve(bareDir)
  const indexHtml = await readFile(join(root, 'index.html'))
  const bareHtml = await readFile(join(bareRoot, 'index.html'))
  const stylesheets = [...indexHtml.toString('utf8').matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map((m) => m[0])
  if (stylesheets.length === 0) throw new Error(`no stylesheet <link> in ${join(root, 'index.html')}`)
  const styledHtml = bareHtml
    .toString('utf8')
    .replace('<script type="module" ', () => `${stylesheets.join('')}\n    <script type="module" async `)
  if (!styledHtml.includes('<script type="module" async ')) throw new Error('bench/bare/index.html: no module script to make async')
  const configBody = JSON.stringify(config)
  const send = (res, status, type, body, cache = 'no-cache') => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': cache })
    res.end(body)
  }
  // Files are read once and kept in memory: the server answers like a static file server with a warm cache.
  const cache = new Map()
  const fileUnder = async (dir, path) => {
    const file = normalize(join(dir, path))
    if (!file.startsWith(dir)) return null
    if (cache.has(file)) return cache.get(file)
    let hit = null
    try {
      if ((await stat(file)).isFile()) hit = { file, body: await readFile(file) }
    } catch {
      hit = null
    }
    cache.set(file, hit)
    return hit
  }
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (path === '/config.json') return send(res, 200, TYPES['.json'], configBody)
    if (path.startsWith('/__bare/')) {
      const f = extname(path) ? await fileUnder(bareRoot, path.slice('/__bare/'.length)) : null
      if (f) return send(res, 200, TYPES[extname(f.file)] ?? 'application/octet-stream', f.body)
      return send(res, 200, TYPES['.html'], bareHtml)
    }
    if (path.startsWith('/__bare-styled/')) return send(res, 200, TYPES['.html'], styledHtml)
    const f = path === '/' ? null : await fileUnder(root, path)
    if (f) return send(res, 200, TYPES[extname(f.file)] ?? 'application/octet-stream', f.body, path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
    if (extname(path) && !path.startsWith('/jobs/')) return send(res, 404, 'text/plain', 'not found')
    return send(res, 200, TYPES['.html'], indexHtml)
  })
  await listen(server, port)
  return { base: `http://127.0.0.1:${port}`, close: () => close(server) }
}

/**
 * startSupervisor in a process of its own, as a real supervisor is a server of its own: in this process
 * it would share one event loop with the static server, and answer the dashboard's first request only
 * after the page's scripts had been served (which the bare page, with one script, does not ask for).
 */
export async function startSupervisorProcess(options) {
  const { fork } = await import('node:child_process')
  const child = fork(new URL(import.meta.url).pathname, ['--supervisor-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const info = await new Promise((resolveInfo, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the supervisor process exited (${code})`)))
    child.once('message', (m) => (m.error ? reject(new Error(m.error)) : resolveInfo(m)))
    child.send(options)
  })
  child.removeAllListeners('exit')
  const close = () =>
    new Promise((r) => {
      if (child.exitCode !== null) return r()
      child.once('exit', () => r())
      child.kill()
    })
  return { ...info, close }
}

if (process.argv.includes('--supervisor-child')) {
  process.once('message', async (options) => {
    try {
      const sup = await startSupervisor(options)
      process.send({ base: sup.base, supervisorUrl: sup.supervisorUrl, gatewayUrl: sup.gatewayUrl })
      process.once('SIGTERM', () => sup.close().then(() => process.exit(0)))
    } catch (e) {
      process.send({ error: String(e?.message ?? e) })
      process.exit(1)
    }
  })
}
