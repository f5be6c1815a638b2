import type { Page } from '@playwright/test'
import { SPECIAL_JOB_IDS } from '../src/mocks/ids'
import { expect, test } from './fixtures'

/**
 * The first glance at the sizes people use: every column of the jobs table inside the table's
 * visible box (nothing clipped or scrolled out of view), status shown in every row, no sideways
 * page scroll, enough rows above the fold, and the job page's verdict on its first screen.
 */
const SIZES = [
  { width: 1280, height: 900 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const

const STATUS_WORDS = /^(success|failure|error|timeout|canceled|expired|queued|running|on hold|syncing|locked|finished|terminated|completed|unknown|no state)/

interface Geometry {
  box: { left: number; right: number }
  cells: Array<{ text: string; left: number; right: number; header: boolean }>
  rows: Array<{ status: string; statusVisible: boolean; top: number; bottom: number }>
  viewTop: number
  viewBottom: number
  pageWidth: number
}

/** Where the table's header and body cells are, against the container's visible (client) box. */
function measure(page: Page): Promise<Geometry> {
  return page.getByRole('region', { name: 'Jobs table' }).evaluate((region) => {
    const r = region.getBoundingClientRect()
    const left = r.left + region.clientLeft
    const box = { left, right: left + region.clientWidth }
    const viewTop = r.top + region.clientTop
    const viewBottom = Math.min(viewTop + region.clientHeight, window.innerHeight)
    const cells = Array.from(region.querySelectorAll('th, tbody tr[aria-rowindex] td')).map((c) => {
      const b = c.getBoundingClientRect()
      return { text: (c.textContent ?? '').slice(0, 30), left: b.left, right: b.right, header: c.tagName === 'TH' }
    })
    const rows = Array.from(region.querySelectorAll('tbody tr[aria-rowindex]')).map((tr) => {
      const b = tr.getBoundingClientRect()
      const badge = tr.querySelector('td')?.firstElementChild
      const bb = badge?.getBoundingClientRect()
      return {
        status: (tr.querySelector('td')?.textContent ?? '').replace(/^\W+/, '').trim(),
        statusVisible: !!bb && bb.width > 0 && bb.left >= box.left - 0.5 && bb.right <= box.right + 0.5,
        top: b.top,
        bottom: b.bottom,
      }
    })
    return { box, cells, rows, viewTop, viewBottom, pageWidth: document.documentElement.scrollWidth }
  })
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} no column is clipped and every row leads with its status`, async ({ page }) => {
    await page.setViewportSize(size)
    await page.goto('/jobs?scenario=default')
    await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible()
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible()
    // Owner names arrive after the rows; measure once the table has settled.
    await expect.poll(async () => (await measure(page)).rows.length).toBeGreaterThan(5)

    const g = await measure(page)
    expect(g.pageWidth, 'the page does not scroll sideways').toBeLessThanOrEqual(size.width)
    const clipped = g.cells.filter((c) => c.left < g.box.left - 0.5 || c.right > g.box.right + 0.5)
    expect(clipped.map((c) => `${c.header ? 'header' : 'cell'} “${c.text}” ${Math.round(c.left)}–${Math.round(c.right)}`), `cells outside ${Math.round(g.box.left)}–${Math.round(g.box.right)}`).toEqual([])
    const headers = g.cells.filter((c) => c.header).map((c) => c.text.replace(/[↕▲▼]/g, ''))
    expect(headers[0], 'status is the first column').toBe('Status')

    for (const row of g.rows) {
      expect(row.status, 'a status word in the first cell').toMatch(STATUS_WORDS)
      expect(row.statusVisible, `status “${row.status}” inside the table's visible box`).toBe(true)
    }
    if (size.width === 1280 && size.height === 900) {
      const above = g.rows.filter((r) => r.top >= g.viewTop && r.bottom <= g.viewBottom)
      expect(above.length, 'rows on the first screen at 1280×900').toBeGreaterThanOrEqual(15)
    }
  })
}

test('the job page states its verdict before anything else, on the first screen at every size', async ({ page }) => {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.goto(`/jobs/${SPECIAL_JOB_IDS.finishedDeploy}?scenario=default`)
    const verdict = page.getByRole('region', { name: 'Verdict' })
    await expect(verdict).toContainText(/Failed after 3m 0s/)
    await expect(verdict).toContainText(/finished 7 hours ago/)
    await expect(verdict).toBeInViewport()
    const v = (await verdict.boundingBox())!
    const h = (await page.getByRole('heading', { level: 1 }).boundingBox())!
    expect(v.y, 'the verdict is above the title').toBeLessThan(h.y)
    // The failing step wears the failure, in a word.
    await expect(page.getByRole('list', { name: 'Lifecycle stages' }).locator('[aria-current="step"]')).toContainText('failure')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
  }
})

test('every page has one content width, aligned with the header', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 })
  const edges: string[] = []
  for (const path of ['/jobs', '/approvals', '/runaway', `/jobs/${SPECIAL_JOB_IDS.finishedDeploy}`]) {
    await page.goto(`${path}?scenario=default`)
    const h1 = page.getByRole('heading', { level: 1 })
    await expect(h1).toBeVisible()
    const header = (await page.locator('header').first().locator('> div').boundingBox())!
    const main = (await page.locator('main').boundingBox())!
    const title = (await h1.boundingBox())!
    edges.push(`${path}: header ${Math.round(header.x)}–${Math.round(header.x + header.width)}, main ${Math.round(main.x)}–${Math.round(main.x + main.width)}`)
    expect(Math.round(main.x), path).toBe(Math.round(header.x))
    expect(Math.round(main.width), path).toBe(Math.round(header.width))
    // The page's own content starts at the same left edge (within the shared padding).
    expect(title.x - main.x, path).toBeLessThan(40)
  }
  expect(edges.length).toBe(4)
})
