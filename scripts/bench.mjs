// Performance benchmark of the dashboard: `npm run bench` (add `--no-build` to reuse dist/).
//
// Builds the production bundle, serves it with `vite preview` on 127.0.0.1:<port> (started and stopped here),
// drives headless Chromium on the built-in mock backend and prints a Markdown table (also written to
// bench/results.json). Exits 1 when a budget is exceeded (naming it), 2 when the bench itself could not run.
// A figure that cannot be measured yet prints "n/a (reason)"; `--strict` treats an unmeasured budget as failed.
//
// The "bare" figures compare the dashboard with a bare page as a configured deployment: the build and the
// bare page (bench/bare/) served by one Node server on <port+2>, config.json pointing at a supervisor over
// HTTP on another origin (<port+1>, the mock's handlers in a Node process of their own; see scripts/bench/servers.mjs)
// with a preset token. The same runs also load the bare page with the dashboard's stylesheet (/__bare-styled/),
// reported next to the ratios: what the design's stylesheet alone costs a page that bare (no budget).
//
// Options: --no-build  --strict  --runs=N (loads per size, default 5)  --idle-seconds=S (default 20)
//          --port=P (default 4230; uses P, P+1, P+2; or BENCH_PORT)  --bare-runs=N (default 9)
//          --latency=MS (supervisor answer delay in the bare comparison, default 0)
//          --only=bundle,bare,ttfr,big,log,requests,live (subset, for working on one figure)
//          --live-idle-seconds=N (push vs polling idle window, scaled to 5 minutes; default 60, which holds one 60 s safety re-sync)
import { mkdirSync, writeFileSync, existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import os from 'node:os'
import { chromium } from '@playwright/test'
import { measureBundle } from './size-budget.mjs'
import { cleanup, onCleanup, run, startServer, stopChild, withTimeout } from './bench/proc.mjs'
import { compareWithBare, formatWaterfall } from './bench/bare.mjs'
import { liveRows, pushVersusPolling } from './bench/live.mjs'
import { startStatic, startSupervisorProcess } from './bench/servers.mjs'
import {
  bigList,
  findLogJobs,
  heapAfterGc,
  idleRequests,
  logMarker,
  median,
  scrollToBottom,
  timeToFirstRow,
  timeToLogLine,
  typeFilter,
} from './bench/measure.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(ROOT)

const argv = process.argv.slice(2)
const flag = (name) => argv.includes(`--${name}`)
const opt = (name, dflt) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`))
  return a ? a.slice(name.length + 3) : dflt
}
const NO_BUILD = flag('no-build')
const STRICT = flag('strict')
const RUNS = Math.max(1, Number(opt('runs', 5)) || 5)
const IDLE_MS = Math.max(2, Number(opt('idle-seconds', 20)) || 20) * 1000
const ONLY = opt('only', 'bundle,bare,ttfr,big,log,requests,live').split(',')
const LIVE_IDLE_MS = Math.max(5, Number(opt('live-idle-seconds', 60)) || 60) * 1000
const PORT = Number(opt('port', process.env.BENCH_PORT ?? 4230))
const SUPERVISOR_PORT = PORT + 1
const STATIC_PORT = PORT + 2
const BARE_RUNS = Math.max(1, Number(opt('bare-runs', 9)) || 9)
const LATENCY_MS = Math.max(0, Number(opt('latency', 0)) || 0)
const BASE = `http://127.0.0.1:${PORT}`
const SIZES = [100, 1000, 10000]
const BIG = 10000
const FILTER_TEXT = 'backup db'
const HARD_LIMIT_MS = (8 + (ONLY.includes('live') ? 3 : 0)) * 60_000

const BUDGETS = {
  initialJs: 120 * 1024,
  ttfrRatio: 1.5,
  bareRatio: 1.3,
  layoutShift: 0.01,
  typingLongest: 50,
  hiddenRequests: 0,
}

const t0 = Date.now()
const log = (msg) => console.error(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${msg}`)

// ---- result rows ------------------------------------------------------------------------------------------------

const rows = []
const raw = {}
/**
 * One table row. `value` null = not measured (reason in `na`). `budget` {max, text}: ok when value <= max.
 */
function row(key, figure, { value = null, display, budget, na, note } = {}) {
  let status = '—'
  if (value === null) status = budget ? 'n/a' : '—'
  else if (budget) status = value <= budget.max ? 'ok' : 'over'
  rows.push({
    key,
    figure,
    value,
    display: value === null ? `n/a (${na ?? 'not measured'})` : display ?? String(value),
    budget: budget ? budget.text : '—',
    status,
    note: note ?? null,
  })
}
const kB = (n) => `${(n / 1024).toFixed(1)} kB`
const ms = (n) => `${Math.round(n)} ms`
const reason = (e) => String(e?.message ?? e).split('\n')[0]

// ---- lifecycle ----------------------------------------------------------------------------------------------

let exiting = false
async function shutdown(code) {
  if (exiting) return
  exiting = true
  await withTimeout(cleanup(), 15_000, 'cleanup').catch((e) => console.error(`bench: ${e.message}`))
  process.exit(code)
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\nbench: ${sig}, stopping the browser and the preview server…`)
    shutdown(130)
  })
}
process.on('uncaughtException', (e) => {
  console.error(`bench: ${e.stack ?? e}`)
  shutdown(2)
})
process.on('unhandledRejection', (e) => {
  console.error(`bench: unhandled rejection: ${e?.stack ?? e}`)
  shutdown(2)
})
setTimeout(() => {
  console.error(`bench: hard limit of ${HARD_LIMIT_MS / 60000} minutes reached`)
  shutdown(2)
}, HARD_LIMIT_MS).unref()

async function step(name, fn) {
  log(`${name}…`)
  try {
    return await fn()
  } catch (e) {
    log(`${name} failed: ${reason(e)}`)
    raw[`${name}Error`] = String(e?.stack ?? e)
    return { error: reason(e) }
  }
}

// ---- main ---------------------------------------------------------------------------------------------------

async function main() {
  if (!NO_BUILD) {
    log('building (npx vite build)…')
    await run('npx', ['vite', 'build'], { timeoutMs: 240_000 })
  }
  if (!existsSync('dist/index.html')) throw new Error('dist/index.html is missing: run without --no-build')

  // bundle sizes -------------------------------------------------------------------------------------------
  if (ONLY.includes('bundle')) {
    const b = measureBundle('dist')
    raw.bundle = b
    row('initialJsGzip', 'Initial JS, gzip (entry + static imports)', {
      value: b.initialJsGzip,
      display: kB(b.initialJsGzip),
      budget: { max: BUDGETS.initialJs, text: `≤ ${kB(BUDGETS.initialJs)}` },
    })
    row('initialCssGzip', 'Initial CSS, gzip', { value: b.initialCssGzip, display: kB(b.initialCssGzip) })
    row('totalJsGzip', 'All JS, gzip (every chunk, incl. mock backend)', { value: b.totalJsGzip, display: kB(b.totalJsGzip) })
    row('totalCssGzip', 'All CSS, gzip', { value: b.totalCssGzip, display: kB(b.totalCssGzip) })
  }
  const needBrowser = ['bare', 'ttfr', 'big', 'log', 'requests', 'live'].some((k) => ONLY.includes(k))
  if (!needBrowser) return

  // browser ------------------------------------------------------------------------------------------------
  const browser = await withTimeout(
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      timeout: 30_000,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--js-flags=--expose-gc',
        '--enable-precise-memory-info',
      ],
    }),
    40_000,
    'launching Chromium',
  )
  onCleanup(() => withTimeout(browser.close(), 10_000, 'closing Chromium'))
  raw.chromium = browser.version()

  // against a bare page, as a configured deployment ---------------------------------------------------------
  if (ONLY.includes('bare')) await step('dashboard against a bare page', () => withTimeout(bareComparison(browser), 300_000, 'bare page comparison'))

  if (!['ttfr', 'big', 'log', 'requests', 'live'].some((k) => ONLY.includes(k))) return
  log(`starting vite preview on ${BASE}…`)
  const server = await startServer('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    readyUrl: `${BASE}/config.json`,
    timeoutMs: 30_000,
  })
  onCleanup(() => stopChild(server))

  // time to first row --------------------------------------------------------------------------------------
  if (ONLY.includes('ttfr')) {
    const urlFor = (n) => (n === BIG ? '/jobs?scenario=big' : `/jobs?scenario=big&size=${n}`)
    const r = await step('time to first row', () => withTimeout(timeToFirstRow(browser, BASE, { sizes: SIZES, runs: RUNS, urlFor, log }), 150_000, 'time to first row'))
    raw.ttfr = r
    const med = {}
    for (const n of SIZES) {
      med[n] = r.error ? null : median(r.samples[n])
      const world = r.worlds?.[n]
      const wrongWorld = world !== null && world !== undefined && n !== BIG && world >= BIG
      row(`ttfr${n}`, `/jobs time to first row, ${n.toLocaleString('en-US')} jobs (median of ${RUNS})`, {
        value: med[n],
        display: med[n] === null ? undefined : `${ms(med[n])}${wrongWorld ? ` (mock ignored size=${n}: ${world.toLocaleString('en-US')} jobs)` : ''}`,
        na: r.error,
        note: world === null || world === undefined ? 'mock world size not verified (window.__mockDb missing)' : `mock world: ${world} jobs; ${ms(r.afterListRequest[n] ?? NaN)} after the first list request`,
      })
    }
    const small = r.worlds?.[SIZES[0]]
    const sizeIgnored = typeof small === 'number' && small >= BIG
    const ratio = med[BIG] !== null && med[SIZES[0]] ? med[BIG] / med[SIZES[0]] : null
    row('ttfrRatio', `Time to first row, 10,000 / 100 jobs`, {
      value: sizeIgnored ? null : ratio,
      display: ratio === null ? undefined : ratio.toFixed(2),
      na: sizeIgnored ? `the mock ignores size=100 for scenario=big (world has ${small} jobs)` : r.error ?? 'no samples',
      budget: { max: BUDGETS.ttfrRatio, text: `≤ ${BUDGETS.ttfrRatio}` },
    })
  }

  // 10,000 loaded jobs -------------------------------------------------------------------------------------
  if (ONLY.includes('big')) {
    const r = await step('10,000 jobs: load all, heap, scroll, typing', () =>
      withTimeout(
        bigList(browser, `${BASE}/jobs?scenario=big`, {
          expected: BIG,
          loadAllTimeoutMs: 90_000,
          log,
          steps: {
            heap: (page) => withTimeout(heapAfterGc(page), 20_000, 'heap'),
            scroll: (page) => withTimeout(scrollToBottom(page), 75_000, 'scroll'),
            typing: (page) => withTimeout(typeFilter(page, FILTER_TEXT), 30_000, 'typing'),
          },
        }),
        240_000,
        '10,000 jobs page',
      ),
    )
    raw.big = r
    const s = r.steps ?? {}
    const naOf = (x) => r.error ?? x?.reason
    row('loadAllMs', `"Load all" to 10,000 rows loaded`, {
      value: r.error ? null : r.loadAllMs,
      display: r.error ? undefined : `${ms(r.loadAllMs)} (${r.rows ?? '?'} rows${typeof r.world === 'number' ? ` of a ${r.world}-job world` : ''})`,
      na: r.error,
    })
    const ty = s.typing?.ok ? s.typing.value : null
    row('typingLongestTask', `Typing "${FILTER_TEXT}" over 10,000 jobs: longest main-thread task`, {
      value: ty ? ty.longest : null,
      display: ty ? `${ms(ty.longest)} (${ty.over50} task${ty.over50 === 1 ? '' : 's'} > 50 ms)` : undefined,
      na: naOf(s.typing),
      budget: { max: BUDGETS.typingLongest, text: 'no task > 50 ms' },
      note: ty
        ? `rows ${ty.rowsBefore} -> ${ty.rowsAfter}; long tasks ${JSON.stringify(ty.tasks)} ms at ${JSON.stringify(ty.taskOffsets)} ms after the first key; slowest key event ${ty.slowestEvent ?? '?'} ms (input to paint); frames > 50 ms while typing ${ty.framesOver50} (worst ${ty.worstFrame} ms)`
        : undefined,
    })
    const sc = s.scroll?.ok ? s.scroll.value : null
    row('scrollFramesOver50', 'Scrolling 10,000 rows to the bottom: frames > 50 ms', {
      value: sc ? sc.over50 : null,
      display: sc ? `${sc.over50} of ${sc.frames} (worst ${ms(sc.worstFrameMs ?? 0)}${sc.reachedBottom ? '' : ', bottom not reached'})` : undefined,
      na: naOf(s.scroll),
      note: sc ? `${sc.container}, ${sc.steps} wheel steps, ${sc.scrolledPx}/${sc.scrollHeight} px, ${ms(sc.ms)}` : undefined,
    })
    const hp = s.heap?.ok ? s.heap.value : null
    row('heapMB', 'JS heap after loading 10,000 jobs (after GC, incl. the in-page mock world)', {
      value: hp ? hp.bytes / 1024 / 1024 : null,
      display: hp ? `${(hp.bytes / 1024 / 1024).toFixed(1)} MB` : undefined,
      na: naOf(s.heap),
      note: hp ? hp.gc : undefined,
    })
  }

  // job detail log -----------------------------------------------------------------------------------------
  if (ONLY.includes('log')) {
    const found = await step('finding the log jobs', () => withTimeout(findLogJobs(browser, BASE), 60_000, 'finding log jobs'))
    raw.logJobs = found.error ? found : { huge: found.huge && { ...found.huge, log: undefined }, small: found.small && { ...found.small, log: undefined } }
    const LOG_RUNS = 3
    const measureLog = async (job, scenario, label) => {
      if (!job || job.error) return { error: job?.error ?? found.error ?? `no ${label} job found` }
      const marker = logMarker(job.log)
      if (!marker) return { error: `could not pick a marker from the first line of job ${job.id}` }
      return step(`time to first log line, ${label}`, () =>
        withTimeout(timeToLogLine(browser, `${BASE}/jobs/${job.id}?scenario=${scenario}`, marker, { runs: LOG_RUNS }), 150_000, `log ${label}`).then((r) => ({ ...r, marker })),
      )
    }
    const small = await measureLog(found.small, 'default', '2 kB')
    const huge = await measureLog(found.huge, 'hostile', '2 MB')
    raw.log = { small, huge }
    const sizeText = (j) => (j && !j.error ? ` (${kB(j.bytes)})` : '')
    row('logSmallMs', `/jobs/:id time to first log line in "Output", small log${sizeText(found.small)}`, {
      value: small.error ? null : small.median,
      display: small.error ? undefined : ms(small.median),
      na: small.error,
      note: found.small && !found.small.error ? `job ${found.small.id} via ${found.small.via}, median of ${LOG_RUNS}` : undefined,
    })
    row('logHugeMs', `/jobs/:id time to first log line in "Output", 2 MB log${sizeText(found.huge)}`, {
      value: huge.error ? null : huge.median,
      display: huge.error ? undefined : `${ms(huge.median)}${small.error ? '' : ` (${(huge.median / small.median).toFixed(2)}× the small log)`}`,
      na: huge.error,
      note: found.huge ? `job ${found.huge.id} via ${found.huge.via}, median of ${LOG_RUNS}` : undefined,
    })
  }

  // requests on an idle /jobs ------------------------------------------------------------------------------
  if (ONLY.includes('requests')) {
    const r = await step('requests on an idle /jobs', () =>
      withTimeout(idleRequests(browser, `${BASE}/jobs?scenario=default`, { windowMs: IDLE_MS, log }), 2 * IDLE_MS + 60_000, 'idle requests'),
    )
    raw.requests = r
    // Playwright request events are the primary count; the in-page fetch log is the cross-check.
    const count = (c) => Math.max(c.events, c.fetches)
    const perMin = (c) => (count(c) * 60_000) / IDLE_MS
    const agree = (c) => (c.events === c.fetches ? 'request events = page fetches' : `request events ${c.events}, page fetches ${c.fetches}`)
    row('requestsPerMinVisible', `Requests/min to the supervisor, idle /jobs, live refresh on (${IDLE_MS / 1000} s)`, {
      value: r.error ? null : perMin(r.visible),
      display: r.error ? undefined : `${perMin(r.visible).toFixed(1)}`,
      na: r.error,
      note: r.error
        ? undefined
        : `${r.live}; ${agree(r.visible)}; ${Object.entries(r.visible.byUrl)
            .map(([u, n]) => `${n}× ${u}`)
            .join(' ; ')}`,
    })
    row('requestsHidden', `Requests to the supervisor while the tab is hidden (${IDLE_MS / 1000} s)`, {
      value: r.error ? null : count(r.hidden),
      display: r.error ? undefined : `${count(r.hidden)} (${perMin(r.hidden).toFixed(1)}/min)`,
      na: r.error,
      budget: { max: BUDGETS.hiddenRequests, text: 'none' },
      note: r.error ? undefined : `${agree(r.hidden)}${r.hidden.paths.length ? `; ${r.hidden.paths.join(' ')}` : ''}`,
    })
  }

  // push versus polling (scripts/bench/live.mjs) -------------------------------------------------------------
  if (ONLY.includes('live')) {
    const r = await step('push versus polling', () =>
      withTimeout(pushVersusPolling(browser, BASE, { runs: RUNS, idleMs: LIVE_IDLE_MS, log }), 2 * LIVE_IDLE_MS + 240_000, 'push versus polling'),
    )
    raw.live = r
    liveRows(r, row)
  }
}

/**
 * /jobs and /jobs/:id against the bare page: medians of interleaved fresh loads, their ratio (budget 1.3×),
 * the layout shift after the first row, and the request waterfall of the first load.
 */
async function bareComparison(browser) {
  log(`starting the supervisor (mock handlers over HTTP, a process of its own) on :${SUPERVISOR_PORT} and the static server on :${STATIC_PORT}…`)
  const sup = await startSupervisorProcess({ port: SUPERVISOR_PORT, scenario: 'default', latencyMs: LATENCY_MS })
  onCleanup(() => sup.close())
  const config = { supervisorUrl: sup.supervisorUrl, gatewayUrl: sup.gatewayUrl, customer: 'demo', accessToken: 'demo-token', refreshIntervalMs: 5000 }
  const st = await startStatic({ port: STATIC_PORT, dist: 'dist', bareDir: 'bench/bare', config })
  onCleanup(() => st.close())
  // The job of the detail comparison: the newest one the list shows (what a user clicks first).
  const first = await fetch(`${sup.supervisorUrl}/demo/job?sort[_id]=-1&limit=1`, { headers: { Authorization: 'Bearer demo-token' } }).then((r) => r.json())
  const job = first[0]
  if (!job?.name) throw new Error('the supervisor returned no named job')
  const id = job.id ?? job._id
  const r = await compareWithBare(
    browser,
    [
      { key: 'jobs', label: '/jobs first row', app: `${st.base}/jobs`, bare: `${st.base}/__bare/jobs`, styled: `${st.base}/__bare-styled/jobs`, until: 'row' },
      {
        key: 'detail',
        label: '/jobs/:id heading',
        app: `${st.base}/jobs/${id}`,
        bare: `${st.base}/__bare/jobs/${id}`,
        styled: `${st.base}/__bare-styled/jobs/${id}`,
        until: { heading: job.name },
      },
    ],
    { runs: BARE_RUNS, log },
  )
  raw.bare = { ...r, supervisor: sup.base, latencyMs: LATENCY_MS, jobId: id }
  for (const c of Object.values(r)) {
    row(`bare-${c.label}`, `${c.label}: dashboard / bare page, same server over HTTP (median of ${BARE_RUNS}, interleaved)`, {
      value: c.ratio,
      display: `${c.ratio.toFixed(2)}× (${ms(c.appMedian)} vs ${ms(c.bareMedian)})`,
      budget: { max: BUDGETS.bareRatio, text: `≤ ${BUDGETS.bareRatio}×` },
      note: `dashboard ${c.app.map((x) => Math.round(x)).join(', ')} ms; bare ${c.bare.map((x) => Math.round(x)).join(', ')} ms`,
    })
  }
  // For reading the ratios above: how much of the budget the design's stylesheet alone takes on a page this bare.
  for (const c of Object.values(r)) {
    if (!c.styled) continue
    row(`bare-styled-${c.label}`, `${c.label}: bare page with the dashboard's stylesheet / bare page (same runs)`, {
      value: c.styled.ratio,
      display: `${c.styled.ratio.toFixed(2)}× (${ms(c.styled.median)} vs ${ms(c.bareMedian)})`,
      note: `bare with the stylesheet ${c.styled.samples.map((x) => Math.round(x)).join(', ')} ms`,
    })
  }
  const shift = (c) => (c.layoutShift === null || c.layoutShift === undefined ? null : c.layoutShift)
  row('layoutShiftJobs', 'Layout shift on /jobs after the first row, while names and counts fill in (CLS, 3 s)', {
    value: shift(r.jobs),
    display: shift(r.jobs)?.toFixed(3),
    na: 'layout-shift entries not available',
    budget: { max: BUDGETS.layoutShift, text: `≤ ${BUDGETS.layoutShift}` },
  })
  row('layoutShiftDetail', 'Layout shift on /jobs/:id after the heading, while the rest fills in (CLS, 3 s)', {
    value: shift(r.detail),
    display: shift(r.detail)?.toFixed(3),
    na: 'layout-shift entries not available',
  })
  const origins = { [sup.base]: '<supervisor>' }
  raw.waterfall = {}
  for (const [key, c] of Object.entries(r)) {
    raw.waterfall[key] = { dashboard: formatWaterfall(c.waterfall.entries, { origins, shown: c.waterfall.shown }), bare: formatWaterfall(c.bareWaterfall.entries, { origins, shown: c.bareWaterfall.shown }) }
  }
}

function report() {
  const lines = ['| figure | value | budget | ok/over |', '| --- | --- | --- | --- |']
  for (const r of rows) lines.push(`| ${r.figure} | ${r.display.replace(/\|/g, '\\|')} | ${r.budget} | ${r.status} |`)
  const table = lines.join('\n')
  let commit = null
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    // not a git checkout
  }
  const result = {
    date: new Date().toISOString(),
    commit,
    node: process.version,
    chromium: raw.chromium ?? null,
    cpus: os.cpus().length,
    runs: RUNS,
    idleSeconds: IDLE_MS / 1000,
    durationSeconds: Math.round((Date.now() - t0) / 1000),
    budgets: BUDGETS,
    rows,
    raw,
    markdown: table,
  }
  mkdirSync('bench', { recursive: true })
  writeFileSync('bench/results.json', JSON.stringify(result, null, 2) + '\n')
  console.log(table)
  const notes = rows.filter((r) => r.note)
  if (notes.length) {
    console.log('\nNotes:')
    for (const r of notes) console.log(`- ${r.key}: ${r.note}`)
  }
  for (const [key, w] of Object.entries(raw.waterfall ?? {})) {
    console.log(`\nRequest waterfall, first load of ${key === 'jobs' ? '/jobs' : '/jobs/:id'} (ms from navigation start: start–end, kind, URL):`)
    console.log('dashboard:\n' + w.dashboard.join('\n'))
    console.log('bare page:\n' + w.bare.join('\n'))
  }
  console.log(`\n(bench/results.json written; ${result.durationSeconds} s, ${result.cpus} CPUs, Chromium ${result.chromium ?? '?'})`)
  const over = rows.filter((r) => r.status === 'over')
  const na = rows.filter((r) => r.status === 'n/a')
  for (const r of over) console.error(`bench: budget exceeded: ${r.figure}: ${r.display} (budget ${r.budget})`)
  for (const r of na) console.error(`bench: budget not checked: ${r.figure}: ${r.display}`)
  if (over.length || (STRICT && na.length)) return 1
  return 0
}

let code = 0
try {
  await main()
} catch (e) {
  console.error(`bench: ${e.stack ?? e}`)
  code = 2
}
await withTimeout(cleanup(), 20_000, 'cleanup').catch((e) => console.error(`bench: ${e.message}`))
if (code === 0 || rows.length) {
  const budgetCode = report()
  code = code || budgetCode
}
process.exit(code)
