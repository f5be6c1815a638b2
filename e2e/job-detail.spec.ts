import type { Page } from '@playwright/test'
import { APPROVAL_JOB_IDS, FAULT_JOB_IDS, HOSTILE_JOB_IDS, RUNAWAY_JOB_ID_MAP, SPECIAL_JOB_IDS } from '../src/mocks/ids'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/**
 * Job detail journeys on the mock worlds. The runaway jobs are "frozen" (the simulated agent never
 * touches them), so the cancel journey is deterministic; the other jobs may move on their own.
 */

const lifecycleSteps = (page: Page) => page.getByRole('list', { name: 'Lifecycle stages' })
const currentStep = (page: Page) => lifecycleSteps(page).locator('[aria-current="step"]')

test('open a running job, cancel it, and see the timeline move', async ({ page }) => {
  await page.goto(`/jobs/${RUNAWAY_JOB_ID_MAP.pastTimeout}?scenario=default`)
  await expect(page.getByRole('heading', { level: 1, name: 'Backup DB' })).toBeVisible()
  await expect(currentStep(page)).toContainText('assigned')
  await expect(currentStep(page)).toContainText('an agent on host')
  await expect(page.getByRole('region', { name: 'Lifecycle' }).getByText('None yet.')).toBeVisible()

  await page.getByRole('button', { name: 'Cancel job' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Cancel job “Backup DB”?' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('running on an agent')
  await dialog.getByRole('button', { name: 'Cancel job' }).click()

  await expect(page.getByText(/Job terminated: it was already running/)).toBeVisible()
  await expect(dialog).toBeHidden()
  await expect(currentStep(page)).toContainText('terminated')
  await expect(currentStep(page)).toContainText('canceled while running')
  await expect(page.getByRole('list', { name: 'Observed transitions' })).toContainText('assigned → terminated')
  // The button keeps its place (nothing slides under the pointer), disabled now that the job is over.
  await expect(page.getByRole('button', { name: 'Cancel job' })).toBeDisabled()
  // Who canceled it is part of the result.
  await expect(page.getByRole('region', { name: 'Output' }).getByText('Canceled by')).toBeVisible()
})

test('submit input on a "Collect ticket data" job', async ({ page }) => {
  await page.goto(`/jobs/${SPECIAL_JOB_IDS.inputDummy}?scenario=default`)
  await expect(page.getByRole('heading', { level: 1, name: 'Collect ticket data' })).toBeVisible()
  const panel = page.getByRole('region', { name: 'Input requested' })
  const ticket = panel.getByRole('textbox', { name: /ticket/ })

  // Invalid first: the form says what is wrong beside the field and sends nothing.
  await ticket.fill('TICKET-1')
  await panel.getByRole('button', { name: 'Submit input' }).click()
  await expect(ticket).toHaveAttribute('aria-invalid', 'true')
  await expect(ticket).toHaveAccessibleDescription(/does not match the required format/)

  await ticket.fill('INC-4521')
  await panel.getByRole('combobox', { name: /priority/ }).selectOption('high')
  await panel.getByRole('button', { name: 'Submit input' }).click()

  await expect(page.getByText('Input submitted: the job finished.').first()).toBeVisible()
  await expect(panel).toHaveCount(0)
  await expect(currentStep(page)).toContainText('finished')
  await expect(page.getByRole('region', { name: 'Arguments' }).getByText('INC-4521')).toBeVisible()
})

test('run a job again with an edited argument and land on the new job', async ({ page }) => {
  await page.goto(`/jobs/${SPECIAL_JOB_IDS.finishedBackup}?scenario=default`)
  await expect(page.getByRole('heading', { level: 1, name: 'Backup DB' })).toBeVisible()
  await page.getByRole('button', { name: 'Run again' }).click()
  const dialog = page.getByRole('dialog', { name: /Run “Backup DB” again/ })
  const database = dialog.getByRole('textbox', { name: /database/ })
  await expect(database).not.toHaveValue('')
  await database.fill('orders-e2e')
  await dialog.getByRole('button', { name: 'Start new job' }).click()

  await expect(page).not.toHaveURL(new RegExp(SPECIAL_JOB_IDS.finishedBackup))
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{24}/)
  await expect(page.getByRole('heading', { level: 1, name: 'Backup DB' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Arguments' }).getByText('orders-e2e')).toBeVisible()
})

test('the job page has no serious accessibility violations', async ({ page }) => {
  await page.goto(`/jobs/${SPECIAL_JOB_IDS.finishedDeploy}?scenario=default`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Output' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.goto(`/jobs/${SPECIAL_JOB_IDS.inputDummy}?scenario=default`)
  await expect(page.getByRole('region', { name: 'Input requested' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('a 2 MB log opens, scrolls and searches', async ({ page }) => {
  await page.goto(`/jobs/${HOSTILE_JOB_IDS.hugeLog}?scenario=hostile`)
  const output = page.getByRole('region', { name: 'Output' })
  const log = output.getByRole('region', { name: /^Log, \d+ lines$/ })
  await expect(log).toBeVisible()
  await expect(log.getByText('processed chunk').first()).toBeVisible()
  await log.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(log.getByText(/^\d{5}$/).last()).toBeVisible()
  await output.getByRole('searchbox', { name: 'Search log' }).fill('processed chunk')
  await expect(output.getByText(/^1 of \d{5}$/)).toBeVisible()
  // Script data stays text.
  await expect(log.getByText(/onerror/).first()).toBeVisible()
})

test('after a dialog closes, the keyboard is back where it was, or on what happened', async ({ page }) => {
  // A refused cancel: the dialog goes, the error is announced and focus is back on "Cancel job".
  await page.goto(`/jobs/${FAULT_JOB_IDS.cancelForbidden}?scenario=errors`)
  const cancel = page.getByRole('button', { name: 'Cancel job' })
  await cancel.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('alertdialog', { name: /Cancel job/ })
  await dialog.getByRole('button', { name: 'Cancel job' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'The job was not canceled' })).toBeVisible()
  await expect(dialog).toBeHidden()
  await expect(cancel).toBeFocused()

  // "Close" on Run again: back on "Run again".
  const runAgain = page.getByRole('button', { name: 'Run again' })
  await runAgain.click()
  await page.getByRole('dialog', { name: /again/ }).getByRole('button', { name: 'Close' }).click()
  await expect(runAgain).toBeFocused()

  // A restart uses up the Restart button (the job is queued again): focus goes to the outcome, not
  // back to the button and from there to the top of the page when the refresh disables it.
  await page.goto(`/jobs/${SPECIAL_JOB_IDS.finishedBackup}?scenario=default`)
  await page.getByRole('button', { name: 'Restart' }).click()
  await page.getByRole('dialog', { name: /Restart/ }).getByRole('button', { name: 'Restart job' }).click()
  const outcome = page.getByText('Job restarted: it is queued to run again.')
  await expect(outcome).toBeFocused()
  // And it stays there once the page shows the job queued again.
  await expect(page.getByRole('list', { name: 'Observed transitions' })).toContainText(/finished → (ready|assigned)/)
  await expect(outcome).toBeFocused()
})

test('Enter on an approval’s button or on Submit input lands the keyboard on what happened, not on the top of the page', async ({ page }) => {
  // The decided button stays, disabled: the browser drops focus from it; the outcome line takes it.
  await page.goto(`/jobs/${APPROVAL_JOB_IDS.refundShipIt}?scenario=default`)
  const approve = page.getByRole('button', { name: 'Ship it' })
  await expect(approve).toBeEnabled()
  await approve.focus()
  await page.keyboard.press('Enter')
  const decided = page.getByText('Decision sent: Ship it.')
  await expect(decided).toBeFocused()
  await expect(approve).toBeDisabled()

  // The input panel goes once submitted.
  await page.goto(`/jobs/${SPECIAL_JOB_IDS.inputDummy}?scenario=default`)
  const panel = page.getByRole('region', { name: 'Input requested' })
  await panel.getByRole('textbox', { name: /ticket/ }).fill('INC-4521')
  await panel.getByRole('combobox', { name: /priority/ }).selectOption('high')
  await panel.getByRole('button', { name: 'Submit input' }).focus()
  await page.keyboard.press('Enter')
  await expect(panel).toHaveCount(0)
  await expect(page.getByText('Input submitted: the job finished.')).toBeFocused()
})

test('a 6,000-character argument wraps on a phone instead of widening the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/jobs/${HOSTILE_JOB_IDS.longName}?scenario=hostile`)
  const args = page.getByRole('region', { name: 'Arguments' })
  await expect(args.getByRole('table')).toBeVisible()
  await expect(args.getByText(/^A{100}/).first()).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  const box = await args.getByRole('table').boundingBox()
  expect(box!.width).toBeLessThanOrEqual(390)
})

test('on a phone, the verdict of a running job ticks without moving the page below it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.clock.install({ time: Date.now() })
  // Running some 45 minutes, flagged Runaway: the big verdict line and the Runaway line share the verdict's box.
  await page.goto(`/jobs/${RUNAWAY_JOB_ID_MAP.pastTimeout}?scenario=default`)
  const verdict = page.getByRole('region', { name: 'Verdict' })
  await expect(verdict).toContainText(/Running for 4\dm \d+s/)
  // Against the task's history (which comes after the job): the Runaway line's full words.
  await expect(verdict).toContainText(/Runaway.*its usual/)
  const heading = page.getByRole('heading', { level: 1, name: 'Backup DB' })
  const y = async () => (await heading.boundingBox())!.y
  const start = await y()
  const seen = new Set<string>()
  // A minute and a quarter, second by second: the seconds gain a digit ("45m 9s" → "45m 10s") and the
  // minutes roll over ("45m 59s" → "46m 0s").
  for (let s = 0; s < 75; s++) {
    await page.clock.runFor(1000)
    const text = (await verdict.textContent()) ?? ''
    seen.add(/Running for (\d+m \d+s)/.exec(text)?.[1] ?? text)
    expect(await y(), `the heading moved at "${text}"`).toBe(start)
  }
  // It did tick, through both kinds of change.
  expect(seen.size).toBeGreaterThan(60)
  expect([...seen].some((d) => /m \d\ds$/.test(d)) && [...seen].some((d) => /m \ds$/.test(d))).toBe(true)
})
