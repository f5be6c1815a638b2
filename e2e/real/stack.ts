import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The real TheEye stack (../shared/realstack) plus the built dashboard served by Debian's nginx
 * with the shipped deploy/nginx.conf, all on free ports, for the `real` Playwright project.
 * Everything it starts it also stops: stop() is idempotent and synchronous, so it can run from a
 * global teardown, a failed setup and a process exit handler alike.
 */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** What the journeys read (written as JSON to $REAL_STATE). */
export interface RealState {
  appUrl: string
  supervisorUrl: string
  gatewayUrl: string
  customer: string
  run: string
  /** The fixture seed-world.mjs printed (users with tokens, ids of host, tasks and jobs). */
  world: World
}

export interface WorldUser {
  id: string
  username: string
  email: string
  name: string
  password: string
  credential: string
  token: string
}
export interface WorldJob {
  id: string
  name: string
  task_id: string
  _type: string
  lifecycle: string
  state: string
  log?: string
  logText?: string
  approvers?: string[]
}
export interface World {
  supervisorUrl: string
  gatewayUrl: string
  customer: string
  users: Record<'admin' | 'viewer' | 'agent' | 'jane', WorldUser>
  host: { id: string; hostname: string }
  tasks: Record<'backup' | 'nightly' | 'refund', { id: string; name: string; type: string; success_label?: string; failure_label?: string }>
  jobs: Record<'backupSuccess' | 'backupFailure' | 'nightlySuccess' | 'backupReady' | 'nightlyReady' | 'refundOnhold', WorldJob>
}

/**
 * The realstack kit: $REALSTACK_KIT, else ../shared/realstack beside the repository (for a git
 * worktree, also beside the main checkout it belongs to).
 */
export function realstackKit(): string {
  if (process.env.REALSTACK_KIT) return path.resolve(process.env.REALSTACK_KIT)
  const beside = path.join(REPO_ROOT, '..', 'shared', 'realstack')
  if (fs.existsSync(beside)) return beside
  const common = spawnSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], { cwd: REPO_ROOT, encoding: 'utf8' })
  const main = common.status === 0 ? path.join(path.dirname(common.stdout.trim()), '..', 'shared', 'realstack') : ''
  return main && fs.existsSync(main) ? path.resolve(main) : beside
}

export function readState(): RealState {
  const file = process.env.REAL_STATE
  if (!file) throw new Error('REAL_STATE is not set: run these journeys with `npm run test:real` (playwright.real.config.ts).')
  return JSON.parse(fs.readFileSync(file, 'utf8')) as RealState
}

/** Distinct free TCP ports on 127.0.0.1 (held open together so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = []
  try {
    for (let i = 0; i < count; i++) {
      const server = net.createServer()
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', resolve)
      })
      servers.push(server)
    }
    return servers.map((s) => (s.address() as net.AddressInfo).port)
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))))
  }
}

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number; label: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(new Error(`${opts.label}: ${e.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve(out)
      else reject(new Error(`${opts.label} failed (${signal ?? `exit ${code}`}):\n${(err + out).split('\n').slice(-25).join('\n')}`))
    })
  })
}

function nginxBinary(): string {
  for (const candidate of [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/bin/nginx']) {
    if (candidate && fs.existsSync(candidate)) return candidate
  }
  throw new Error('nginx is not installed (apt-get install -y nginx), or set NGINX_BIN')
}

/**
 * The shipped server block with only the deployment-specific lines changed: where it listens, where
 * the build is, and where the build's policy header is (the Dockerfile moves dist/nginx-csp.conf to
 * /etc/nginx/theeye-csp.conf; here it is read where the build wrote it). Everything else (headers,
 * caching, SPA fallback) is used as shipped.
 */
export function renderServerBlock(shipped: string, port: number, root: string): string {
  const listen = /^(\s*)listen\s+8080;\s*$/m
  const rootLine = /^(\s*)root\s+\/usr\/share\/nginx\/html;\s*$/m
  const policy = /^(\s*)include\s+\/etc\/nginx\/theeye-csp\.conf;\s*$/m
  if (!listen.test(shipped) || !rootLine.test(shipped) || !policy.test(shipped)) {
    throw new Error('deploy/nginx.conf no longer has the `listen 8080;`, `root /usr/share/nginx/html;` and `include /etc/nginx/theeye-csp.conf;` lines the real journeys replace')
  }
  return shipped
    .replace(listen, `$1listen 127.0.0.1:${port};`)
    .replace(rootLine, `$1root ${root};`)
    .replace(policy, `$1include ${root}/nginx-csp.conf;`)
}

function mainNginxConf(dir: string): string {
  return `# generated by e2e/real/stack.ts: Debian's nginx, run in the foreground, with deploy/nginx.conf inside
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
${process.getuid?.() === 0 ? 'user root;\n' : ''}events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  include ${dir}/dashboard.conf;
}
`
}

async function waitForHttp(url: string, isAlive: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`${what} exited during start-up`)
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (r.ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000} s`)
}

export interface Started {
  state: RealState
  stateFile: string
  stop: () => void
}

/**
 * Starts the stack, seeds the world, builds the dashboard, writes its config.json and serves it
 * through nginx. On any failure it stops what it started before throwing.
 */
export async function startAll(log: (m: string) => void = (m) => process.stderr.write(`real: ${m}\n`)): Promise<Started> {
  const kit = realstackKit()
  if (!fs.existsSync(path.join(kit, 'start.sh'))) {
    throw new Error(`The realstack kit is not at ${kit} (expected ../shared/realstack beside the repository, or set REALSTACK_KIT)`)
  }
  // The kit copies the upstream trees verbatim; without their config folders setup.sh fails with a
  // bare `cp` error, so say what is wrong first.
  const missing = ['src/gateway/server/config/default.json', 'src/supervisor/config/default.js'].filter((f) => !fs.existsSync(path.join(kit, f)))
  if (missing.length) {
    throw new Error(
      `The realstack kit at ${kit} is incomplete: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (upstream files the kit installs). ` +
        'Restore them from the upstream commits named in src/SOURCES.md, or set REALSTACK_KIT to a complete copy.',
    )
  }
  const workdir = process.env.REALSTACK_DIR ?? '/tmp/theeye-realstack'
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-real-'))
  fs.chmodSync(runDir, 0o755) // nginx workers read the build from here
  const stackRun = path.join(runDir, 'stack')
  const nginxDir = path.join(runDir, 'nginx')
  const www = path.join(runDir, 'www')
  let nginx: ChildProcess | undefined
  let stackStarted = false
  let stopped = false

  const stop = () => {
    if (stopped) return
    stopped = true
    if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
      nginx.kill('SIGTERM')
      // wait (synchronously) until its pid file is gone or a short while passes
      spawnSync('sh', ['-c', `for i in $(seq 1 30); do [ -f '${nginxDir}/nginx.pid' ] || exit 0; sleep 0.1; done`], { stdio: 'ignore' })
    }
    if (stackStarted) {
      const r = spawnSync(path.join(kit, 'stop.sh'), [workdir], { env: { ...process.env, REALSTACK_RUN: stackRun }, encoding: 'utf8', timeout: 30_000 })
      if (r.status !== 0) process.stderr.write(`real: stop.sh failed: ${r.stderr}\n`)
    }
    // the build is the only big thing in the run folder; the logs stay for a look after a failure
    fs.rmSync(www, { recursive: true, force: true })
  }

  try {
    // 1. the stack, on free ports (start.sh refuses a taken port: pick again once if that races)
    let ports: number[] = []
    for (let attempt = 1; ; attempt++) {
      ports = await freePorts(5)
      const [mongo, redis, gateway, supervisor] = ports
      log(`starting the real stack (kit ${kit}, workdir ${workdir}, run ${stackRun}); the first setup takes 30–50 s`)
      stackStarted = true
      try {
        await run(path.join(kit, 'start.sh'), [workdir], {
          env: { ...process.env, REALSTACK_RUN: stackRun, MONGO_PORT: `${mongo}`, REDIS_PORT: `${redis}`, GATEWAY_PORT: `${gateway}`, SUPERVISOR_PORT: `${supervisor}` },
          timeoutMs: 900_000,
          label: 'realstack start.sh',
        })
        break
      } catch (error) {
        if (attempt < 3 && /already in use/.test(String(error))) continue
        throw error
      }
    }
    const stack = JSON.parse(fs.readFileSync(path.join(stackRun, 'stack.json'), 'utf8')) as { supervisorUrl: string; gatewayUrl: string; customer: string }

    // 2. the known world
    log('seeding the world (seed-world.mjs)')
    const seedOut = await run('node', [path.join(kit, 'seed-world.mjs'), workdir], {
      env: { ...process.env, REALSTACK_RUN: stackRun },
      timeoutMs: 120_000,
      label: 'realstack seed-world.mjs',
    })
    const lastLine = seedOut.trim().split('\n').pop() ?? ''
    const world = JSON.parse(lastLine) as World
    fs.writeFileSync(path.join(runDir, 'world.json'), JSON.stringify(world, null, 2))

    // 3. the dashboard, built as deployed, with its config.json
    log('building the dashboard (vite build)')
    await run(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', www, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      timeoutMs: 300_000,
      label: 'vite build',
    })
    const config = { supervisorUrl: stack.supervisorUrl, gatewayUrl: stack.gatewayUrl, customer: stack.customer, refreshIntervalMs: 2000, requestTimeoutMs: 15_000 }
    fs.writeFileSync(path.join(www, 'config.json'), `${JSON.stringify(config, null, 2)}\n`)

    // 4. nginx with the shipped server block
    const appPort = ports[4]
    fs.mkdirSync(path.join(nginxDir, 'tmp'), { recursive: true })
    const shipped = fs.readFileSync(path.join(REPO_ROOT, 'deploy', 'nginx.conf'), 'utf8')
    fs.writeFileSync(path.join(nginxDir, 'dashboard.conf'), renderServerBlock(shipped, appPort, www))
    fs.writeFileSync(path.join(nginxDir, 'nginx.conf'), mainNginxConf(nginxDir))
    const bin = nginxBinary()
    const check = spawnSync(bin, ['-t', '-q', '-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf')], { encoding: 'utf8' })
    if (check.status !== 0) throw new Error(`nginx -t rejected the configuration:\n${check.stderr}`)
    log(`serving the build through ${bin} on 127.0.0.1:${appPort}`)
    const child = spawn(bin, ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] })
    nginx = child
    let nginxErr = ''
    child.stderr?.on('data', (d: Buffer) => (nginxErr += d.toString()))
    const appUrl = `http://127.0.0.1:${appPort}`
    await waitForHttp(`${appUrl}/config.json`, () => child.exitCode === null, 'nginx').catch((e: Error) => {
      throw new Error(`${e.message}\n${nginxErr}`)
    })

    const state: RealState = { appUrl, supervisorUrl: stack.supervisorUrl, gatewayUrl: stack.gatewayUrl, customer: stack.customer, run: runDir, world }
    const stateFile = path.join(runDir, 'state.json')
    fs.writeFileSync(stateFile, JSON.stringify(state, null, 2))
    log(`ready: app ${appUrl}, supervisor ${stack.supervisorUrl}, gateway ${stack.gatewayUrl} (logs in ${stackRun}/logs)`)
    return { state, stateFile, stop }
  } catch (error) {
    stop()
    throw error
  }
}
