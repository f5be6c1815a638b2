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

test('on a phone the runaway table scrolls inside its box, not the whole page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/runaway?scenario=default')
  await expect(page.getByRole('table').getByRole('link')).toHaveCount(RUNAWAY_JOB_IDS.length)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await expect(page.getByRole('button', { name: 'Cancel all' })).toBeInViewport()
})
