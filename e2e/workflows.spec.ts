import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/**
 * Workflow journeys on the default mock world. "Release pipeline" has a run waiting on jane's
 * approval (Deploy web ✓ → Approve deploy ‖ → Announce release on success / Roll back web on
 * failure); "Nightly data sync" has a loop and a custom event; "Disk cleanup (legacy)" is a legacy
 * graph with event nodes and a task deleted since.
 */

const RELEASE_RUN = '/jobs/65eff6280000000000e00001'

const steps = (page: Page) => page.getByRole('list', { name: 'Steps', exact: true })
const step = (page: Page, name: string) => steps(page).getByRole('listitem').filter({ hasText: name })

test('lists the workflows with their latest runs, filters by name, and opens one', async ({ page }) => {
  await page.goto('/workflows?scenario=default')
  await expect(page.getByRole('heading', { level: 1, name: 'Workflows' })).toBeVisible()
  const list = page.getByRole('list', { name: 'Workflows' })
  await expect(list.getByRole('link', { name: 'Release pipeline' })).toBeVisible()
  await expect(list.getByRole('link', { name: 'Disk cleanup (legacy)' })).toBeVisible()
  await expect(list.getByRole('listitem').filter({ hasText: 'Nightly data sync' }).getByText(/running now/)).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  await page.getByLabel('Filter by name').fill('refund')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await expect(page).toHaveURL(/q=refund/)
  await list.getByRole('link', { name: 'Refund request' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Refund request' })).toBeVisible()
  const graph = page.getByRole('region', { name: 'Graph' })
  for (const task of ['Validate refund', 'Refund approval', 'Issue refund', 'Notify rejection']) await expect(graph.getByText(task).first()).toBeAttached()
  await expectNoSeriousA11yViolations(page)
})

test('selecting a run on the workflow page lights up the path it took', async ({ page }) => {
  await page.goto('/workflows/65f1c1002a9b4c0012ab3520?scenario=default')
  await expect(page.getByRole('heading', { level: 1, name: 'Nightly data sync' })).toBeVisible()
  const graph = page.getByRole('region', { name: 'Graph' })
  await expect(graph.locator('[data-taken="true"]')).toHaveCount(0)
  await page.getByRole('button', { name: 'Show on the graph (Run #1)' }).click()
  await expect(page.getByText(/Showing the path of/)).toBeVisible()
  // Extract → Wait (success), Wait → Wait (lagging, twice), Wait → Load (success)
  await expect(graph.locator('[data-taken="true"]')).toHaveCount(3)
  await graph.getByText('The graph as text').click()
  const asText = graph.getByRole('listitem')
  await expect(asText.filter({ hasText: /on lagging → Wait for replica \(taken 2×\)/ })).toBeVisible()
  await expect(asText.filter({ hasText: /Page data on-call \(notification\): not reached · will not run/ })).toBeVisible()
  // Each run links to its page.
  await page.getByRole('link', { name: 'Run #1', exact: true }).click()
  await expect(page).toHaveURL(/\/jobs\/65e8bfc00000000000f10050/)
  await expect(step(page, 'Wait for replica')).toContainText('ran 3×')
})

test('a running run: approve its approval step in place, watch the next step start, see the path lit', async ({ page }) => {
  await page.goto(`${RELEASE_RUN}?scenario=default`)
  await expect(page.getByRole('heading', { level: 1, name: 'Release pipeline' })).toBeVisible()
  await expect(page.getByText('Now:')).toBeVisible()
  await expect(page.getByTestId('run-headline')).toContainText('waiting on a person at “Approve deploy”')
  const graph = page.getByRole('region', { name: 'Graph' })
  for (const task of ['Deploy web', 'Approve deploy', 'Announce release', 'Roll back web']) await expect(graph.getByText(task).first()).toBeAttached()
  await expect(steps(page).getByRole('listitem')).toHaveCount(4)
  await expect(step(page, 'Deploy web')).toContainText('success')
  await expect(step(page, 'Approve deploy')).toContainText('waiting')
  await expect(step(page, 'Announce release')).toContainText('not reached')
  await expect(step(page, 'Announce release').getByRole('link')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('link', { name: /^Approve deploy: waiting on a person/ })).toBeVisible()
  await expectNoSeriousA11yViolations(page)

  // Approve in place with the task's label.
  await page.getByRole('list', { name: 'Waiting on a person' }).getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(page.getByText(/You chose “Approve” for “Approve deploy”/)).toBeVisible()
  await expect(step(page, 'Approve deploy')).toContainText('approved')
  // The next step starts (queued, then the simulated agent runs it) and the path lights up.
  await expect(step(page, 'Announce release').getByRole('link', { name: 'Announce release' })).toBeVisible()
  await expect(step(page, 'Announce release')).toContainText(/queued|running|success|failure/)
  await expect(step(page, 'Roll back web')).toContainText('will not run')
  await expect(graph.locator('[data-edge$="->65f1c1102a9b4c0012ab3601"][data-taken="true"]')).toHaveCount(1)
  await expect(graph.locator('[data-taken="true"]')).toHaveCount(2)
  // Clicking a node opens that job.
  await graph.getByRole('link', { name: /^Deploy web: success/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Deploy web' })).toBeVisible()
})

test('admins cancel a running run from its page; the outcome is read back', async ({ page }) => {
  await page.goto(`${RELEASE_RUN}?scenario=default`)
  await expect(page.getByRole('heading', { level: 1, name: 'Release pipeline' })).toBeVisible()
  // jane is a manager: no "Cancel run".
  await expect(page.getByRole('button', { name: 'Run workflow' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Cancel run' })).toHaveCount(0)
  // Sign in as the mock admin for this tab (a stored mock session; the next load reads it).
  await page.evaluate(() =>
    sessionStorage.setItem('theeye.session', JSON.stringify({ token: 'admin-token', customer: 'demo', supervisorUrl: null, persist: 'session' })),
  )
  await page.goto(`${RELEASE_RUN}?scenario=default`)
  await page.getByRole('button', { name: 'Cancel run' }).click()
  const dialog = page.getByRole('alertdialog', { name: /Cancel run “Release pipeline”/ })
  await expect(dialog).toContainText('The workflow run is running')
  await dialog.getByRole('button', { name: 'Cancel run' }).click()
  await expect(page.getByText(/Run canceled: it is now terminated \(canceled\)/)).toBeVisible()
  await expect(step(page, 'Approve deploy')).toContainText('canceled')
  await expect(page.getByRole('button', { name: 'Cancel run' })).toHaveCount(0)
})

test('start a new run in the run form of its start task and land on its page', async ({ page, guard }) => {
  await page.goto('/workflows/65f1c1002a9b4c0012ab3510?scenario=default')
  await page.getByRole('button', { name: 'Run workflow' }).click()
  await expect(page).toHaveURL(/\/workflows\/65f1c1002a9b4c0012ab3510\/run$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Run Refund request' })).toBeVisible()
  const form = page.getByRole('form', { name: 'Arguments' })
  await form.getByRole('button', { name: 'Run workflow' }).click()
  await expect(form.getByLabel('request')).toHaveAttribute('aria-invalid', 'true')
  await form.getByLabel('request').fill('R-3001')
  await form.getByLabel('amount').fill('99.00')
  await form.getByRole('button', { name: 'Run workflow' }).dblclick()
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{24}$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Refund request' })).toBeVisible()
  await expect(step(page, 'Validate refund').getByRole('link', { name: 'Validate refund' })).toBeVisible()
  const posts = guard.requests.filter((r) => r.method() === 'POST' && /\/workflows\/[0-9a-f]+\/job$/.test(r.url()))
  expect(posts).toHaveLength(1)
  // The body is the start task's arguments indexed by their order.
  expect(posts[0]!.postDataJSON()).toMatchObject({ task_arguments: ['R-3001', '99.00'] })
})

test('a workflow run form for a missing workflow or a bad id says so', async ({ page }) => {
  await page.goto('/workflows/65f1c1002a9b4c0012ab9999/run?scenario=default')
  await expect(page.getByRole('heading', { level: 1, name: 'Workflow not found' })).toBeVisible()
  await page.goto('/workflows/not-an-id/run?scenario=default')
  await expect(page.getByRole('heading', { level: 1, name: 'This is not a valid workflow id' })).toBeVisible()
})

test('legacy graph, deleted task and trimmed run are drawn honestly, with notes', async ({ page }) => {
  await page.goto('/jobs/65e887800000000000f10090?scenario=default')
  await expect(page.getByRole('heading', { level: 1, name: 'Disk cleanup (legacy)' })).toBeVisible()
  await expect(page.getByText(/legacy graph format/)).toBeVisible()
  await expect(page.getByText(/no longer exists/)).toBeVisible()
  await expect(steps(page).getByRole('listitem')).toHaveCount(4)
  await expect(step(page, 'Compress logs')).toContainText('task deleted')
  await expectNoSeriousA11yViolations(page)

  await page.goto('/jobs/65e914200000000000f10030?scenario=default')
  await expect(page.getByText(/earlier steps of this run were removed by the server’s history limit/)).toBeVisible()
  await expect(step(page, 'Validate refund')).toContainText('not reached')
  await expect(step(page, 'Refund approval')).toContainText('rejected')
})

test('an input step shows its form on the run page; submitting it moves the run on', async ({ page }) => {
  await page.goto('/jobs/65effbc80000000000f10040?scenario=default')
  await expect(page.getByRole('heading', { level: 1, name: 'Nightly data sync' })).toBeVisible()
  await expect(step(page, 'Review anomalies')).toContainText('waiting')
  const form = page.getByRole('form', { name: 'Input for Review anomalies' })
  await form.getByRole('button', { name: 'Submit input' }).click()
  await expect(form.getByLabel('decision')).toHaveAttribute('aria-invalid', 'true')
  await form.getByLabel('decision').selectOption({ label: 'Load anyway' })
  // By the keyboard: Enter on the button, and the keyboard lands on the outcome that takes the form's place.
  await form.getByRole('button', { name: 'Submit input' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText(/Input sent for “Review anomalies”/)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /Input sent for “Review anomalies”/ })).toBeFocused()
  await expect(step(page, 'Review anomalies')).toContainText('success')
  await expect(step(page, 'Wait for replica').getByRole('link', { name: 'Wait for replica' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})
