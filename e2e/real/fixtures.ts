import type { Page, Response } from '@playwright/test'
import { expect, test as safe } from '../fixtures'
import { readState, type RealState } from './stack'

export { expect }

/**
 * The real journeys keep the safety fixture of every journey (no page error, no injected script,
 * the token once and never in a URL) and add: every request the dashboard makes (to nginx, the
 * supervisor or the gateway) fails the journey when it is answered 404, 405 or 500 — the
 * answers that mean the dashboard spoke a form the real server does not have, or broke it.
 * A journey that provokes one on purpose lists it in `allowStatus`.
 */
export interface RealFixtures {
  real: RealState
  /** Answers of the dashboard's own requests with a status in 404/405/500, as "METHOD url -> status". */
  serverErrors: string[]
  /** Requests (as a RegExp on "METHOD url") a journey expects to meet one of those statuses. */
  allowStatus: RegExp[]
}

const WATCHED = new Set([404, 405, 500])

export const test = safe.extend<RealFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from this pattern
  real: async ({}, use) => {
    await use(readState())
  },
  baseURL: async ({ real }, use) => {
    await use(real.appUrl)
  },
  allowStatus: [[], { option: true }],
  serverErrors: [
    async ({ page, allowStatus }, use) => {
      const errors: string[] = []
      const onResponse = (response: Response) => {
        if (!WATCHED.has(response.status())) return
        const request = response.request()
        const line = `${request.method()} ${request.url()} -> ${response.status()}`
        if (allowStatus.some((re) => re.test(`${request.method()} ${request.url()}`))) return
        errors.push(line)
      }
      page.on('response', onResponse)
      await use(errors)
      page.off('response', onResponse)
      expect(errors, 'requests of the dashboard answered 404/405/500 by nginx or the real servers').toEqual([])
    },
    { auto: true },
  ],
})

/** Signs in through the form with a username and password: POST /api/auth/login on the real gateway. */
export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/sign-in')
  await expect(page.getByRole('heading', { name: 'Sign in to TheEye Jobs' })).toBeVisible()
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/jobs/)
}
