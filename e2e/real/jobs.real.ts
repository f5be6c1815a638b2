import type { Page } from '@playwright/test'
import { serverJob, supervisor, type ServerJob } from './api'
import { expect, signIn, test } from './fixtures'

/** The jobs list and a job's page on the real supervisor, signed in as jane (her tasks' ACL names her). */

const table = (page: Page) => page.getByRole('table')
const jobLink = (page: Page, id: string) => table(page).locator(`a[href="/jobs/${id}"]`)

test.beforeEach(async ({ page, real }) => {
  await signIn(page, real.world.users.jane.username, real.world.users.jane.password)
})

test('lists the seeded jobs and filters them by task', async ({ page, real }) => {
  const { jobs, tasks } = real.world
  for (const job of Object.values(jobs)) await expect(jobLink(page, job.id), job.name).toHaveText(job.name)

  // "Task" is a searchable multi-select combobox: open it and pick the task by its name.
  await page.getByRole('combobox', { name: 'Task' }).click()
  await page.getByRole('listbox', { name: 'Task' }).getByRole('option', { name: tasks.backup.name, exact: true }).click()
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(new RegExp(`[?&]task=${tasks.backup.id}(&|$)`))
  // The server filtered: only Backup DB jobs are left, the three seeded ones among them.
  for (const job of [jobs.backupSuccess, jobs.backupFailure, jobs.backupReady]) await expect(jobLink(page, job.id)).toBeVisible()
  await expect(jobLink(page, jobs.nightlySuccess.id)).toHaveCount(0)
  await expect(jobLink(page, jobs.refundOnhold.id)).toHaveCount(0)
  const names = await table(page).getByRole('link').allTextContents()
  expect(names.length).toBeGreaterThanOrEqual(3)
  expect(new Set(names.map((n) => n.trim()))).toEqual(new Set([tasks.backup.name]))
})

test('a finished job’s page shows its real log and lifecycle', async ({ page, real }) => {
  const job = real.world.jobs.backupSuccess
  await jobLink(page, job.id).click()
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.id}$`))
  await expect(page.getByRole('heading', { level: 1, name: job.name })).toBeVisible()
  const output = page.getByRole('region', { name: 'Output' })
  // The agent's log, colours rendered, escape codes not shown as text.
  await expect(output).toContainText('Backup of customers complete')
  await expect(output).toContainText('1532 rows written')
  await expect(output).not.toContainText('[32m')
  const steps = page.getByRole('list', { name: 'Lifecycle stages' })
  await expect(steps.locator('[aria-current="step"]')).toContainText(/finished/i)
  await expect(steps).toContainText(/success/i)

  // The failed one says so, with its own log.
  const failed = real.world.jobs.backupFailure
  await page.goto(`/jobs/${failed.id}`)
  await expect(page.getByRole('heading', { level: 1, name: failed.name })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Output' })).toContainText('Connection refused')
  await expect(page.getByRole('list', { name: 'Lifecycle stages' })).toContainText(/failure/i)
})

test('cancels a ready job and shows what the server did', async ({ page, real }) => {
  const job = real.world.jobs.backupReady
  await page.goto(`/jobs/${job.id}`)
  await expect(page.getByRole('heading', { level: 1, name: job.name })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel job' }).click()
  const dialog = page.getByRole('alertdialog', { name: `Cancel job “${job.name}”?` })
  await dialog.getByRole('button', { name: 'Cancel job' }).click()
  await expect(dialog).toBeHidden()

  // The server answered 204; the page read the job back and shows the server's truth.
  await expect.poll(async () => (await serverJob(real, job.id)).lifecycle).toBe('canceled')
  await expect(page.getByText('Job canceled.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Lifecycle stages' }).locator('[aria-current="step"]')).toContainText(/canceled/i)
  await expect(page.getByRole('button', { name: 'Cancel job' })).toHaveCount(0)
  // In the list too.
  await page.goto('/jobs')
  await expect(jobLink(page, job.id).locator('xpath=ancestor::tr')).toContainText(/canceled/i)
})

test('a job started through the API while the list is open shows up', async ({ page, real }) => {
  await expect(jobLink(page, real.world.jobs.nightlyReady.id)).toBeVisible()
  // admin starts it from another client; the task's ACL names jane, so the job is hers to see
  const created = await supervisor<ServerJob>(real, real.world.users.admin.token, 'POST', '/job', { task: real.world.tasks.nightly.id, task_arguments: [] })
  expect(created.status).toBe(200)
  // Live refresh (config.json: every 2 s) brings it in, newest first.
  await expect(jobLink(page, created.body.id)).toBeVisible()
  await expect(table(page).getByRole('link').first()).toHaveAttribute('href', `/jobs/${created.body.id}`)
})

test('runs a finished job again with an edited argument, and restarts another in place', async ({ page, real }) => {
  const original = real.world.jobs.backupSuccess
  await page.goto(`/jobs/${original.id}`)
  await expect(page.getByRole('heading', { level: 1, name: original.name })).toBeVisible()
  await page.getByRole('button', { name: 'Run again' }).click()
  const dialog = page.getByRole('dialog', { name: `Run “${original.name}” again` })
  const database = dialog.getByRole('textbox', { name: /database/ })
  await expect(database).toHaveValue('customers')
  await database.fill('billing')
  await dialog.getByRole('button', { name: 'Start new job' }).click()
  // POST /job on the real supervisor: a new job, and the page moves to it.
  await expect(page).not.toHaveURL(new RegExp(`/jobs/${original.id}$`))
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f]{24}$/)
  const newId = page.url().split('/').pop()!
  const created = await serverJob(real, newId)
  expect(created).toMatchObject({ name: original.name, lifecycle: 'ready' })
  expect((created as unknown as { task_arguments_values: unknown[] }).task_arguments_values).toEqual(['billing'])
  await expect(page.getByRole('list', { name: 'Lifecycle stages' }).locator('[aria-current="step"]')).toContainText(/ready|queued/i)

  // Restart keeps the job: PUT /:customer/job/:id/restart puts the same job back in the queue.
  const nightly = real.world.jobs.nightlySuccess
  await page.goto(`/jobs/${nightly.id}`)
  await expect(page.getByRole('region', { name: 'Output' })).toContainText('nightly.pdf')
  await page.getByRole('button', { name: 'Restart' }).click()
  await page.getByRole('dialog', { name: `Restart “${nightly.name}”` }).getByRole('button', { name: 'Restart job' }).click()
  await expect(page.getByText('Job restarted: it is queued to run again.')).toBeVisible()
  expect(await serverJob(real, nightly.id)).toMatchObject({ id: nightly.id, lifecycle: 'ready', state: 'in_progress' })
  await expect(page.getByRole('list', { name: 'Lifecycle stages' }).locator('[aria-current="step"]')).toContainText(/ready|queued/i)
  await expect(page.getByRole('region', { name: 'Output' })).not.toContainText('nightly.pdf')
})

test('the runaway view reads the server’s running jobs without an error', async ({ page, guard }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Runaway/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Runaway jobs' })).toBeVisible()
  // Either verdict is the server's to give (how long the seeded jobs have waited depends on the
  // machine); what must not happen is a failed load.
  await expect(page.getByRole('heading', { name: 'No runaway jobs' }).or(page.getByRole('table'))).toBeVisible()
  await expect(page.getByText('Could not load the running jobs')).toHaveCount(0)
  expect(guard.requests.some((r) => /\/demo\/job\?.*lifecycle/.test(decodeURIComponent(r.url())))).toBe(true)
})
