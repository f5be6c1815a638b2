import { expect, signIn, test } from './fixtures'

/** Signing in and out through the real gateway. */

test('signs in with username and password through the real gateway, shows the organization, and signs out', async ({ page, real, guard }) => {
  const { jane } = real.world.users
  await page.goto('/jobs')
  // No token yet: the app sends you to sign in, with the gateway's username/password form.
  await expect(page).toHaveURL(/\/sign-in/)

  // The right password for an organization she is not a member of: the gateway answers 403.
  const organization = page.getByLabel('Organization')
  await expect(organization).toHaveValue(real.customer)
  await organization.fill('acme')
  await page.getByLabel('Username').fill(jane.username)
  await page.getByLabel('Password').fill(jane.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText(`${jane.username} is not a member of the organization “acme”`)
  await organization.fill(real.customer)

  // A wrong password is refused by the gateway (401), and said so.
  await page.getByLabel('Password').fill('not-her-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText(/not accepted/)

  await page.getByLabel('Password').fill(jane.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/jobs/)
  await expect(page.getByRole('button', { name: `Account: ${jane.name}` })).toBeVisible()
  // The organization of the session, as the gateway's profile names it.
  await expect(page.getByRole('banner')).toContainText(real.customer)

  // The login went to the real gateway with Basic auth, once.
  const logins = guard.requests.filter((r) => r.method() === 'POST' && r.url().startsWith(`${real.gatewayUrl}/api/auth/login`))
  expect(logins.length).toBe(3)
  expect(logins.every((r) => /^Basic /.test(r.headers()['authorization'] ?? ''))).toBe(true)

  await page.getByRole('button', { name: /^Account/ }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByRole('heading', { name: 'Sign in to TheEye Jobs' })).toBeVisible()
  // Signed out means signed out: the jobs page sends you back.
  await page.goto('/jobs')
  await expect(page).toHaveURL(/\/sign-in/)
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(jane.token.slice(0, 20))
})

test('a viewer sees no jobs and is told why: the server lists only jobs shared with you', async ({ page, real }) => {
  const { viewer } = real.world.users
  await signIn(page, viewer.username, viewer.password)
  await expect(page.getByRole('button', { name: `Account: ${viewer.name}` })).toBeVisible()
  await expect(page.getByText('No jobs yet')).toBeVisible()
  await expect(page.getByText(/only the jobs .*shared with you/i)).toBeVisible()
  await expect(page.getByRole('table').getByRole('link')).toHaveCount(0)
})
