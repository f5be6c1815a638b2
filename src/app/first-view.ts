import { readJobLite, type LiteJob } from '@/api/schemas/job-lite'
import { BADGE_CLASS, TONES } from '@/components/ui/badge-tones'
import { jobDetailFirstView } from '@/features/job-detail/first-view'
import { prepareJobsFirstView } from '@/features/jobs/first-view'
import { h } from '@/lib/dom'
import { LIVE_BADGE_CLASS, LIVE_DOT_CLASS, LIVE_LABEL_CLASS, LIVE_LOOK, LIVE_STARTING } from '@/lib/live/live-look'
import { fixedRunaway, formatRatio } from '@/lib/stats'
import { plainText } from '@/lib/text'
import { NAV_LINKS, navClass, SHELL } from './shell-look'
import { THEME_ICON, type ThemeChoice } from './theme-choice'

/*
 * The signed-in shell as the React layout draws it on its first render (no profile yet: the
 * organization's slug, "Account"; no counts in the navigation), built with plain DOM by the boot
 * module (src/boot.ts) so that a page's first rows can show before React has loaded. React's first
 * commit replaces it in one frame; e2e/first-paint.spec.ts checks that nothing moves when it does.
 *
 * Its controls are `inert` (they do nothing until React is there); its links are real links, and one
 * focused by the keyboard is focused again in the app's view when it replaces this (keepFocusThroughTakeover, below).
 */

export function shellView({ customer, theme, activePath, page }: { customer: string; theme: ThemeChoice; activePath: string; page: Node }): HTMLElement {
  const look = LIVE_LOOK.other
  const org = plainText(customer, 60)
  return h(
    'div',
    { class: SHELL.page, 'data-first-paint': '' },
    h(
      'header',
      { class: SHELL.header },
      h(
        'div',
        { class: SHELL.headerRow },
        h('span', { class: SHELL.brand }, h('span', { 'aria-hidden': 'true', class: SHELL.brandMark }, '◉'), 'TheEye Jobs'),
        h(
          'nav',
          { 'aria-label': 'Main', class: SHELL.nav },
          ...NAV_LINKS.map((l) => {
            const isActive = activePath === l.to || activePath.startsWith(`${l.to}/`)
            return h('a', { href: l.to, class: navClass({ isActive }), 'aria-current': isActive ? 'page' : null }, l.label)
          }),
        ),
        h(
          'div',
          { class: SHELL.tools, inert: true },
          h(
            'span',
            { role: 'status', title: LIVE_STARTING.detail, class: `${LIVE_BADGE_CLASS} ${look.badge}` },
            h('span', { 'aria-hidden': 'true', class: `${LIVE_DOT_CLASS} ${look.dot}` }),
            h('span', { class: LIVE_LABEL_CLASS }, LIVE_STARTING.label),
          ),
          h('span', { class: SHELL.organization, title: `Organization ${org}` }, h('span', { class: 'sr-only' }, 'Organization: '), org),
          h('div', { class: 'relative' }, h('button', { type: 'button', class: SHELL.headerButton }, h('span', { class: SHELL.accountName }, 'Account'))),
          h('button', { type: 'button', class: SHELL.headerButton, 'aria-label': `Theme: ${theme}. Change theme` }, h('span', { 'aria-hidden': 'true' }, THEME_ICON[theme])),
        ),
      ),
    ),
    h('main', { id: 'main', class: SHELL.main, 'aria-busy': 'true' }, page),
  )
}

/**
 * The verdict's "Runaway" line as routes/job-detail.tsx's RunawayExpectation draws it on its first
 * render: the task's history is not in yet, so only the limits that need nothing but the job (its
 * timeout, the queue limit, the limit for waiting on a person) can flag it — the same rule
 * (lib/stats fixedRunaway, which features/runaway/detect.ts builds on), so the heading below does not
 * move when React takes over. Nothing when the job is within them.
 */
function runawayLine(job: LiteJob, now: number): HTMLElement | null {
  const flag = fixedRunaway(job, now)
  if (!flag) return null
  return h(
    'p',
    { class: 'flex flex-wrap items-center gap-2 text-base' },
    // The Badge component's markup (tone danger, class text-sm).
    h('span', { class: `${BADGE_CLASS} ${TONES.danger} text-sm` }, h('span', { 'aria-hidden': 'true' }, '⚠'), h('span', { class: 'truncate' }, 'Runaway')),
    h('span', { class: 'font-semibold' }, `${formatRatio(flag.ratio)} ${flag.limit.label}`),
  )
}

export interface FirstPaint {
  /** The app's path (without the base). */
  pathname: string
  /** The base path the app is served under ('' at the root). */
  base: string
  /** The early answer: the first page of jobs, or one job. */
  body: unknown
  /** The server's time now. */
  now: number
  customer: string
  theme: ThemeChoice
  refreshMs: number
}

/** A first view laid out before the answer is in (hidden), to be painted from it. */
export interface PreparedFirstView {
  /** Paints the answer; false (and `root` left empty) when there is nothing React would draw the same way. */
  paint(body: unknown, now: number): boolean
  /** The prepared view is still the page's (the app has not drawn over it). */
  inPlace(): boolean
}

/**
 * Lays out the page's first view around where its data will go, hidden, before the first answer is in:
 * on /jobs the shell, title line, filters and the table's header; on a job's page the shell. Painting
 * the answer then adds only the data (src/boot.ts calls this when the painter and the stylesheet are in
 * before the answer; `paintFirstView` does both at once).
 */
export function prepareFirstView(root: HTMLElement, p: Omit<FirstPaint, 'body' | 'now'>): PreparedFirstView {
  const path = p.pathname.replace(/\/+$/, '') || '/'
  const shell = (page: Node) => shellView({ customer: p.customer, theme: p.theme, activePath: path, page })
  const fail = () => {
    root.replaceChildren()
    return false
  }
  // Links written for the root ('/jobs/…'), served under a base path.
  const rebase = () => {
    if (p.base) for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) a.setAttribute('href', p.base + a.getAttribute('href'))
  }
  let prepared: HTMLElement | null = null
  let paint: (body: unknown, now: number) => boolean
  try {
    // Hidden until painted (visibility: not seen, not clickable, not focusable, not read out).
    const hidden = (page: Node) => {
      const view = shell(page)
      view.style.visibility = 'hidden'
      return view
    }
    if (path === '/jobs') {
      const jobs = prepareJobsFirstView(root, { refreshMs: p.refreshMs, shell: hidden })
      prepared = root.firstElementChild as HTMLElement | null
      paint = (body, now) => jobs.fill(body, now)
    } else {
      const slot = h('div', null)
      prepared = hidden(slot)
      root.replaceChildren(prepared)
      paint = (body, now) => {
        const job = readJobLite(body)
        if (!job) return false
        slot.replaceWith(jobDetailFirstView(job, now, runawayLine))
        return true
      }
    }
  } catch {
    fail()
    paint = () => false
  }
  const inPlace = () => prepared !== null && prepared.isConnected && root.firstElementChild === prepared
  return {
    inPlace,
    paint(body, now) {
      if (!inPlace()) return false
      let painted: boolean
      try {
        painted = paint(body, now)
      } catch {
        // Not a list of jobs, not a job: the app reads the same answer and says what is wrong.
        painted = false
      }
      if (!painted) return fail()
      prepared!.style.visibility = ''
      rebase()
      // A link the keyboard reaches here is focused again in the app's view when it replaces this one.
      keepFocusThroughTakeover(root)
      return true
    },
  }
}

/**
 * Paints the page's first view into `root` from the early answer; false (and `root` left empty) when
 * there is nothing React would draw the same way: an unexpected answer, no jobs, malformed items.
 */
export function paintFirstView(root: HTMLElement, p: FirstPaint): boolean {
  return prepareFirstView(root, p).paint(p.body, p.now)
}

/* ---------------- focus through the takeover ----------------
 *
 * Boot's painted first view is replaced by the app's first commit. A keyboard user who
 * has tabbed onto one of its links (a job, the Jobs breadcrumb, a navigation link) would lose focus to
 * the page's body there. This moves focus to the same link in the app's view: same element, address,
 * job and navigation. Only when focus was on the painted view when it went, and only while nothing
 * else has focus: it never takes focus from anywhere else. Here, in the painter's chunk (vite.config.ts's
 * PAINTER_MODULES group): a module of its own would be one more chunk in index.html's route table.
 */

/** How long after the takeover the app may take to draw the link (a page still loading its data). */
const FIND_WITHIN_MS = 10_000

/** What makes two links the same link: element, address, job, navigation landmark and role. */
function keyOf(el: Element): string {
  return [el.tagName, el.getAttribute('href'), el.getAttribute('data-job-link'), el.getAttribute('role'), el.closest('nav')?.getAttribute('aria-label')].join('|')
}

const nothingFocused = () => !document.activeElement || document.activeElement === document.body || document.activeElement === document.documentElement

/** Follows focus on the view painted into `root` and hands it to the app's equivalent when the view goes. */
export function keepFocusThroughTakeover(root: HTMLElement): void {
  const painted = root.querySelector('[data-first-paint]')
  if (!painted) return
  let focused: HTMLElement | null = null
  let deadline = 0

  const onFocusIn = (e: FocusEvent) => {
    const target = e.target
    focused = target instanceof HTMLElement && painted.contains(target) ? target : null
  }
  const onFocusOut = (e: FocusEvent) => {
    const target = focused
    if (!target || e.target !== target || e.relatedTarget) return
    // Focus went to no element: a click on the page's background (the link is still there: forget it),
    // or the view was removed with the link in it (keep it: the takeover hands focus on).
    setTimeout(() => {
      if (focused === target && target.isConnected && document.activeElement !== target) focused = null
    })
  }
  const stop = () => {
    observer.disconnect()
    document.removeEventListener('focusin', onFocusIn, true)
    document.removeEventListener('focusout', onFocusOut, true)
  }
  const handOver = () => {
    if (painted.isConnected) return
    if (!deadline) {
      // The view is gone: from now on, watch the app's view draw itself.
      deadline = performance.now() + FIND_WITHIN_MS
      observer.disconnect()
      observer.observe(root, { childList: true, subtree: true })
    }
    const from = focused
    if (!from || from.isConnected || !nothingFocused() || performance.now() > deadline) return stop()
    const key = keyOf(from)
    const same = [...root.querySelectorAll<HTMLElement>(from.tagName)].filter((el) => keyOf(el) === key && !el.closest('[inert]'))
    const to = same.find((el) => el.getClientRects().length > 0) ?? same[0]
    if (!to) return
    stop()
    to.focus({ preventScroll: true })
  }
  const observer = new MutationObserver(handOver)
  observer.observe(root, { childList: true })
  document.addEventListener('focusin', onFocusIn, true)
  document.addEventListener('focusout', onFocusOut, true)
}
