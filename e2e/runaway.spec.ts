import type { Page } from '@playwright/test'
import { RUNAWAY_JOB_IDS } from '../src/mocks/ids'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

test('finds the runaway jobs, cancels two of them, and sees them leave', async ({ page }) => {
  // The mock build starts signed in as jane (the demo user); ?scenario picks a fresh default world.
  await page.goto('/runaway?scenario=default')
  await expect(page.getByRole('heading', { level: 1, name: 'Runaway jobs' })).toBeVisible()

  const table = page.getByRole('table')
  const links = table.getByRole('link')
  const listed = () => links.evaluateAll((els) => els.map((el) => ({ href: el.getAttribute('href') ?? '', name: el.textContent ?? '' })))
  const listedIds = async () => (await listed()).map((l) => l.href.split('/').pop())

  // Exactly the world's three runaways, each linking to its detail page.
  await expect(links).toHaveCount(RUNAWAY_JOB_IDS.length)
  expect(new Set(await listedIds())).toEqual(new Set(RUNAWAY_JOB_IDS))
  await expect(page.getByRole('link', { name: `Runaway (${RUNAWAY_JOB_IDS.length})` })).toBeVisible()
  await expect(page).toHaveTitle(/^(\(\d+\) )?Runaway \(3\)/)
  // Each flag says why, in words and numbers.
  await expect(table.getByText(/^Queued 2h.*agent down\?$/)).toBeVisible()
  await expect(table.getByText(/^Running 4[45]m.*×/)).toBeVisible()

  await expectNoSeriousA11yViolations(page)

  const [first, second, kept] = await listed()
  await page.getByRole('checkbox', { name: `Select ${first.name}` }).check()
  await page.getByRole('checkbox', { name: `Select ${second.name}` }).check()
  await page.getByRole('button', { name: 'Cancel 2 jobs' }).click()

  const dialog = page.getByRole('alertdialog', { name: 'Cancel 2 jobs?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('list', { name: 'Jobs to cancel' }).getByRole('listitem')).toHaveCount(2)
  await expect(dialog).toContainText(first.name)
  await expect(dialog).toContainText(second.name)
  await expectNoSeriousA11yViolations(page)

  await dialog.getByRole('button', { name: 'Cancel 2 jobs' }).click()
  await expect(dialog.getByRole('status')).toContainText('All 2 jobs were cancelled.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  // The keyboard is not thrown back to the top of the page: focus is on the page, not <body>.
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY')

  // They stay in place with their outcome until the user moves on; then they leave, the third stays.
  await expect(table.getByRole('status')).toHaveCount(2)
  await page.getByRole('heading', { level: 1, name: 'Runaway jobs' }).click()
  const firstId = first.href.split('/').pop()
  const secondId = second.href.split('/').pop()
  await expect.poll(listedIds).not.toContain(firstId)
  await expect.poll(listedIds).not.toContain(secondId)
  await expect(table.getByRole('link', { name: kept.name })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Runaway (1)' })).toBeVisible()
})

/** The runaway table's scroll box: its size against its content, and the page's. */
function scrollBox(page: Page) {
  return page.getByRole('table').evaluate((table) => {
    const box = table.parentElement!
    return {
      box: { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, scrollLeft: box.scrollLeft },
      page: { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth, scrollX: window.scrollX },
    }
  })
}

/** `inner` lies wholly inside `outer` (a pixel's rounding allowed). */
function inside(inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }) {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5
}

test('at 1024×800 every column fits: each "Cancel job" button is whole, in the viewport, without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 800 })
  await page.goto('/runaway?scenario=default')
  const table = page.getByRole('table')
  await expect(table.getByRole('link')).toHaveCount(RUNAWAY_JOB_IDS.length)
  // The column headers are the table's, on screen.
  for (const name of ['Job', 'Task', 'Elapsed', 'Expected', 'Over', 'Host', 'Started by', 'Why']) await expect(table.getByRole('columnheader', { name, exact: true })).toBeVisible()

  const s = await scrollBox(page)
  expect(s.box.scrollWidth, 'the table does not scroll sideways in its box').toBeLessThanOrEqual(s.box.clientWidth)
  expect(s.page.scrollWidth, 'nor the page').toBeLessThanOrEqual(s.page.innerWidth)

  const viewport = { x: 0, y: 0, width: 1024, height: 800 }
  const container = (await table.evaluate((t) => {
    const box = t.parentElement!.getBoundingClientRect()
    const el = t.parentElement!
    return { x: box.x + el.clientLeft, y: box.y + el.clientTop, width: el.clientWidth, height: el.clientHeight }
  }))!
  const buttons = table.getByRole('button', { name: 'Cancel job' })
  await expect(buttons).toHaveCount(RUNAWAY_JOB_IDS.length)
  for (const button of await buttons.all()) {
    const b = (await button.boundingBox())!
    expect(inside(b, viewport), `"Cancel job" ${JSON.stringify(b)} inside the viewport`).toBe(true)
    expect(inside(b, container), `"Cancel job" ${JSON.stringify(b)} inside its box ${JSON.stringify(container)}`).toBe(true)
    await expect(button).toHaveText('Cancel job')
  }
  // Nothing was scrolled to get there.
  expect((await scrollBox(page)).box.scrollLeft).toBe(0)
})

test('on a phone each runaway is a card: its name, facts, checkbox and "Cancel job" all show without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/runaway?scenario=default')
  const table = page.getByRole('table')
  await expect(table.getByRole('link')).toHaveCount(RUNAWAY_JOB_IDS.length)
  await expect(page.getByRole('button', { name: 'Cancel all' })).toBeInViewport()

  const s = await scrollBox(page)
  expect(s.box.scrollWidth, 'the table does not scroll sideways in its box').toBeLessThanOrEqual(s.box.clientWidth)
  expect(s.page.scrollWidth, 'nor the page').toBeLessThanOrEqual(s.page.innerWidth)

  const rows = table.getByRole('row').filter({ has: page.getByRole('link') })
  await expect(rows).toHaveCount(RUNAWAY_JOB_IDS.length)
  for (const row of await rows.all()) {
    const name = (await row.getByRole('link').textContent())!
    // Scrolled to vertically only: the whole card in the viewport's width.
    await row.scrollIntoViewIfNeeded()
    const parts = [
      row.getByRole('link', { name }),
      row.getByRole('checkbox', { name: `Select ${name}` }),
      row.getByRole('button', { name: 'Cancel job' }),
      row.getByText(/^\d+(\.\d+)?×$/),
      row.getByText(/^(Running|Queued|On hold) \d/),
    ]
    for (const part of parts) {
      await expect(part).toBeVisible()
      const b = (await part.boundingBox())!
      expect(b.x, `${name}: ${part} starts inside the viewport`).toBeGreaterThanOrEqual(0)
      expect(b.x + b.width, `${name}: ${part} ends inside the viewport`).toBeLessThanOrEqual(390)
    }
    // The facts say what they are, as the column headers do on a wider screen.
    for (const label of ['Task', 'Elapsed', 'Expected', 'Over', 'Host', 'Started by', 'Why']) await expect(row.getByText(label, { exact: true })).toBeVisible()
  }
  const after = await scrollBox(page)
  expect(after.box.scrollLeft).toBe(0)
  expect(after.page.scrollX).toBe(0)
  await expectNoSeriousA11yViolations(page)
})
