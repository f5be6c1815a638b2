import { afterEach, describe, expect, it } from 'vitest'
import { firstPaintWanted } from './first-paint-path'
import { paintFirstView, prepareFirstView, type FirstPaint } from './first-view'

const NOW = Date.parse('2026-03-13T12:00:00.000Z')
const job = (over: Record<string, unknown> = {}) => ({
  id: '65f1bf002a9b4c0012ab3305',
  name: 'Backup DB',
  _type: 'ScriptJob',
  lifecycle: 'finished',
  state: 'success',
  task_id: '65f1bf002a9b4c0012ab0001',
  creation_date: new Date(NOW - 5 * 60_000).toISOString(),
  last_update: new Date(NOW - 4 * 60_000).toISOString(),
  ...over,
})

function paint(pathname: string, body: unknown, over: Partial<FirstPaint> = {}) {
  const root = document.createElement('div')
  document.body.append(root)
  const painted = paintFirstView(root, { pathname, base: '', body, now: NOW, customer: 'demo', theme: 'system', refreshMs: 5000, ...over })
  return { root, painted }
}

afterEach(() => document.body.replaceChildren())

describe('the first view painted before the app loads', () => {
  it('shows the jobs as links in the jobs table, with their status in words', () => {
    const { root, painted } = paint('/jobs', [job(), job({ id: '65f1bf002a9b4c0012ab3306', name: 'Nightly report', lifecycle: 'assigned', state: 'in_progress' })])
    expect(painted).toBe(true)
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[aria-label="Jobs table"] tbody a')]
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Backup DB', '/jobs/65f1bf002a9b4c0012ab3305'],
      ['Nightly report', '/jobs/65f1bf002a9b4c0012ab3306'],
    ])
    const firstRow = root.querySelector('tbody tr')!
    expect(firstRow.textContent).toContain('success')
    expect(root.querySelectorAll('tbody tr')[1]!.textContent).toContain('running')
    expect(root.querySelector('h1')!.textContent).toBe('Jobs')
    expect(root.querySelector('[aria-label="State counts of loaded jobs"]')!.textContent).toContain('Of loaded (2):')
    // The organization as the header shows it before the profile arrives; the current page marked.
    expect(root.querySelector('header')!.textContent).toContain('demo')
    expect(root.querySelector('nav[aria-label="Main"] [aria-current="page"]')!.textContent).toBe('Jobs')
  })

  it('renders names from the server as text, never as HTML', () => {
    const hostile = '<img src=x onerror="alert(1)"><b>bold</b>'
    const { root } = paint('/jobs', [job({ name: hostile, task_id: null, _type: 'WorkflowJob' })])
    const link = root.querySelector('tbody a')!
    expect(link.textContent).toBe(hostile)
    expect(root.querySelector('img, b')).toBeNull()
    const detail = paint('/jobs/65f1bf002a9b4c0012ab3305', job({ name: hostile }))
    expect(detail.root.querySelector('h1')!.textContent).toBe(hostile)
    expect(detail.root.querySelector('img, b')).toBeNull()
  })

  it('leaves the page to the app when the answer is not one it would draw the same way', () => {
    for (const body of [[], [job(), { nonsense: true }], { not: 'a list' }, 'text']) {
      const { root, painted } = paint('/jobs', body)
      expect(painted, JSON.stringify(body)).toBe(false)
      expect(root.childNodes).toHaveLength(0)
    }
    expect(paint('/jobs/65f1bf002a9b4c0012ab3305', { name: 42 }).painted).toBe(false)
  })

  it("shows a job's verdict and name on its page", () => {
    const { root, painted } = paint('/jobs/65f1bf002a9b4c0012ab3305', job({ state: 'failure' }))
    expect(painted).toBe(true)
    expect(root.querySelector('h1')!.textContent).toBe('Backup DB')
    expect(root.querySelector('[aria-label="Verdict"]')!.textContent).toMatch(/Failed after 1m 0s/)
    expect(root.querySelector('nav[aria-label="Breadcrumb"] a')!.getAttribute('href')).toBe('/jobs')
  })

  it('draws the verdict\'s Runaway line the app draws on its first render: a job in progress past a limit it can judge alone', () => {
    const page = '/jobs/65f1bf002a9b4c0012ab3305'
    const verdict = (body: unknown) => paint(page, body).root.querySelector('[aria-label="Verdict"]')!
    // Running 45 minutes on a script task with no timeout: past the 10-minute default.
    const running = verdict(job({ lifecycle: 'assigned', state: 'in_progress', creation_date: new Date(NOW - 46 * 60_000).toISOString(), last_update: new Date(NOW - 45 * 60_000).toISOString() }))
    expect(running.querySelectorAll('p')).toHaveLength(2)
    expect(running.querySelectorAll('p')[1]!.textContent).toBe('⚠Runaway4.5× the 10m default timeout')
    // Its own timeout, when the document has one.
    const timed = verdict(job({ lifecycle: 'assigned', state: 'in_progress', timeout: 30 * 60_000, creation_date: new Date(NOW - 46 * 60_000).toISOString(), last_update: new Date(NOW - 45 * 60_000).toISOString() }))
    expect(timed.textContent).toContain('1.5× its 30m timeout')
    // Queued two hours: past the 15-minute queue limit.
    expect(verdict(job({ lifecycle: 'ready', state: 'in_progress', creation_date: new Date(NOW - 2 * 3600_000).toISOString(), last_update: new Date(NOW - 2 * 3600_000).toISOString() })).textContent).toContain('8× the 15m queue limit')
    // Within its limits, finished, or not judged without the task history: no line.
    for (const body of [
      job({ lifecycle: 'assigned', state: 'in_progress', last_update: new Date(NOW - 5 * 60_000).toISOString() }),
      job({ lifecycle: 'assigned', state: 'in_progress', _type: 'ScraperJob', creation_date: new Date(NOW - 45 * 60_000).toISOString(), last_update: new Date(NOW - 45 * 60_000).toISOString() }),
      job({ lifecycle: 'finished', state: 'success', creation_date: new Date(NOW - 3 * 3600_000).toISOString() }),
    ]) {
      const v = verdict(body)
      expect(v.textContent, JSON.stringify(body)).not.toContain('Runaway')
    }
  })

  it('writes links under the base path the app is served from', () => {
    const { root } = paint('/jobs', [job()], { base: '/ops' })
    expect(root.querySelector('tbody a')!.getAttribute('href')).toBe('/ops/jobs/65f1bf002a9b4c0012ab3305')
    expect(root.querySelector('nav[aria-label="Main"] a')!.getAttribute('href')).toBe('/ops/jobs')
  })

  it('keeps its controls out of reach until the app is there (inert), its links not', () => {
    const { root } = paint('/jobs', [job()])
    for (const control of root.querySelectorAll('button, input, select')) expect(control.closest('[inert]'), control.outerHTML).not.toBeNull()
    for (const a of root.querySelectorAll('a')) expect(a.closest('[inert]')).toBeNull()
  })
})

describe('the first view laid out before the answer is in', () => {
  const prepare = (pathname: string) => {
    const root = document.createElement('div')
    document.body.append(root)
    return { root, view: prepareFirstView(root, { pathname, base: '', customer: 'demo', theme: 'system', refreshMs: 5000 }) }
  }

  it('is there but hidden, with no rows, until the answer is painted into it', () => {
    for (const [pathname, body, heading] of [
      ['/jobs', [job()], 'Jobs'],
      ['/jobs/65f1bf002a9b4c0012ab3305', job(), 'Backup DB'],
    ] as const) {
      const { root, view } = prepare(pathname)
      const page = root.querySelector<HTMLElement>('[data-first-paint]')!
      expect(page.style.visibility, pathname).toBe('hidden')
      expect(root.querySelectorAll('tbody tr, [aria-label="Verdict"]')).toHaveLength(0)
      expect(view.paint(body, NOW)).toBe(true)
      expect(page.style.visibility, pathname).toBe('')
      expect(root.querySelector('[data-first-paint]')).toBe(page)
      expect([...root.querySelectorAll('h1')].map((h) => h.textContent)).toContain(heading)
    }
  })

  it('goes when the answer is not one it can paint, and never paints over what the app drew', () => {
    const { root, view } = prepare('/jobs')
    expect(view.paint({ not: 'a list' }, NOW)).toBe(false)
    expect(root.childNodes).toHaveLength(0)
    const other = prepare('/jobs')
    const drawn = document.createElement('p')
    other.root.replaceChildren(drawn)
    expect(other.view.inPlace()).toBe(false)
    expect(other.view.paint([job()], NOW)).toBe(false)
    expect([...other.root.childNodes]).toEqual([drawn])
  })
})

describe('which pages are painted before the app loads', () => {
  it('a plain /jobs and a job page; not a filtered, searched or sorted list, nor other pages', () => {
    expect(firstPaintWanted('/jobs', '')).toBe(true)
    expect(firstPaintWanted('/jobs/', '')).toBe(true)
    expect(firstPaintWanted('/jobs/65f1bf002a9b4c0012ab3305', '')).toBe(true)
    expect(firstPaintWanted('/jobs', '?q=backup')).toBe(false)
    expect(firstPaintWanted('/jobs', '?sort=name')).toBe(false)
    expect(firstPaintWanted('/approvals', '')).toBe(false)
    expect(firstPaintWanted('/sign-in', '')).toBe(false)
  })
})
