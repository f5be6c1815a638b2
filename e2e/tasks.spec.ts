import type { Page } from '@playwright/test'
import { TASK_IDS } from '../src/mocks/ids'
import { RUN_TASK_IDS } from '../src/mocks/worlds/run-tasks'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'

/**
 * Running tasks from the catalog and the run form, on the default mock world. The mock's POST
 * matches arguments by order exactly as the real supervisor does, so these journeys would catch a
 * shifted or missing value.
 */

const asAdmin = (page: Page) =>
  page.addInitScript(() => {
    sessionStorage.setItem('theeye.session', JSON.stringify({ token: 'admin-token', customer: 'demo', supervisorUrl: null }))
  })

const createJobRequest = (page: Page, taskId: string) =>
  page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname.endsWith(`/task/${taskId}/job`))

test('from the catalog, run a task with every field type: the server gets each value at its order', async ({ page, guard }) => {
  await page.goto('/tasks?scenario=default')
  await expect(page.getByRole('link', { name: 'Tasks' })).toHaveAttribute('aria-current', 'page')
  await page.getByRole('searchbox', { name: 'Search tasks' }).fill('provision')
  await expect(page.getByRole('link', { name: 'Provision account', exact: true })).toHaveAttribute('href', `/jobs?task=${RUN_TASK_IDS.everyType}`)
  await page.getByRole('link', { name: 'Run Provision account' }).click()

  await expect(page).toHaveURL(new RegExp(`/tasks/${RUN_TASK_IDS.everyType}/run$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Run Provision account' })).toBeVisible()
  await page.getByRole('textbox', { name: /^username/ }).fill('ann42')
  await page.getByRole('textbox', { name: /^welcome message/ }).fill('Hello\nand welcome')
  await page.getByRole('checkbox', { name: 'send welcome email' }).check()
  await page.getByRole('textbox', { name: /^settings/ }).fill('{"quota": 10}')
  await page.getByRole('combobox', { name: /^plan/ }).selectOption({ label: 'Pro' })
  await page.getByRole('listbox', { name: /^groups/ }).selectOption(['ops', 'finance'])
  await page.getByLabel(/^start date/).fill('2026-12-01')
  await page.getByRole('textbox', { name: /^contact email/ }).fill('ann@example.com')
  await page.getByRole('textbox', { name: /^allowed hosts/ }).fill('^web-\\d+$')
  await page.getByLabel(/^avatar/).setInputFiles({ name: 'hi.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') })
  await expect(page.getByText('Will send: hi.txt (2 B)')).toBeVisible()
  const team = page.getByRole('combobox', { name: /^team/ })
  await expect(team.getByRole('option', { name: 'Finance' })).toBeAttached()
  await team.selectOption({ label: 'Finance' })
  await page.getByLabel(/^initial password/).fill('correct horse')
  await expect(page.getByLabel(/^initial password/)).toHaveAttribute('type', 'password')
  // The fixed value is shown, not editable.
  await expect(page.getByRole('region', { name: 'Fixed values' })).toContainText('eu-west-1')

  const sent = createJobRequest(page, RUN_TASK_IDS.everyType)
  await page.getByRole('button', { name: 'Run task' }).click()
  const request = await sent
  expect(request.postDataJSON()).toEqual({
    task_arguments: [
      'ann42',
      null,
      'Hello\nand welcome',
      true,
      '{"quota": 10}',
      2,
      ['ops', 'finance'],
      '2026-12-01',
      'ann@example.com',
      '^web-\\d+$',
      'data:text/plain;base64,aGk=',
      'T-FIN',
      null,
      'correct horse',
    ],
  })
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{24}$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Provision account' })).toBeVisible()
  const jobId = page.url().split('/').pop()!
  const stored = await page.evaluate((id) => window.__mockDb!.jobs().find((j) => j.id === id)?.task_arguments_values, jobId)
  expect(stored).toEqual(['ann42', 'eu-west-1', 'Hello\nand welcome', 'true', '{"quota": 10}', '2', '["ops","finance"]', '2026-12-01', 'ann@example.com', '^web-\\d+$', 'data:text/plain;base64,aGk=', 'T-FIN', null, 'correct horse'])
  // The remote endpoint got no token.
  const remote = guard.requests.filter((r) => r.url().includes('/mock/options/'))
  expect(remote.length).toBeGreaterThan(0)
  for (const r of remote) expect(r.headers()['authorization']).toBeUndefined()

  // Back on the form, the last values are offered again, but never the masked one.
  await page.goto(`/tasks/${RUN_TASK_IDS.everyType}/run`)
  await expect(page.getByText(/Filled with the values you last ran this task with/)).toBeVisible()
  await expect(page.getByRole('textbox', { name: /^username/ })).toHaveValue('ann42')
  await expect(page.getByLabel(/^initial password/)).toHaveValue('')
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('correct horse')
})

test('fix a validation error, then run: nothing is sent until the form is right', async ({ page }) => {
  await page.goto(`/tasks/${TASK_IDS.deployWeb}/run?scenario=default&arg.environment=staging`)
  await expect(page.getByText('Filled from the link: environment. Check the values, then run.')).toBeVisible()
  let posts = 0
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/job')) posts++
  })
  const version = page.getByRole('textbox', { name: /^version/ })
  await version.fill('1.2')
  await page.getByRole('button', { name: 'Run task' }).click()
  await expect(version).toHaveAttribute('aria-invalid', 'true')
  await expect(version).toHaveAccessibleDescription(/e\.g\. v1\.4\.2.*does not match the required format/)
  await expect(version).toBeFocused()
  await expect(page.getByRole('alert').filter({ hasText: '1 field needs attention: version.' })).toBeVisible()
  expect(posts).toBe(0)

  await version.fill('v1.2.3')
  await expect(version).not.toHaveAttribute('aria-invalid')
  const sent = createJobRequest(page, TASK_IDS.deployWeb)
  await page.getByRole('button', { name: 'Run task' }).click()
  expect((await sent).postDataJSON()).toEqual({ task_arguments: ['staging', 'v1.2.3', null, null] })
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{24}$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Deploy web' })).toBeVisible()
})

test('a bot that stopped reporting: running asks first, "Queue anyway" queues it', async ({ page }) => {
  await asAdmin(page)
  await page.goto('/tasks?scenario=default')
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Restore archive', exact: true }) })
  await expect(row).toContainText('not reporting')
  await page.getByRole('link', { name: 'Run Restore archive' }).click()
  const summary = page.getByRole('region', { name: 'Before you run' })
  await expect(summary).toContainText('db-02 — ⚠ not reporting')
  await expect(summary).toContainText('The job will wait in the queue until the bot reports again.')
  await page.getByRole('textbox', { name: /^archive/ }).fill('2026-11-30.tar.gz')
  await page.getByRole('button', { name: 'Run task' }).click()

  const dialog = page.getByRole('alertdialog', { name: 'The bot of “Restore archive” is not reporting' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: "Don't run" }).click()
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: 'Run task' }).click()
  const sent = createJobRequest(page, RUN_TASK_IDS.stoppedBot)
  await dialog.getByRole('button', { name: 'Queue anyway' }).click()
  expect((await sent).postDataJSON()).toEqual({ task_arguments: ['2026-11-30.tar.gz'] })
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{24}$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Restore archive' })).toBeVisible()
  const jobId = page.url().split('/').pop()!
  const jobs = await page.evaluate(() => window.__mockDb!.jobs().filter((j) => j.task_id === '65f1bf002a9b4c0012ab3a03').map((j) => j.id))
  expect(jobs).toEqual([jobId])
})

test('the server builds the job already failed (200): the job page says so with the reason', async ({ page }) => {
  await page.goto(`/tasks/${RUN_TASK_IDS.stoppedBot}/run?scenario=default`)
  await page.getByRole('textbox', { name: /^archive/ }).fill('2026-11-30.tar.gz')
  // Meanwhile someone edits the task: a fixed argument now comes first, so "archive" moved to order 1.
  await page.evaluate((id) => {
    const task = (window.__mockDb as unknown as { getTask(id: string): { task_arguments: unknown[] } }).getTask(id)
    task.task_arguments = [
      { id: 2, order: 0, type: 'fixed', label: 'mode', value: 'safe' },
      { id: 1, order: 1, type: 'input', label: 'archive', required: true },
    ]
  }, RUN_TASK_IDS.stoppedBot)
  await page.getByRole('button', { name: 'Run task' }).click()
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{24}$/)
  const notice = page.getByRole('alert').filter({ hasText: 'This job never ran' })
  await expect(notice).toContainText('the server refused to build it')
  await expect(notice).toContainText('InvalidTaskArguments')
  await expect(notice).toContainText('a value for one of the task’s arguments was missing')
  await notice.getByRole('link', { name: 'Open the task’s run form with these values' }).click()
  await expect(page).toHaveURL(new RegExp(`/tasks/${RUN_TASK_IDS.stoppedBot}/run\\?from=[0-9a-f]{24}$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Run Restore archive' })).toBeVisible()
  // The form shows the task's new definitions (if it still held the old ones it says they changed; a
  // push or refetch may already have brought the new ones, and then there is nothing to announce).
  await expect(page.getByRole('region', { name: 'Fixed values' })).toContainText('safe')
  await expect(page.getByRole('textbox', { name: /^archive/ })).toBeVisible()
})

test('remote options that fail show an error with Retry', async ({ page }) => {
  await page.goto(`/tasks/${RUN_TASK_IDS.brokenOptions}/run?scenario=default`)
  const alert = page.getByRole('alert').filter({ hasText: 'The options for segment could not be loaded' })
  await expect(alert).toContainText('answered 500')
  let retried = 0
  page.on('request', (r) => {
    if (r.url().includes('/mock/options/broken')) retried++
  })
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect.poll(() => retried).toBe(1)
  await expect(alert).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('the catalog passes axe', async ({ page }) => {
  await page.goto('/tasks?scenario=default')
  await expect(page.getByRole('link', { name: 'Run Backup DB' })).toBeVisible()
  await expectNoSeriousA11yViolations(page)
})

test('the run form with its validation messages passes axe', async ({ page }) => {
  await page.goto(`/tasks/${RUN_TASK_IDS.everyType}/run?scenario=default`)
  await page.getByRole('button', { name: 'Run task' }).click()
  await expect(page.getByRole('textbox', { name: /^username/ })).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousA11yViolations(page)
})

test('what was typed and not run comes back after a reload, and the notice says it is a draft', async ({ page }) => {
  await page.goto(`/tasks/${TASK_IDS.cleanupTmp}/run?scenario=default`)
  const directory = page.getByRole('textbox', { name: /^directory/ })
  await directory.fill('/tmp/not-run-yet')
  await page.reload()
  await expect(directory).toHaveValue('/tmp/not-run-yet')
  const notice = page.getByRole('status').filter({ hasText: 'Restored what you were typing here before' })
  await expect(notice).toBeVisible()
  await expect(page.getByText(/Filled with the values you last ran/)).toHaveCount(0)
  // Nothing was ever run here: only the way back to the task's defaults.
  await expect(notice.getByRole('button', { name: 'Use the values you last ran' })).toHaveCount(0)
  await notice.getByRole('button', { name: "Start from the task's defaults" }).click()
  await expect(directory).toHaveValue('')
})
