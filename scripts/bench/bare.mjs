// Side by side with a bare page: the dashboard's first row on /jobs and first heading on /jobs/:id, against a
// page with no framework that fetches config.json and the same first data from the same supervisor (see
// servers.mjs). Runs are interleaved (dashboard, bare, dashboard, bare …) so machine load hits both alike.
import { median, withPage } from './measure.mjs'

/** In-page: every resource of the load and the app's own marks (navigation start = 0), in start order. */
const resources = () => {
  const nav = performance.getEntriesByType('navigation')[0]
  const out = [{ name: location.pathname, type: 'document', start: 0, end: nav ? nav.responseEnd : null }]
  for (const e of performance.getEntriesByType('resource')) out.push({ name: e.name, type: e.initiatorType, start: e.startTime, end: e.responseEnd })
  for (const e of performance.getEntriesByType('mark')) out.push({ name: e.name, type: 'mark', start: e.startTime, end: null })
  return out.sort((a, b) => a.start - b.start)
}

/** In-page: the layout shift (CLS sum, no recent input) after time `t`, observed for `ms`. */
const shiftAfter = ([t, ms]) =>
  new Promise((resolve) => {
    let sum = 0
    try {
      const po = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.startTime > t && !e.hadRecentInput) sum += e.value
      })
      po.observe({ type: 'layout-shift', buffered: true })
      setTimeout(() => {
        po.disconnect()
        resolve(sum)
      }, ms)
    } catch {
      resolve(null)
    }
  })

async function loadOnce(browser, url, { until, timeoutMs = 30_000, withWaterfall = false }) {
  return withPage(browser, async (page) => {
    // Recorded in the page (in-page.mjs watchShown), read once it is there: nothing of the harness runs in
    // the page while it loads.
    await page.addInitScript((what) => window.__bench.watchShown(what), until)
    const shown = page.waitForEvent('console', { predicate: (m) => m.text() === '__bench:shown', timeout: timeoutMs })
    shown.catch(() => {})
    await page.goto(url, { waitUntil: 'commit' })
    let t
    try {
      await shown
      t = await page.evaluate(() => window.__bench.shownAt)
    } catch (e) {
      const text = (await page.locator('body').innerText({ timeout: 2000 }).catch(() => '')).replace(/\s+/g, ' ').slice(0, 160)
      throw new Error(`nothing shown within ${timeoutMs / 1000} s at ${url} (page says: "${text}")`, { cause: e })
    }
    if (!withWaterfall) return { t }
    // Names, counts and badges arrive after the first row: watch for shifts while they do.
    const layoutShift = await page.evaluate(shiftAfter, [t, 3000])
    const waterfall = { entries: await page.evaluate(resources), shown: t }
    return { t, waterfall, layoutShift }
  })
}

/**
 * `cases`: [{ key, label, app: url, bare: url, styled?: url, until: 'row' | { heading: name } }]. Returns per
 * case the samples, medians, ratio (dashboard / bare), the waterfall of one dashboard load (after the
 * warm-up) and, with `styled` (the bare page with the dashboard's stylesheet), its samples, median and ratio
 * to the bare page: what the stylesheet alone costs.
 */
export async function compareWithBare(browser, cases, { runs, log }) {
  const out = {}
  for (const c of cases) {
    const opts = { until: c.until }
    const pages = [
      ['app', c.app],
      ['bare', c.bare],
      ...(c.styled ? [['styled', c.styled]] : []),
    ]
    // Warm-up (server JIT, disk cache of the OS), not counted; its successor records the waterfall.
    for (const [, url] of pages) await loadOnce(browser, url, opts)
    const times = { app: [], bare: [], styled: [] }
    let waterfall = null
    let bareWaterfall = null
    let layoutShift = null
    for (let r = 0; r < runs; r++) {
      // Rotate which page goes first, so none always follows another's load.
      const order = pages.map((_, i) => pages[(i + r) % pages.length])
      const got = {}
      for (const [which, url] of order) got[which] = await loadOnce(browser, url, { ...opts, withWaterfall: r === 0 && which !== 'styled' })
      for (const [which] of pages) times[which].push(got[which].t)
      if (r === 0) {
        waterfall = got.app.waterfall
        bareWaterfall = got.bare.waterfall
        layoutShift = got.app.layoutShift
      }
      const styled = got.styled ? `, bare with the stylesheet ${got.styled.t.toFixed(0)} ms` : ''
      log?.(`  ${c.key}: run ${r + 1}/${runs} dashboard ${got.app.t.toFixed(0)} ms, bare ${got.bare.t.toFixed(0)} ms${styled}`)
    }
    const appMedian = median(times.app)
    const bareMedian = median(times.bare)
    const styled = c.styled ? { samples: times.styled, median: median(times.styled), ratio: median(times.styled) / bareMedian } : null
    out[c.key] = { label: c.label, app: times.app, bare: times.bare, appMedian, bareMedian, ratio: appMedian / bareMedian, styled, waterfall, bareWaterfall, layoutShift }
  }
  return out
}

/** A waterfall as short text lines: "  12–31 ms  script  /assets/index-….js". */
export function formatWaterfall(entries, { origins = {}, shown } = {}) {
  const short = (name) => {
    let s = name
    for (const [origin, label] of Object.entries(origins)) if (s.startsWith(origin)) s = label + s.slice(origin.length)
    s = s.replace(/^https?:\/\/[^/]+/, '')
    return s.length > 90 ? `${s.slice(0, 87)}…` : s
  }
  const lines = entries.map((e) => `${String(Math.round(e.start)).padStart(5)}–${e.end === null ? '     ' : String(Math.round(e.end)).padEnd(5)} ms  ${e.type.padEnd(15)} ${short(e.name)}`)
  if (shown !== undefined) lines.push(`${String(Math.round(shown)).padStart(5)}       ms  ${'(shown)'.padEnd(15)} first row / heading visible`)
  return lines
}
