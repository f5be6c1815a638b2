import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/**
 * Approvals inbox journeys on the default mock world: jane (the demo user) has 6 approvals waiting
 * on her (one inside the "Release pipeline" workflow run) and 1 waits on bob only.
 */

async function openInbox(page: Page) {
  await page.goto('/approvals?scenario=default')
  await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Waiting on me (6)' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Approvals (6)' })).toBeVisible()
}

const inbox = (page: Page) => page.getByRole('list', { name: 'Approvals waiting on you' })
const items = (page: Page) => inbox(page).getByRole('article')

test('approve one request with its task’s label', async ({ page }) => {
  await openInbox(page)
  // Newest first: "Approve deploy" requested 3 minutes ago, with the default labels.
  const first = items(page).first()
  await expect(first.getByRole('link', { name: 'Approve deploy' })).toBeVisible()
  await expect(first.getByText('v1.8.0')).toBeVisible()
  await first.getByRole('button', { name: 'Approve', exact: true }).click()

  // The decided request stays where it was, with its outcome, until the user moves on.
  await expect(first.getByRole('status')).toHaveText('✓ Approved: Approve deploy')
  await expect(items(page)).toHaveCount(6)
  await expect(page.getByRole('tab', { name: 'Waiting on me (5)' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Approvals (5)' })).toBeVisible()
  await expect(page).toHaveTitle(/^Approvals \(5\)/)

  await page.getByRole('tab', { name: 'Decided' }).click()
  const decided = page.getByRole('list', { name: 'Recent decisions' }).getByRole('listitem').filter({ hasText: 'by you' })
  await expect(decided.filter({ hasText: 'Approved' }).first()).toBeVisible()
})

test('reject one request with its custom label', async ({ page }) => {
  await openInbox(page)
  // The newest "Approve refund" (its task says Ship it / Hold back); found by name, as its buttons give way to the outcome.
  const refund = items(page).filter({ has: page.getByRole('link', { name: 'Approve refund' }) }).first()
  await expect(refund.getByRole('link', { name: 'Approve refund' })).toBeVisible()
  await expect(refund.getByRole('button', { name: 'Ship it' })).toBeVisible()
  await refund.getByRole('button', { name: 'Hold back' }).click()

  await expect(refund.getByRole('status')).toHaveText('✓ Rejected (Hold back): Approve refund')
  await expect(page.getByRole('tab', { name: 'Waiting on me (5)' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Approvals (5)' })).toBeVisible()
})

test('bulk-approve three requests after confirming', async ({ page }) => {
  await openInbox(page)
  const boxes = inbox(page).getByRole('checkbox', { name: /^Select / })
  for (let i = 0; i < 3; i++) await boxes.nth(i).check()
  await expect(page.getByText('3 selected')).toBeVisible()
  await page.getByRole('button', { name: 'Approve selected' }).click()

  const dialog = page.getByRole('alertdialog', { name: 'Approve 3 approval requests?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('list', { name: 'Selected requests' }).getByRole('listitem')).toHaveCount(3)
  await dialog.getByRole('button', { name: 'Approve 3' }).click()
  await expect(dialog.getByRole('status')).toHaveText('3 of 3 done: 3 approved, 0 failed.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  await expect(inbox(page).getByRole('status').filter({ hasText: /^✓ Approved/ })).toHaveCount(3)
  await expect(page.getByRole('tab', { name: 'Waiting on me (3)' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Approvals (3)' })).toBeVisible()
  // Once the user moves on, the decided requests leave.
  await page.getByRole('heading', { level: 1, name: 'Approvals' }).hover()
  await page.getByRole('tab', { name: 'Waiting on me (3)' }).focus()
  await expect(items(page)).toHaveCount(3)
})

test('the inbox and its dialogs have no serious accessibility violations', async ({ page }) => {
  await openInbox(page)
  // Wait until the full documents are in (values and decision buttons rendered).
  await expect(items(page).first().getByRole('button', { name: 'Approve', exact: true })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await inbox(page).getByRole('checkbox', { name: /^Select / }).first().check()
  await page.getByRole('button', { name: 'Reject selected' }).click()
  await expect(page.getByRole('alertdialog')).toBeVisible()
  await expectNoSeriousA11yViolations(page)
  await page.getByRole('alertdialog').getByRole('button', { name: 'Go back' }).click()

  await page.getByRole('tab', { name: 'Decided' }).click()
  await expect(page.getByRole('list', { name: 'Recent decisions' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('closing a dialog puts the keyboard back on the control that opened it', async ({ page }) => {
  await openInbox(page)
  await expect(items(page).first().getByRole('button', { name: 'Approve', exact: true })).toBeVisible()

  const help = page.getByRole('button', { name: 'Keyboard shortcuts' })
  await help.click()
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(help).toBeFocused()

  await inbox(page).getByRole('checkbox', { name: /^Select / }).first().check()
  const rejectSelected = page.getByRole('button', { name: 'Reject selected' })
  await rejectSelected.click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Go back' }).click()
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
  await expect(rejectSelected).toBeFocused()

  // The shortcuts still work from there: j moves on from the request whose box was ticked.
  await page.keyboard.press('j')
  await expect(items(page).nth(1)).toBeFocused()
})
