import { RUNAWAY_JOB_IDS, SPECIAL_JOB_IDS } from '../src/mocks/ids'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/** Every page, in the dark theme and on a phone, with axe; the keyboard reaches the main controls. */
const pages: Array<[string, string, RegExp]> = [
  ['jobs', '/jobs', /^Jobs$/],
  ['job detail', `/jobs/${RUNAWAY_JOB_IDS[0]}`, /Backup DB/],
  ['finished job detail', `/jobs/${SPECIAL_JOB_IDS.finishedBackup}`, /Backup DB/],
  ['approvals', '/approvals', /^Approvals/],
  ['runaway', '/runaway', /^Runaway/],
]

for (const [name, path, heading] of pages) {
  test(`${name}: no serious violations in the dark theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto(`${path}?scenario=default`)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expect(page.locator('html')).toHaveClass(/dark/)
    await expectNoSeriousA11yViolations(page)
  })

  test(`${name}: usable on a phone`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${path}?scenario=default`)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    // the page does not scroll sideways (wide tables scroll inside their own box)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' })).toBeVisible()
    await expectNoSeriousA11yViolations(page)
  })
}

test('the keyboard reaches navigation and content, with a skip link', async ({ page }) => {
  await page.goto('/jobs?scenario=default')
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible()
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#main$/)
  // "/" focuses the search box, j moves the selection, Enter opens the job
  await page.locator('body').click({ position: { x: 5, y: 300 } })
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search', exact: true })).toBeFocused()
  await page.keyboard.press('Escape')
  await page.locator('h1').click()
  await page.keyboard.press('j')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{24}/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})
