import type { Page, Request } from '@playwright/test'
import { SPECIAL_JOB_IDS } from '../src/mocks/ids'
import { expect, test } from './fixtures'

/**
 * One intent, one effect: the bulk and cancel journeys, the double click, the held key and the
 * repeated shortcut. They run on the production build AND on the dev server (`vite`, where React
 * StrictMode mounts everything twice: the "dev-server" project in playwright.config.ts).
 *
 * Default mock world: jane has 6 approvals waiting, newest first "Approve deploy" (Approve/Reject)
 * then "Approve refund" (Ship it/Hold back); 3 runaway jobs.
 */

const inbox = (page: Page) => page.getByRole('list', { name: 'Approvals waiting on you' })
const items = (page: Page) => inbox(page).getByRole('article')

/** The decisions the page sent: PUT …/job/:id/approve|reject|cancel. */
function decisions(requests: Request[]) {
  return requests.flatMap((r) => {
    const m = /\/job\/([^/?]+)\/(approve|reject|cancel)$/.exec(new URL(r.url()).pathname)
    return r.method() === 'PUT' && m ? [{ id: m[1]!, action: m[2]! }] : []
  })
}

async function openInbox(page: Page) {
  await page.goto('/approvals?scenario=default')
  // (the first visit to the dev server compiles modules: allow for it)
  await expect(page.getByRole('tab', { name: 'Waiting on me (6)' })).toBeVisible({ timeout: 30_000 })
  // Every decision button is in (the full documents loaded).
  await expect(items(page).nth(0).getByRole('button', { name: 'Approve', exact: true })).toBeVisible()
  await expect(items(page).nth(1).getByRole('button', { name: 'Ship it' })).toBeVisible()
}

async function idOf(item: ReturnType<typeof items>) {
  const href = await item.getByRole('link').first().getAttribute('href')
  return href!.split('/').pop()!
}

test('bulk-approve two requests: two requests sent, both decided, and they stay in place with their outcome', async ({ page, guard }) => {
  await openInbox(page)
  const ids = [await idOf(items(page).nth(0)), await idOf(items(page).nth(1))]
  await items(page).nth(0).getByRole('checkbox').check()
  await items(page).nth(1).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Approve selected' }).click()

  const dialog = page.getByRole('alertdialog', { name: 'Approve 2 approval requests?' })
  // The values that tell the requests apart are in the confirmation.
  await expect(dialog.getByRole('listitem').first()).toContainText('release v1.8.0')
  await dialog.getByRole('button', { name: 'Approve 2' }).click()
  await expect(dialog.getByRole('status')).toHaveText('2 of 2 done: 2 approved, 0 failed.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  await expect(items(page).nth(0).getByRole('status')).toHaveText('✓ Approved: Approve deploy')
  await expect(items(page).nth(1).getByRole('status')).toHaveText('✓ Approved (Ship it): Approve refund')
  await expect(page.getByRole('link', { name: 'Approvals (4)' })).toBeVisible()
  expect(decisions(guard.requests)).toEqual(ids.map((id) => ({ id, action: 'approve' })))
})

test('bulk-reject one request: one request sent, decided', async ({ page, guard }) => {
  await openInbox(page)
  const id = await idOf(items(page).nth(0))
  await items(page).nth(0).getByRole('checkbox').check()
  await page.getByRole('button', { name: 'Reject selected' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Reject 1 approval request?' })
  await dialog.getByRole('button', { name: 'Reject 1' }).click()
  await expect(dialog.getByRole('status')).toHaveText('1 of 1 done: 1 rejected, 0 failed.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(items(page).nth(0).getByRole('status')).toHaveText('✓ Rejected: Approve deploy')
  expect(decisions(guard.requests)).toEqual([{ id, action: 'reject' }])
})

test('a double click on Approve decides that request once and leaves the next one alone', async ({ page, guard }) => {
  await openInbox(page)
  const first = items(page).nth(0)
  const id = await idOf(first)
  await first.getByRole('button', { name: 'Approve', exact: true }).dblclick()
  await expect(first.getByRole('status')).toHaveText('✓ Approved: Approve deploy')
  // The next request did not move under the pointer: its buttons are still there, undecided.
  await expect(items(page).nth(1).getByRole('button', { name: 'Ship it' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Waiting on me (5)' })).toBeVisible()
  expect(decisions(guard.requests)).toEqual([{ id, action: 'approve' }])
})

test('a double click on a task’s own Reject label decides that request once', async ({ page, guard }) => {
  await openInbox(page)
  const refund = items(page).nth(1)
  const id = await idOf(refund)
  await refund.getByRole('button', { name: 'Hold back' }).dblclick()
  await expect(refund.getByRole('status')).toHaveText('✓ Rejected (Hold back): Approve refund')
  await expect(items(page).nth(2).getByRole('link').first()).toBeVisible()
  expect(decisions(guard.requests)).toEqual([{ id, action: 'reject' }])
})

test('a held key approves one request; pressing it again never decides the next one', async ({ page, guard }) => {
  await openInbox(page)
  const first = items(page).nth(0)
  const id = await idOf(first)
  await page.keyboard.press('j')
  await expect(first).toBeFocused()
  // Key repeat: the second and later keydowns carry repeat=true.
  for (let i = 0; i < 6; i++) await page.keyboard.down('a')
  await page.keyboard.up('a')
  await expect(first.getByRole('status')).toHaveText('✓ Approved: Approve deploy')
  await expect(first).toBeFocused()
  // A second deliberate press acts on the same, decided request: nothing is sent.
  await page.keyboard.press('a')
  await page.keyboard.press('r')
  await expect(page.getByText('Approve deploy is already decided; press j for the next request.').first()).toBeVisible()
  await expect(items(page).nth(1).getByRole('button', { name: 'Ship it' })).toBeVisible()
  expect(decisions(guard.requests)).toEqual([{ id, action: 'approve' }])
})

test('cancel one runaway job: one request, and the row stays in place with its outcome', async ({ page, guard }) => {
  await page.goto('/runaway?scenario=default')
  const table = page.getByRole('table')
  await expect(table.getByRole('link')).toHaveCount(3)
  const row = table.getByRole('row').nth(1)
  const name = (await row.getByRole('link').first().textContent())!
  const id = (await row.getByRole('link').first().getAttribute('href'))!.split('/').pop()!
  await row.getByRole('button', { name: 'Cancel job' }).click()

  const dialog = page.getByRole('alertdialog', { name: `Cancel job “${name}”?` })
  // Double click on the confirm button: one request.
  await dialog.getByRole('button', { name: 'Cancel job' }).dblclick()
  await expect(dialog.getByRole('status')).toHaveText('✓ The job was cancelled.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  // Same row, same place, its outcome where its button was.
  const same = table.getByRole('row').nth(1)
  await expect(same.getByRole('link').first()).toHaveText(name)
  await expect(same.getByRole('status')).toContainText(/Cancelled|Terminated/)
  await expect(same.getByRole('button', { name: 'Cancel job' })).toHaveCount(0)
  expect(decisions(guard.requests)).toEqual([{ id, action: 'cancel' }])
  await expect(page.getByRole('link', { name: 'Runaway (2)' })).toBeVisible()

  // Once the user moves on, it goes.
  await page.getByRole('heading', { level: 1, name: 'Runaway jobs' }).click()
  await expect(table.getByRole('link', { name, exact: true })).toHaveCount(0)
  await expect(table.getByRole('link')).toHaveCount(2)
})

test('a double click on "Run workflow" in the run form starts one run, and Submit input on its page sends once', async ({ page, guard }) => {
  await page.goto('/workflows/65f1c1002a9b4c0012ab3510/run?scenario=default')
  const form = page.getByRole('form', { name: 'Arguments' })
  await expect(form.getByLabel('request')).toBeVisible({ timeout: 30_000 })
  await form.getByLabel('request').fill('R-4001')
  await form.getByLabel('amount').fill('12.00')
  await form.getByRole('button', { name: 'Run workflow' }).dblclick()
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{24}$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Refund request' })).toBeVisible()
  expect(guard.requests.filter((r) => r.method() === 'POST' && /\/workflows\/[0-9a-f]+\/job$/.test(r.url()))).toHaveLength(1)

  // An input step on a run page, in the same shared form: a double click submits once.
  await page.goto('/jobs/65effbc80000000000f10040?scenario=default')
  const input = page.getByRole('form', { name: 'Input for Review anomalies' })
  await input.getByLabel('decision').selectOption({ label: 'Load anyway' })
  await input.getByRole('button', { name: 'Submit input' }).dblclick()
  await expect(page.getByText(/Input sent for “Review anomalies”/)).toBeVisible()
  expect(guard.requests.filter((r) => r.method() === 'PUT' && /\/job\/[0-9a-f]+\/input$/.test(r.url()))).toHaveLength(1)
})

test('a double click on "Restart job" restarts once, and the keyboard lands on what happened', async ({ page, guard }) => {
  await page.goto(`/jobs/${SPECIAL_JOB_IDS.finishedBackup}?scenario=default`)
  const restart = page.getByRole('button', { name: 'Restart' })
  await expect(restart).toBeEnabled({ timeout: 30_000 })
  await restart.click()
  const dialog = page.getByRole('dialog', { name: /Restart/ })
  await dialog.getByRole('button', { name: 'Restart job' }).dblclick()
  const outcome = page.getByText('Job restarted: it is queued to run again.')
  await expect(outcome).toBeFocused()
  await expect(dialog).toBeHidden()
  // The page shows the job queued again, and focus is still on the outcome (not on the top of the page).
  await expect(page.getByRole('list', { name: 'Observed transitions' })).toContainText(/finished → (ready|assigned)/)
  await expect(outcome).toBeFocused()
  expect(guard.requests.filter((r) => r.method() === 'PUT' && /\/job\/[0-9a-f]+\/restart$/.test(r.url()))).toHaveLength(1)
})
