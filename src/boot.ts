import { observeDateHeader, observeServerTimes, serverNow, serverTimesIn } from './api/server-clock'
import { firstPaintWanted } from './app/first-paint-path'
import { readThemeChoice } from './app/theme-choice'
import type { Started } from './start'
// The stylesheet, in the head with the entry: the first paint is styled.
import './index.css'

/*
 * The page's entry: the first thing a page load runs, small, before the ~110 kB app (main.tsx, which
 * index.html preloads in parallel) is evaluated.
 *
 * 1. config.json has been read and the page's first data request sent by src/start.ts (inline in the
 *    build's index.html, so before this module has even arrived; here on the dev server) — the same GET
 *    the page would send (api/early-request.ts hands it to that request, which checks and parses it as
 *    usual). The config.json response is handed on to main.tsx.
 * 2. On a plain /jobs or a /jobs/:id, when that answer comes within FIRST_PAINT_WAIT_MS, it paints the
 *    page's first view from it with plain DOM (app/first-view.ts: the rows, or the job's heading, as
 *    React will draw them), so the data shows as soon as the server has answered, not after the app
 *    has been evaluated and rendered (together some 200–300 ms of main-thread work). The view is laid
 *    out (hidden) around where the data will go as soon as the painter and the stylesheet are in, so
 *    that the answer, when it comes, adds only the data.
 * 3. Then it starts the app, which takes over: React's first commit replaces the painted view.
 *
 * Nothing here is needed for the page to work: any failure or surprise just starts the app.
 */

/** How long the app waits for the first answer before starting without a first paint (a slow server). */
const FIRST_PAINT_WAIT_MS = 400

/**
 * What src/start.ts started: inline in the build's index.html; on the dev server (no inline script)
 * loaded and run here. The build's entry does not carry start.ts a second time.
 */
const starting: Promise<Started> = window.__theeyeStart ? Promise.resolve(window.__theeyeStart) : import('./start').then((m) => m.startOnce())

let configTaken = false

/**
 * What start.ts made of config.json: its check (main.tsx uses it as it is), and, once, the response
 * itself (main.tsx's loadConfig reads it when there is no check: no 200, no JSON; null when taken).
 */
export async function startedConfig(): Promise<{ read: Awaited<Started['read']>; response: Promise<Response> | null }> {
  const started = await starting
  const read = await started.read
  const response = configTaken ? null : started.config
  configTaken = true
  return { read, response }
}

const delay = (ms: number) => new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))

/** Reads the early answer (a copy: the app reads the answer itself); null when it is not a 2xx. */
async function earlyBody(response: Promise<Response>): Promise<{ body: unknown; receivedAt: number; date: string | null } | null> {
  const r = await response.then((res) => (res.ok ? res.clone() : null))
  if (!r) return null
  const receivedAt = Date.now()
  const date = r.headers.get('date')
  const body: unknown = await r.json()
  return { body, receivedAt, date }
}

async function boot(): Promise<void> {
  performance.mark('theeye:boot')
  const early = await (await starting).early
  if (!early) return
  const { config, session, base: trimmed, pathname, answer } = early
  if (!firstPaintWanted(pathname, location.search)) return
  // Applied by start.ts before this runs (once the request was out); here only its icon is needed.
  const theme = readThemeChoice()
  // Painted with the stylesheet in (the entry runs async, before it may have arrived).
  const styled = stylesheetLoaded().finally(() => performance.mark('theeye:stylesheet-loaded'))
  const answerRead = earlyBody(answer).finally(() => performance.mark('theeye:first-answer-read'))
  // As soon as the painter (the page's code: index.html's route table preloads it with the entry) and the
  // stylesheet are in, the first view is laid out around where its data will go, hidden, while the answer
  // may still be on its way: painting the answer then adds only the data.
  const prepared = Promise.all([import('./app/first-view').finally(() => performance.mark('theeye:painter-loaded')), styled]).then(([{ prepareFirstView }]) => {
    const root = document.getElementById('root')
    // The app has drawn the page already.
    if (!root || root.childNodes.length > 0) return null
    const view = prepareFirstView(root, { pathname, base: trimmed, customer: session.customer, theme, refreshMs: config.refreshIntervalMs })
    performance.mark('theeye:first-view-laid-out')
    return view
  })
  const ready = Promise.all([answerRead, prepared])
  const paint = ([read, view]: Awaited<typeof ready>): boolean => {
    // Nothing prepared, or the app has drawn the page already.
    if (!view?.inPlace()) return false
    // Nothing to paint: the prepared view goes.
    if (!read) {
      clearFirstPaint()
      return false
    }
    // The server's clock, as the app's request will read it from the same answer.
    if (read.date) observeDateHeader(Date.parse(read.date), read.receivedAt)
    observeServerTimes(serverTimesIn(read.body), read.receivedAt)
    const painted = view.paint(read.body, serverNow())
    if (painted) performance.mark('theeye:first-paint')
    return painted
  }
  const inTime = await Promise.race([ready, delay(FIRST_PAINT_WAIT_MS)])
  if (!inTime) {
    // A slow server: the app starts now; the first view is still painted if the answer comes before the app
    // has drawn anything (a failed one takes the prepared view away).
    ready.then(paint, clearFirstPaint).catch(clearFirstPaint)
    return
  }
  if (!paint(inTime)) return
  // Let the browser show it before the app's evaluation takes the main thread.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
}

/** Resolves once the page's stylesheet has loaded (or failed: the app then shows what it can). */
function stylesheetLoaded(): Promise<void> {
  const link = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')
  if (!link || link.sheet) return Promise.resolve()
  return new Promise((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true })
    link.addEventListener('error', () => resolve(), { once: true })
  })
}

/** A failed first paint leaves nothing behind (the app draws the page). */
function clearFirstPaint() {
  const root = document.getElementById('root')
  if (root?.querySelector('[data-first-paint]')) root.replaceChildren()
}

// main.tsx reads the same config.json and says what is wrong with it.
const decided = boot().catch(clearFirstPaint)

/**
 * Resolves once boot has sent the early request or decided not to (it never rejects): the app's first
 * request waits for it, or it could go out first and the early one be sent for nothing.
 */
export function earlyRequestDecided(): Promise<void> {
  return decided
}

/** Preloads what index.html's route table held back until the first view was painted (the app, the page). */
function preloadTheRest() {
  const w = window as { __theeyeLater?: string[] }
  const later = w.__theeyeLater ?? []
  delete w.__theeyeLater
  for (const href of later) {
    const link = document.createElement('link')
    link.rel = 'modulepreload'
    link.crossOrigin = ''
    link.href = href
    document.head.append(link)
  }
}

// The app, once the first view is painted (or there is none to paint).
void decided.then(() => {
  preloadTheRest()
  return import('./main')
})
