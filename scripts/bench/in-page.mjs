// Runs in the page before any of the app's scripts (context.addInitScript; not subject to the page's CSP).
// Self-contained: serialized with Function.prototype.toString, so it must not reference anything outside.
// Exposes window.__bench: a fetch log, finders for the first job row and for a labelled region, and
// recorders for requestAnimationFrame deltas and long tasks.
export function benchInitScript() {
  if (window.__bench) return
  const B = {
    fetches: [],
    rowStrategy: null,
  }
  window.__bench = B

  // Every fetch the page makes (MSW answers them in its service worker, so they still start here).
  const origFetch = window.fetch
  window.fetch = function benchFetch(...args) {
    const input = args[0]
    try {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input && input.url
      B.fetches.push({ url: String(url), t: performance.now(), hidden: document.visibilityState === 'hidden' })
    } catch {
      // never break the app
    }
    return origFetch.apply(this, args)
  }

  const JOB_HREF = /(^|\/)jobs\/[^/?#]+([?#]|$)/
  B.isJobLink = (a) => {
    const href = a.getAttribute('href') || ''
    return JOB_HREF.test(href)
  }

  B.visible = (el) => {
    if (!el || !el.isConnected) return false
    const r = el.getBoundingClientRect()
    if (r.width <= 0 || r.height <= 0) return false
    if (r.bottom <= 0 || r.top >= window.innerHeight || r.right <= 0 || r.left >= window.innerWidth) return false
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false
    return true
  }

  const TABLES = 'table, [role="table"], [role="grid"], [role="treegrid"]'

  /** The first visible link to /jobs/:id inside the jobs table (falls back to <main> when there is no table). */
  B.firstRowLink = () => {
    for (const table of document.querySelectorAll(TABLES)) {
      const first = table.querySelector('a[href*="jobs/"]')
      if (first && B.isJobLink(first) && B.visible(first)) {
        B.rowStrategy = 'table'
        return first
      }
      if (first) {
        for (const a of table.querySelectorAll('a[href*="jobs/"]')) {
          if (B.isJobLink(a) && B.visible(a)) {
            B.rowStrategy = 'table'
            return a
          }
        }
      }
    }
    const main = document.querySelector('main')
    if (main && !main.querySelector(TABLES)) {
      for (const a of main.querySelectorAll('a[href*="jobs/"]')) {
        if (B.isJobLink(a) && B.visible(a)) {
          B.rowStrategy = 'main (no table in the page)'
          return a
        }
      }
    }
    return null
  }

  /** performance.now() once <main> has a visible <h1> whose text is exactly `name`, else false. */
  B.headingTime = (name) => {
    for (const h of document.querySelectorAll('main h1')) {
      if (h.textContent.trim() === name && B.visible(h)) return performance.now()
    }
    return false
  }

  /**
   * Watches, from the first frame of the load, for the first job row (`what` = 'row') or the heading with
   * the given name ({ heading }) and records when it is first visible in B.shownAt, then says so on the
   * console ('__bench:shown'). The check runs in every requestAnimationFrame callback, the same on the
   * dashboard and on the bare page, and nothing else of the test harness runs in the page meanwhile:
   * polling with page.waitForFunction compiles Playwright's injected script in the page (20–30 ms of
   * main thread) at whatever moment the load has reached then.
   */
  B.watchShown = (what) => {
    const check = () => (what === 'row' ? B.firstRowTime() : B.headingTime(what.heading))
    const frame = () => {
      const t = check()
      if (t === false) {
        requestAnimationFrame(frame)
        return
      }
      B.shownAt = t
      console.debug('__bench:shown')
    }
    requestAnimationFrame(frame)
  }

  /** performance.now() once the first job row is visible, else false (for page.waitForFunction). */
  B.firstRowTime = () => (B.firstRowLink() ? performance.now() : false)

  /** The nearest scrollable ancestor of the first job row (the table's scroll container), or the document. */
  B.scrollContainer = () => {
    const link = B.firstRowLink()
    for (let el = link && link.parentElement; el && el !== document.body; el = el.parentElement) {
      const s = getComputedStyle(el)
      if (/(auto|scroll|overlay)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 4) return el
    }
    return document.scrollingElement || document.documentElement
  }

  B.scrollState = () => {
    const el = B.scrollContainer()
    const isDoc = el === document.scrollingElement || el === document.documentElement
    const r = isDoc ? { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight } : el.getBoundingClientRect()
    return {
      isDocument: isDoc,
      scrollTop: el.scrollTop,
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
      atBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
      center: { x: r.left + Math.min(r.width, window.innerWidth) / 2, y: Math.max(0, r.top) + Math.min(r.height, window.innerHeight - Math.max(0, r.top)) / 2 },
    }
  }

  /** Accessible name of an element, as far as aria-label / aria-labelledby go. */
  const labelOf = (el) => {
    const by = el.getAttribute('aria-labelledby')
    if (by) {
      return by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent || '')
        .join(' ')
        .trim()
    }
    return (el.getAttribute('aria-label') || '').trim()
  }

  /** The region (role=region, or a <section> with a label) whose name is exactly `name` (case-insensitive). */
  B.region = (name) => {
    const want = name.trim().toLowerCase()
    for (const el of document.querySelectorAll('[role="region"], section[aria-label], section[aria-labelledby]')) {
      if (labelOf(el).toLowerCase() === want) return el
    }
    return null
  }

  /**
   * performance.now() once a text node inside region `name` contains `marker` and its element is visible,
   * else false. Walks at most 4,000 text nodes per call so polling a 2 MB log stays cheap.
   */
  B.textInRegionTime = (name, marker) => {
    const region = B.region(name)
    if (!region) return false
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT)
    let n = 0
    for (let node = walker.nextNode(); node && n < 4000; node = walker.nextNode(), n++) {
      if (node.data.includes(marker)) return B.visible(node.parentElement) ? performance.now() : false
    }
    return false
  }

  // ---- recorders -------------------------------------------------------------------------------------------
  B.startFrames = () => {
    const frames = []
    let last = null
    let running = true
    const tick = (t) => {
      if (last !== null) frames.push(t - last)
      last = t
      if (running) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    B.stopFrames = () => {
      running = false
      return frames
    }
  }

  B.startLongtasks = () => {
    const tasks = []
    let observer = null
    try {
      observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration })
      })
      observer.observe({ type: 'longtask', buffered: false })
    } catch (e) {
      B.longtaskError = String(e)
    }
    // Event Timing: how long each keystroke took from input to the next paint (the INP ingredient).
    const events = []
    let eventObserver = null
    try {
      eventObserver = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) events.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart })
      })
      eventObserver.observe({ type: 'event', durationThreshold: 16, buffered: false })
    } catch {
      eventObserver = null
    }
    B.stopLongtasks = () => {
      if (eventObserver) {
        for (const e of eventObserver.takeRecords()) events.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart })
        eventObserver.disconnect()
      }
      if (observer) {
        for (const e of observer.takeRecords()) tasks.push({ start: e.startTime, duration: e.duration })
        observer.disconnect()
      }
      return { supported: !!observer, tasks, events: eventObserver ? events : null }
    }
  }
}
