import type { Page } from '@playwright/test'
import { TASK_IDS } from '../src/mocks/ids'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/** Opens a page of the default mock world; mock mode signs in as jane (shell.spec.ts checks that). */
async function openSignedIn(page: Page, path: string, heading: string) {
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}scenario=default`)
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
}

test('filters by task, opens a job, and comes back to the same filter and scroll position', async ({ page }) => {
  await openSignedIn(page, '/jobs', 'Jobs')
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible()
  await expect(page).toHaveTitle(/^(\(\d+\) )?Jobs/)
  const table = page.getByRole('table')
  await expect(table.getByRole('link').first()).toBeVisible()

  await expectNoSeriousA11yViolations(page)

  // Filter by task through the "Task" combobox (type to narrow, pick by name): the URL carries the raw task id.
  const task = page.getByRole('combobox', { name: 'Task' })
  await task.fill('backup')
  await page.getByRole('listbox', { name: 'Task' }).getByRole('option', { name: 'Backup DB' }).click()
  await expect(page).toHaveURL(new RegExp(`[?&]task=${TASK_IDS.backupDb}(&|$)`))
  await expect(page.getByRole('button', { name: 'Remove Backup DB' })).toBeVisible()
  await page.keyboard.press('Escape')
  // Every row is now a Backup DB job (Status, Name, Task…), and the one-task insight shows up.
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(2)).toHaveText('Backup DB')
  await expect(page.getByText('Success rate')).toBeVisible()
  await expect(table.getByRole('cell', { name: 'Rotate logs', exact: true })).toHaveCount(0)

  // Scroll the table a little, then open a job from there.
  const region = page.getByRole('region', { name: 'Jobs table' })
  await region.evaluate((el) => el.scrollTo(0, 200))
  await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBe(200)
  const link = table.getByRole('link').nth(6)
  const name = (await link.textContent()) ?? ''
  const href = (await link.getAttribute('href')) ?? ''
  expect(href).toMatch(/^\/jobs\/[0-9a-f]{24}$/)
  // A click anywhere on the row (here: its Task cell) opens the job.
  const row = table.getByRole('row').filter({ has: page.locator(`a[href="${href}"]`) })
  await row.getByRole('cell').nth(2).click()
  await expect(page).toHaveURL(new RegExp(`${href}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name.trim())

  // Back: the filter is still in the URL and in the control, the table is where we left it, and
  // the row we opened is selected again with the keyboard focus on it.
  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`[?&]task=${TASK_IDS.backupDb}(&|$)`))
  await expect(page.getByRole('button', { name: 'Remove Backup DB' })).toBeVisible()
  await expect.poll(() => page.getByRole('region', { name: 'Jobs table' }).evaluate((el) => el.scrollTop)).toBe(200)
  await expect(page.locator(`a[href="${href}"]`)).toBeFocused()
  await expect(table.getByRole('row', { selected: true }).getByRole('link').first()).toHaveAttribute('href', href)
  // j moves on from there, to the next row.
  const next = (await table.getByRole('link').nth(7).getAttribute('href')) ?? ''
  await page.keyboard.press('j')
  await expect(table.getByRole('row', { selected: true }).getByRole('link').first()).toHaveAttribute('href', next)

  await expectNoSeriousA11yViolations(page)
})

test('on a phone the filters fold away so jobs show on the first screen, and unfold when filters are set', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await openSignedIn(page, '/jobs', 'Jobs')
  const table = page.getByRole('table')
  const filters = page.getByRole('button', { name: 'Filters', exact: true })
  await expect(filters).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByRole('combobox', { name: 'Task' })).toBeHidden()
  // The first job is on the first screen, and the page does not scroll sideways.
  await expect(table.getByRole('link').first()).toBeInViewport()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

  await filters.click()
  await expect(filters).toHaveAttribute('aria-expanded', 'true')
  await page.getByRole('combobox', { name: 'State' }).click()
  await page.getByRole('listbox', { name: 'State' }).getByRole('option', { name: 'failure' }).click()
  await expect(page).toHaveURL(/[?&]state=failure(&|$)/)
  // Status leads every row, in words: every row now says failure.
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(/failure/)
  await expect(page.getByRole('button', { name: 'Filters · 1 active' })).toHaveAttribute('aria-expanded', 'true')

  // A shared link with filters opens with them shown.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Filters · 1 active' })).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByRole('button', { name: 'Remove failure' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('Load more, Load all and Clear filters keep the keyboard on the page when they give way', async ({ page }) => {
  await page.goto('/jobs?scenario=big&size=750')
  const more = page.getByRole('button', { name: 'Load more' })
  await expect(more).toBeEnabled()
  // Older jobs are left: the button is disabled while the page loads (the browser drops focus from it), then has it back.
  await more.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText(/^200 jobs loaded/)).toBeVisible()
  await expect(more).toBeFocused()
  // "Load all" gives way to "Stop loading", which gives way to the status line once everything is in.
  await page.getByRole('button', { name: 'Load all' }).focus()
  await page.keyboard.press('Enter')
  const status = page.getByText(/^All \d+ matching jobs loaded\.$/)
  await expect(status).toBeFocused()
  await expect(page.getByRole('button', { name: 'Stop loading' })).toHaveCount(0)

  // "Clear filters" is disabled once the filters are clear: the keyboard goes on to the search box.
  await openSignedIn(page, '/jobs?state=success', 'Jobs')
  const clear = page.getByRole('search', { name: 'Filter jobs' }).getByRole('button', { name: 'Clear filters' })
  await clear.focus()
  await page.keyboard.press('Enter')
  await expect(clear).toBeDisabled()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused()
})

test.describe('in a time zone far from UTC', () => {
  test.use({ timezoneId: 'Asia/Kolkata' })

  test('a custom created date can be retyped and cleared in the local time zone', async ({ page }) => {
    await openSignedIn(page, '/jobs?from=2026-03-15T14:30:00.000Z', 'Jobs')
    const from = page.getByLabel('Created from')
    await expect(from).toHaveValue('2026-03-15T20:00')
    await expect(page.getByText(/^Times in your time zone \(Asia\/(Kolkata|Calcutta)\)\.$/)).toBeVisible()
    // Retype the year (month, day, then year): every keystroke stays in the field.
    await from.focus()
    for (const key of ['ArrowRight', 'ArrowRight', '2', '0', '2', '5']) await page.keyboard.press(key)
    await expect(from).toHaveValue('2025-03-15T20:00')
    await expect(page).toHaveURL(/[?&]from=2025-03-15T14%3A30%3A00\.000Z(&|$)/)
    await page.getByRole('button', { name: 'Clear dates' }).click()
    await expect(page).not.toHaveURL(/[?&]from=/)
    await expect(from).toHaveValue('')
  })
})
