import type { Page } from '@playwright/test'
import { TASK_IDS } from '../src/mocks/ids'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/** Opens a page of the default mock world as jane: mock mode signs in as her; a sign-in form is filled if shown. */
async function openSignedIn(page: Page, path: string, heading: string) {
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}scenario=default`)
  const token = page.getByLabel('Access token')
  await expect(page.getByRole('heading', { level: 1, name: heading }).or(token)).toBeVisible()
  if (await token.isVisible()) {
    await token.fill('demo-token')
    await page.getByRole('button', { name: 'Sign in' }).click()
  }
}

test('filters by task, opens a job, and comes back to the same filter and scroll position', async ({ page }) => {
  await openSignedIn(page, '/jobs', 'Jobs')
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible()
  await expect(page).toHaveTitle(/^(\(\d+\) )?Jobs/)
  const table = page.getByRole('table')
  await expect(table.getByRole('link').first()).toBeVisible()

  await expectNoSeriousA11yViolations(page)

  // Filter by task through the "Task" control: the URL carries the raw task id.
  const task = page.getByRole('listbox', { name: 'Task' })
  await task.selectOption({ label: 'Backup DB' })
  await expect(page).toHaveURL(new RegExp(`[?&]task=${TASK_IDS.backupDb}(&|$)`))
  // Every row is now a Backup DB job, and the one-task insight shows up.
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('Backup DB')
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
  await link.click()
  await expect(page).toHaveURL(new RegExp(`${href}$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name.trim())

  // Back: the filter is still in the URL and in the control, and the table is where we left it.
  await page.goBack()
  await expect(page).toHaveURL(new RegExp(`[?&]task=${TASK_IDS.backupDb}(&|$)`))
  await expect(page.getByRole('listbox', { name: 'Task' })).toHaveValues([TASK_IDS.backupDb])
  await expect.poll(() => page.getByRole('region', { name: 'Jobs table' }).evaluate((el) => el.scrollTop)).toBe(200)
  await expect(page.getByRole('link', { name: name.trim() }).first()).toBeVisible()

  await expectNoSeriousA11yViolations(page)
})
