// The browser measurements of the bench. Each one returns plain data and throws an Error whose message is a
// short reason when it cannot measure (the caller turns that into an "n/a (reason)" row).
import { readFileSync } from 'node:fs'
import { benchInitScript } from './in-page.mjs'

export const SUPERVISOR = '/mock/supervisor/'
const VIEWPORT = { width: 1280, height: 800 }

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  if (!s.length) return null
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Opens a fresh context + page (empty cache, storage and service worker), runs fn, always closes it. */
export async function withPage(browser, fn, { timeoutMs = 20_000 } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  await context.addInitScript(benchInitScript)
  const page = await context.newPage()
  page.setDefaultTimeout(timeoutMs)
  page.setDefaultNavigationTimeout(timeoutMs)
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  try {
    return await fn(page, { context, errors })
  } finally {
    await context.close().catch(() => {})
  }
}

/** Navigates and resolves with the in-page time (ms since navigation start) at which the first job row shows. */
async function gotoFirstRow(page, url, timeoutMs) {
  await page.goto(url, { waitUntil: 'commit' })
  try {
    const handle = await page.waitForFunction(() => window.__bench.firstRowTime(), null, { polling: 'raf', timeout: timeoutMs })
    return await handle.jsonValue()
  } catch (e) {
    const text = (await page.locator('body').innerText({ timeout: 2000 }).catch(() => '')).replace(/\s+/g, ' ').slice(0, 160)
    throw new Error(`no job link in the table within ${timeoutMs / 1000} s at ${url} (page says: "${text}")`, { cause: e })
  }
}

const worldSize = (page) => page.evaluate(() => (window.__mockDb ? window.__mockDb.jobs().length : null)).catch(() => null)

// ---- time to first row ----------------------------------------------------------------------------------------

/**
 * Time to first row of /jobs for each size, `runs` fresh page loads each, sizes interleaved so drift in
 * machine load hits them alike. One discarded warm-up load first.
 */
export async function timeToFirstRow(browser, baseUrl, { sizes, runs, urlFor, log }) {
  const samples = Object.fromEntries(sizes.map((n) => [n, []]))
  const worlds = Object.fromEntries(sizes.map((n) => [n, null]))
  const firstRequest = Object.fromEntries(sizes.map((n) => [n, []]))
  let strategy = null
  await withPage(browser, (page) => gotoFirstRow(page, baseUrl + urlFor(sizes[0]), 30_000))
  for (let r = 0; r < runs; r++) {
    for (const n of sizes) {
      await withPage(browser, async (page) => {
        const t = await gotoFirstRow(page, baseUrl + urlFor(n), 30_000)
        samples[n].push(t)
        const info = await page.evaluate((sup) => {
          const f = window.__bench.fetches.find((x) => x.url.includes(sup) && /\/job(\?|$)/.test(new URL(x.url, location.href).pathname + '?'))
          return { strategy: window.__bench.rowStrategy, firstListFetch: f ? f.t : null }
        }, SUPERVISOR)
        strategy = info.strategy
        if (info.firstListFetch !== null) firstRequest[n].push(t - info.firstListFetch)
        worlds[n] ??= await worldSize(page)
      })
      log(`  ttfr ${n}: run ${r + 1}/${runs} ${samples[n].at(-1).toFixed(0)} ms`)
    }
  }
  return { samples, worlds, strategy, afterListRequest: Object.fromEntries(sizes.map((n) => [n, median(firstRequest[n])])) }
}

// ---- 10,000 loaded jobs: load all, heap, scroll, typing -------------------------------------------------------

async function visibleLoadButtons(page) {
  return page.evaluate(() => {
    const btns = [...document.querySelectorAll('button')].filter((b) => /load (all|more)|stop loading/i.test(b.textContent || '') && window.__bench.visible(b))
    const t = document.querySelector('table[aria-rowcount]')
    return {
      buttons: btns.map((b) => ({ text: (b.textContent || '').trim(), disabled: b.disabled || b.getAttribute('aria-disabled') === 'true' })),
      rows: t ? Number(t.getAttribute('aria-rowcount')) - 1 : null,
    }
  })
}

/**
 * Loads /jobs?scenario=big, clicks "Load all" and waits until no "Load all"/"Load more" button is left.
 * Then runs `steps` (heap, scroll, typing) on that page; each step's failure is kept, not thrown.
 */
export async function bigList(browser, url, { expected, loadAllTimeoutMs, steps, log }) {
  return withPage(
    browser,
    async (page, { errors }) => {
      await gotoFirstRow(page, url, 30_000)
      const loadAll = page.getByRole('button', { name: /load all/i })
      if (!(await loadAll.first().isVisible().catch(() => false))) {
        const state = await visibleLoadButtons(page)
        throw new Error(`no "Load all" button on /jobs (buttons: ${JSON.stringify(state.buttons)}, rows: ${state.rows})`)
      }
      const t0 = Date.now()
      await loadAll.first().click()
      // A confirmation dialog, if the page asks first.
      const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'))
      if (await dialog.first().isVisible({ timeout: 500 }).catch(() => false)) {
        await dialog.first().getByRole('button', { name: /load/i }).first().click({ timeout: 3000 })
      }
      let state
      for (;;) {
        state = await visibleLoadButtons(page)
        // done when neither "Load all"/"Load more" nor the "Stop loading" of a running load-all is left
        if (state.buttons.length === 0) break
        if (Date.now() - t0 > loadAllTimeoutMs) {
          throw new Error(`"Load all" did not finish within ${loadAllTimeoutMs / 1000} s (rows ${state.rows}, buttons ${JSON.stringify(state.buttons)})`)
        }
        await page.waitForTimeout(200)
      }
      const loadAllMs = Date.now() - t0
      await page.waitForTimeout(500)
      log(`  load all: ${state.rows ?? '?'} rows in ${loadAllMs} ms`)
      const out = { loadAllMs, rows: state.rows, short: state.rows !== null && state.rows < expected * 0.99, world: await worldSize(page), steps: {} }
      for (const [name, step] of Object.entries(steps)) {
        try {
          out.steps[name] = { ok: true, value: await step(page) }
        } catch (e) {
          out.steps[name] = { ok: false, reason: e.message.split('\n')[0] }
        }
      }
      out.pageErrors = errors.slice(0, 5)
      return out
    },
    { timeoutMs: 30_000 },
  )
}

/** usedJSHeapSize after a full GC (window.gc with --expose-gc, else CDP HeapProfiler.collectGarbage). */
export async function heapAfterGc(page) {
  const hasGc = await page.evaluate(() => typeof window.gc === 'function')
  if (hasGc) {
    await page.evaluate(() => {
      window.gc()
      window.gc()
    })
  } else {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.detach()
  }
  await page.waitForTimeout(300)
  const used = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : null))
  if (used === null) throw new Error('performance.memory is not exposed')
  return { bytes: used, gc: hasGc ? 'window.gc' : 'CDP collectGarbage' }
}

/** Wheels the table's scroll container to the bottom; counts requestAnimationFrame deltas over 50 ms. */
export async function scrollToBottom(page, { step = 1500, maxSteps = 600, timeoutMs = 60_000 } = {}) {
  let state = await page.evaluate(() => window.__bench.scrollState())
  if (state.scrollHeight <= state.clientHeight + 4) throw new Error('nothing to scroll (the list is not taller than its container)')
  await page.mouse.move(state.center.x, state.center.y)
  await page.evaluate(() => window.__bench.startFrames())
  const t0 = Date.now()
  let steps = 0
  let stuck = 0
  while (!state.atBottom && steps < maxSteps && Date.now() - t0 < timeoutMs) {
    const before = state.scrollTop
    await page.mouse.wheel(0, step)
    // let the scroll and the next frame happen
    state = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(window.__bench.scrollState()))))
    steps++
    stuck = state.scrollTop > before ? 0 : stuck + 1
    if (stuck >= 20) break
  }
  await page.waitForTimeout(300)
  const frames = await page.evaluate(() => window.__bench.stopFrames())
  const over = frames.filter((d) => d > 50)
  return {
    reachedBottom: state.atBottom,
    scrolledPx: state.scrollTop,
    scrollHeight: state.scrollHeight,
    container: state.isDocument ? 'document' : 'table scroll container',
    steps,
    ms: Date.now() - t0,
    frames: frames.length,
    over50: over.length,
    worstFrameMs: frames.length ? Math.max(...frames) : null,
  }
}

/** Types `text` into the "Search" box (50 ms between keys) and records long tasks from the first key to 1.5 s after the last. */
export async function typeFilter(page, text) {
  await page.evaluate(() => {
    const el = window.__bench.scrollContainer()
    el.scrollTop = 0
  })
  await page.waitForTimeout(400)
  const box = page.getByRole('searchbox', { name: /search/i }).or(page.getByRole('textbox', { name: /search/i })).first()
  if (!(await box.isVisible().catch(() => false))) throw new Error('no textbox or searchbox named "Search" on /jobs')
  await box.click()
  await page.waitForTimeout(300)
  const rowsBefore = await page.evaluate(() => Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount') ?? NaN) - 1)
  const typingStart = await page.evaluate(() => {
    window.__bench.startLongtasks()
    window.__bench.startFrames()
    return performance.now()
  })
  await page.keyboard.type(text, { delay: 50 })
  await page.waitForTimeout(1500)
  const { supported, tasks, events } = await page.evaluate(() => window.__bench.stopLongtasks())
  const frames = await page.evaluate(() => window.__bench.stopFrames())
  if (!supported) throw new Error('PerformanceObserver longtask is not supported')
  const rowsAfter = await page.evaluate(() => Number(document.querySelector('table[aria-rowcount]')?.getAttribute('aria-rowcount') ?? NaN) - 1)
  const value = await box.inputValue().catch(() => null)
  return {
    longest: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
    over50: tasks.filter((t) => t.duration > 50).length,
    tasks: tasks.map((t) => Math.round(t.duration)),
    // when each long task started, ms after the first key (keys are ~50 ms apart plus dispatch time)
    taskOffsets: tasks.map((t) => Math.round(t.start - typingStart)),
    // cross-checks: slowest key event (input to next paint) and frames over 50 ms while typing
    slowestEvent: events && events.length ? Math.round(Math.max(...events.map((e) => e.duration))) : events ? 0 : null,
    framesOver50: frames.filter((d) => d > 50).length,
    worstFrame: frames.length ? Math.round(Math.max(...frames)) : null,
    rowsBefore: Number.isFinite(rowsBefore) ? rowsBefore : null,
    rowsAfter: Number.isFinite(rowsAfter) ? rowsAfter : null,
    typed: value,
  }
}

// ---- job detail log -------------------------------------------------------------------------------------------

/** The hugeLog id from src/mocks/ids.ts (objectId(rel, HOSTILE_SERIAL + n), replicated from ids.ts). */
export function hugeLogIdFromSource(file = 'src/mocks/ids.ts') {
  const src = readFileSync(file, 'utf8')
  const serial = /const HOSTILE_SERIAL = (0x[0-9a-f]+|\d+)/i.exec(src)
  const m = /hugeLog:\s*objectId\(\s*(-?\d+)\s*,\s*HOSTILE_SERIAL\s*\+\s*(\d+)\s*\)/.exec(src)
  const fn = /function objectId[\s\S]*?0x65f00000/.test(src)
  if (!serial || !m || !fn) return null
  const t = (0x65f00000 + Math.floor(Number(m[1]))) >>> 0
  return t.toString(16).padStart(8, '0') + (Number(serial[1]) + Number(m[2])).toString(16).padStart(16, '0')
}

/** Finds the job ids to open: the hostile world's 2 MB log and a finished script job with a ~2 kB log. */
export async function findLogJobs(browser, baseUrl) {
  const pick = (scenario, fnSrc) =>
    withPage(browser, async (page) => {
      await page.goto(`${baseUrl}/jobs?scenario=${scenario}`, { waitUntil: 'commit' })
      await page.waitForFunction(() => !!window.__mockDb, null, { timeout: 20_000 }).catch(() => {
        throw new Error('window.__mockDb is not exposed')
      })
      return page.evaluate(fnSrc)
    })
  let huge = null
  try {
    huge = await pick('hostile', () => {
      const j = window.__mockDb.jobs().find((x) => typeof x.result?.log === 'string' && x.result.log.length > 1_000_000)
      return j ? { id: j.id, log: j.result.log.slice(0, 2000), bytes: j.result.log.length, via: 'window.__mockDb' } : null
    })
  } catch {
    // fall back to the source below
  }
  if (!huge) {
    const id = hugeLogIdFromSource()
    if (id) huge = { id, log: '\x1b[32m[ok]\x1b[0m processed chunk with payload', bytes: 2 * 1024 * 1024, via: 'src/mocks/ids.ts' }
  }
  const small = await pick('default', () => {
    const cands = window.__mockDb
      .jobs()
      .filter((x) => x._type === 'ScriptJob' && x.lifecycle === 'finished' && typeof x.result?.log === 'string' && x.result.log.trim())
    if (!cands.length) return null
    cands.sort((a, b) => Math.abs(a.result.log.length - 2048) - Math.abs(b.result.log.length - 2048))
    const j = cands[0]
    return { id: j.id, log: j.result.log, bytes: j.result.log.length, via: 'window.__mockDb' }
  }).catch((e) => ({ error: e.message }))
  return { huge, small }
}

/** A piece of the log's first line that a viewer shows verbatim: the longest plain run of one ANSI segment. */
/* eslint-disable no-control-regex -- ANSI escapes and control characters are what these patterns strip */
export function logMarker(log) {
  const first = log.split('\n').find((l) => l.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim()) ?? ''
  const segments = first
    .replace(/\x1b\][^\x07]*\x07/g, '')
    .split(/\x1b\[[0-9;]*[A-Za-z]|[\x00-\x1f\x7f]/)
    .flatMap((s) => s.match(/[A-Za-z0-9][A-Za-z0-9 ,.:_/=-]*[A-Za-z0-9]/g) ?? [])
  const best = segments.sort((a, b) => b.length - a.length)[0] ?? ''
  return best.slice(0, 30).trim()
}
/* eslint-enable no-control-regex */

/** Time (ms since navigation start) until `marker` is visible inside the region named "Output", `runs` fresh loads. */
export async function timeToLogLine(browser, url, marker, { runs, timeoutMs = 30_000 }) {
  const samples = []
  for (let i = 0; i < runs; i++) {
    const t = await withPage(
      browser,
      async (page) => {
        await page.goto(url, { waitUntil: 'commit' })
        try {
          const h = await page.waitForFunction((m) => window.__bench.textInRegionTime('Output', m), marker, { polling: 'raf', timeout: timeoutMs })
          return await h.jsonValue()
        } catch (e) {
          const hasRegion = await page.evaluate(() => !!window.__bench.region('Output')).catch(() => false)
          throw new Error(
            hasRegion
              ? `the first log line ("${marker}") was not visible in the "Output" region within ${timeoutMs / 1000} s`
              : `no region named "Output" on the job page within ${timeoutMs / 1000} s`,
            { cause: e },
          )
        }
      },
      { timeoutMs: timeoutMs + 10_000 },
    )
    samples.push(t)
  }
  return { samples, median: median(samples) }
}

// ---- requests on an idle /jobs ------------------------------------------------------------------------------

/**
 * Loads /jobs (default scenario), makes sure live refresh is on, counts requests to /mock/supervisor/ over
 * `windowMs` visible, then emulates a hidden tab and counts again. Counts both Playwright request events and
 * the in-page fetch log (they should agree: MSW answers in the service worker, the page still issues them).
 */
export async function idleRequests(browser, url, { windowMs, log }) {
  return withPage(
    browser,
    async (page) => {
      const events = []
      page.on('request', (r) => {
        if (r.url().includes(SUPERVISOR)) events.push({ url: r.url(), at: Date.now() })
      })
      await gotoFirstRow(page, url, 30_000)
      const live = await ensureLiveRefresh(page)
      await page.waitForTimeout(1000)

      const count = async (ms) => {
        const e0 = events.length
        const f0 = await page.evaluate(() => window.__bench.fetches.length)
        await page.waitForTimeout(ms)
        const fetched = await page.evaluate(
          ([from, sup]) => window.__bench.fetches.slice(from).filter((f) => f.url.includes(sup)),
          [f0, SUPERVISOR],
        )
        const seen = events.slice(e0)
        return {
          events: seen.length,
          fetches: fetched.length,
          paths: [...new Set(fetched.map((f) => new URL(f.url, 'http://x').pathname))],
          // which queries poll: URL (decoded, without the origin) -> count
          byUrl: fetched.reduce((acc, f) => {
            const u = new URL(f.url, 'http://x')
            const key = decodeURIComponent(u.pathname.replace('/mock/supervisor', '') + u.search)
            acc[key] = (acc[key] ?? 0) + 1
            return acc
          }, {}),
        }
      }

      const visible = await count(windowMs)
      log(`  idle visible: ${visible.events} request events, ${visible.fetches} fetches in ${windowMs / 1000} s`)
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
        Object.defineProperty(document, 'hidden', { value: true, configurable: true })
        // bubbles like the browser's own event, so listeners on window (TanStack Query's focusManager) hear it too
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
      })
      const hidden = await count(windowMs)
      log(`  idle hidden: ${hidden.events} request events, ${hidden.fetches} fetches in ${windowMs / 1000} s`)
      return { live, visible, hidden }
    },
    { timeoutMs: 30_000 },
  )
}

/** Turns live refresh on if the page has a control for it; returns what was found. */
async function ensureLiveRefresh(page) {
  const name = /live|auto.?refresh/i
  const toggle = page.getByRole('switch', { name }).or(page.getByRole('checkbox', { name })).first()
  if (await toggle.isVisible().catch(() => false)) {
    const checked = await toggle.isChecked().catch(() => null)
    if (checked === false) {
      await toggle.click()
      return 'control found, switched on'
    }
    return checked ? 'control found, already on' : 'control found (state unknown)'
  }
  const pressed = page.getByRole('button', { name }).first()
  if (await pressed.isVisible().catch(() => false)) {
    const p = await pressed.getAttribute('aria-pressed')
    if (p === 'false') {
      await pressed.click()
      return 'toggle button found, switched on'
    }
    return `toggle button found (aria-pressed=${p})`
  }
  const select = page.getByRole('combobox', { name: /refresh|interval|live/i }).first()
  if (await select.isVisible().catch(() => false)) {
    const value = await select.inputValue().catch(() => '?')
    if (value === '0') {
      const first = await select.evaluate((el) => [...el.options].map((o) => o.value).find((v) => Number(v) > 0))
      if (first) {
        await select.selectOption(first)
        return `"Live refresh" select was paused, set to ${first} ms`
      }
    }
    return `"Live refresh" select at ${value} ms`
  }
  return 'no live-refresh control found (default assumed on)'
}
