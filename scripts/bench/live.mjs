// Push versus polling (issue #12), measured on the mock backend, whose gateway socket pushes the same job events as
// the real one when its world changes:
//  - latency: from a change made in the server's world to the job's row showing it, over the socket (push) and by
//    polling (the socket held down, so the page polls at the shipped 5 s interval);
//  - idle requests: the requests one tab sends to the supervisor on an idle /jobs, push live vs polling, counted
//    over a shorter window and scaled to 5 minutes (the simulated agent keeps moving jobs meanwhile, so "idle"
//    means nobody touches the page: with push, the requests left are the job documents re-read after events).
import { median, SUPERVISOR, withPage } from './measure.mjs'

const STATUS = /^(Live|Reconnecting|Polling)/

async function openJobs(page, baseUrl) {
  await page.goto(`${baseUrl}/jobs?scenario=default`)
  await page.getByRole('table').getByRole('link').first().waitFor({ timeout: 30_000 })
  await page.waitForFunction(() => !!window.__mockDb && !!window.__mockSocket, null, { timeout: 10_000 })
}

const statusText = (page) =>
  page
    .getByRole('banner')
    .getByRole('status')
    .filter({ hasText: STATUS })
    .innerText({ timeout: 5000 })
    .catch(() => '')

async function waitForStatus(page, re, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (re.test(await statusText(page))) return
    await page.waitForTimeout(100)
  }
  throw new Error(`the header never said ${re} (it says "${await statusText(page)}")`)
}

/**
 * Renames the newest job in the page's world and measures, in the page, the time until a row link shows the new
 * name. The job is frozen first (the simulated agent leaves it alone). Returns ms.
 */
async function changeToRow(page, marker, timeoutMs) {
  return page.evaluate(
    ([name, limit]) =>
      new Promise((resolve, reject) => {
        const db = window.__mockDb
        const shown = [...document.querySelectorAll('table a[href^="/jobs/"]')].map((a) => a.getAttribute('href').slice(6))
        const job = shown.map((id) => db.getJob(id)).find(Boolean)
        if (!job) return reject(new Error('no job of the table found in the world'))
        db.frozenJobIds.add(job.id)
        const link = () => document.querySelector(`table a[href="/jobs/${job.id}"]`)
        const start = performance.now()
        const timer = setTimeout(() => {
          observer.disconnect()
          reject(new Error(`the row did not change within ${limit / 1000} s`))
        }, limit)
        const observer = new MutationObserver(() => {
          if (link()?.textContent?.includes(name)) {
            clearTimeout(timer)
            observer.disconnect()
            resolve(performance.now() - start)
          }
        })
        observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        db.updateJob(job, (j) => void (j.name = name))
      }),
    [marker, timeoutMs],
  )
}

export async function pushVersusPolling(browser, baseUrl, { runs = 5, idleMs = 30_000, log = () => {} } = {}) {
  const result = { push: [], polling: [], idle: {} }

  // latency ------------------------------------------------------------------------------------------------------
  await withPage(
    browser,
    async (page) => {
      await openJobs(page, baseUrl)
      await waitForStatus(page, /^Live/)
      for (let i = 0; i < runs; i++) {
        result.push.push(await changeToRow(page, `bench-push-${i}`, 10_000))
        await page.waitForTimeout(300)
      }
      log(`  push: ${result.push.map((x) => x.toFixed(0)).join(', ')} ms`)
      // Hold the socket down: the page falls back to polling at the configured interval.
      await page.evaluate(() => window.__mockSocket.drop(Number.POSITIVE_INFINITY))
      await waitForStatus(page, /^Reconnecting/)
      for (let i = 0; i < runs; i++) {
        result.polling.push(await changeToRow(page, `bench-poll-${i}`, 30_000))
        // change at a random point of the polling cycle
        await page.waitForTimeout(300 + Math.random() * 2000)
      }
      log(`  polling: ${result.polling.map((x) => x.toFixed(0)).join(', ')} ms`)
    },
    { timeoutMs: 60_000 },
  )

  // idle requests --------------------------------------------------------------------------------------------------
  for (const mode of ['push', 'polling']) {
    result.idle[mode] = await withPage(
      browser,
      async (page) => {
        await openJobs(page, baseUrl)
        // Live first in both modes: the socket connects after the first view, and "socket down" means it went down.
        await waitForStatus(page, /^Live/)
        if (mode === 'polling') {
          await page.evaluate(() => window.__mockSocket.drop(Number.POSITIVE_INFINITY))
          await waitForStatus(page, /^Reconnecting/)
        }
        await page.waitForTimeout(2000)
        let count = 0
        const byPath = {}
        page.on('request', (r) => {
          if (!r.url().includes(SUPERVISOR)) return
          count++
          const path = new URL(r.url()).pathname.replace('/mock/supervisor', '').replace(/[0-9a-f]{24}/g, ':id')
          byPath[path] = (byPath[path] ?? 0) + 1
        })
        await page.waitForTimeout(idleMs)
        const status = await statusText(page)
        log(`  idle ${mode}: ${count} requests in ${idleMs / 1000} s (${status})`)
        return { count, per5min: (count * 300_000) / idleMs, byPath, status }
      },
      { timeoutMs: idleMs + 60_000 },
    )
  }
  return { ...result, pushMedian: median(result.push), pollingMedian: median(result.polling), idleMs }
}

/** The table rows of this measurement (`row` is bench.mjs's row()). */
export function liveRows(r, row) {
  const ms = (n) => `${Math.round(n)} ms`
  row('changeToRowPush', 'Server change → row updated, push (socket live), median', {
    value: r.error ? null : r.pushMedian,
    display: r.error ? undefined : ms(r.pushMedian),
    na: r.error,
    note: r.error ? undefined : `runs: ${r.push.map((x) => Math.round(x)).join(', ')} ms`,
  })
  row('changeToRowPolling', 'Server change → row updated, polling every 5 s (socket down), median', {
    value: r.error ? null : r.pollingMedian,
    display: r.error ? undefined : ms(r.pollingMedian),
    na: r.error,
    note: r.error ? undefined : `runs: ${r.polling.map((x) => Math.round(x)).join(', ')} ms`,
  })
  for (const mode of ['push', 'polling']) {
    const idle = r.idle?.[mode]
    row(`idleRequests5min${mode === 'push' ? 'Push' : 'Polling'}`, `Requests to the supervisor in 5 idle minutes, one tab, ${mode === 'push' ? 'push live' : 'polling (socket down)'}`, {
      value: r.error ? null : idle.per5min,
      display: r.error ? undefined : `${Math.round(idle.per5min)}`,
      na: r.error,
      note: r.error
        ? undefined
        : `${idle.count} in ${r.idleMs / 1000} s scaled ×${(300_000 / r.idleMs).toFixed(0)}; ${Object.entries(idle.byPath)
            .map(([p, n]) => `${n}× ${p}`)
            .join(' ; ')}`,
    })
  }
}
