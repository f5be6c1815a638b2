// Screenshots of the main views for the README (docs/screenshots/*.png): the production build on
// the built-in mock backend (default world), in Debian's Chromium, at 1280×900 (and the jobs list on
// a 390×844 phone). `npm run screenshots` builds first; `--no-build` reuses dist/.
//
// Env: SCREENSHOT_PORT (default 4390), CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { chromium } from '@playwright/test'

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4390)
const BASE = `http://127.0.0.1:${PORT}`
const OUT = 'docs/screenshots'

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true })
const stopServer = () => {
  try {
    process.kill(-server.pid)
  } catch {
    /* already gone */
  }
}

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/config.json`)).ok) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`vite preview did not start on ${BASE}`)
}

/** Ids from the mock world itself (mock mode exposes it as window.__mockDb). */
async function jobId(page, pick) {
  return page.evaluate((pick) => {
    const jobs = window.__mockDb.jobs()
    const j =
      pick === 'failed'
        ? jobs.filter((j) => j.state === 'failure' && j.name === 'Deploy web' && j.lifecycle === 'finished').at(-1)
        : jobs.find((j) => j.lifecycle === 'assigned' && j.name === 'Backup DB' && Date.now() - Date.parse(j.creation_date) > 30 * 60_000)
    return j?.id
  }, pick)
}

const VIEWS = [
  { file: 'jobs.png', path: '/jobs', heading: 'Jobs', ready: (p) => p.getByRole('table').getByRole('link').first() },
  { file: 'job-failed.png', job: 'failed', ready: (p) => p.getByRole('region', { name: 'Verdict' }) },
  { file: 'job-runaway.png', job: 'runaway', ready: (p) => p.getByRole('region', { name: 'Verdict' }).getByText('Runaway') },
  { file: 'approvals.png', path: '/approvals', heading: 'Approvals' },
  { file: 'runaway.png', path: '/runaway', heading: 'Runaway jobs', ready: (p) => p.getByRole('table').getByRole('link').first() },
  { file: 'workflows.png', path: '/workflows', heading: 'Workflows', optional: true },
  { file: 'tasks.png', path: '/tasks', heading: 'Tasks', optional: true },
  { file: 'jobs-phone.png', path: '/jobs', heading: 'Jobs', phone: true, ready: (p) => p.getByRole('table').getByRole('link').first() },
]

try {
  await waitForServer()
  mkdirSync(OUT, { recursive: true })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', colorScheme: 'light' })
  const page = await context.newPage()
  await page.goto(`${BASE}/jobs?scenario=default`)
  await page.getByRole('table').getByRole('link').first().waitFor({ timeout: 60_000 })
  const ids = { failed: await jobId(page, 'failed'), runaway: await jobId(page, 'runaway') }
  for (const view of VIEWS) {
    await page.setViewportSize(view.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 })
    const path = view.job ? `/jobs/${ids[view.job]}` : view.path
    await page.goto(`${BASE}${path}`)
    if (view.optional) {
      // Views that are not on this build yet (another branch adds them) are skipped.
      const found = await page
        .getByRole('heading', { level: 1, name: view.heading })
        .waitFor({ timeout: 15_000 })
        .then(() => true, () => false)
      if (!found) {
        console.log(`skipped ${view.file}: ${path} is not in this build`)
        continue
      }
    }
    await (view.ready ? view.ready(page) : page.getByRole('heading', { level: 1, name: view.heading })).first().waitFor({ timeout: 60_000 })
    // Let names and counts that arrive after the first paint settle.
    await page.waitForLoadState('networkidle').catch(() => {})
    await page.screenshot({ path: `${OUT}/${view.file}` })
    console.log(`wrote ${OUT}/${view.file}`)
  }
  await browser.close()
} finally {
  stopServer()
}
