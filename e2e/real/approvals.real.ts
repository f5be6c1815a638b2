import { serverJob } from './api'
import { expect, signIn, test } from './fixtures'

test('jane approves the refund with the task’s own labels', async ({ page, real }) => {
  const { jane } = real.world.users
  const refund = real.world.jobs.refundOnhold
  const task = real.world.tasks.refund
  await signIn(page, jane.username, jane.password)
  // She is the approver: the count in the navigation says one waits on her.
  await expect(page.getByRole('link', { name: 'Approvals (1)' })).toBeVisible()
  await page.getByRole('link', { name: 'Approvals (1)' }).click()
  const item = page.getByRole('list', { name: 'Approvals waiting on you' }).getByRole('article')
  await expect(item).toHaveCount(1)
  await expect(item.getByRole('link', { name: refund.name })).toHaveAttribute('href', `/jobs/${refund.id}`)
  await expect(item.getByRole('button', { name: task.failure_label })).toBeVisible()
  await item.getByRole('button', { name: task.success_label }).click()

  await expect(page.getByRole('link', { name: 'Approvals (0)' })).toBeVisible()
  const after = await serverJob(real, refund.id)
  expect([after.lifecycle, after.state]).toEqual(['finished', 'success'])
  await page.goto(`/jobs/${refund.id}`)
  await expect(page.getByRole('list', { name: 'Lifecycle stages' }).locator('[aria-current="step"]')).toContainText(/finished|approved/i)
})
