import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page, type Request } from '@playwright/test'

export { expect }

/** Fails on any serious or critical axe violation, listing them. */
export async function expectNoSeriousA11yViolations(page: Page, opts: { exclude?: string[] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  for (const selector of opts.exclude ?? []) builder = builder.exclude(selector)
  const results = await builder.analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
    'serious accessibility violations',
  ).toEqual([])
}

export interface Guard {
  pageErrors: string[]
  badRequests: string[]
  /** Requests seen, for assertions. */
  requests: Request[]
}

/**
 * Every journey runs under these guards: no uncaught page error, no injected script executed
 * (window.__xss), and no request carrying the token in the URL or twice.
 */
export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page }, use) => {
      const guard: Guard = { pageErrors: [], badRequests: [], requests: [] }
      page.on('pageerror', (error) => guard.pageErrors.push(error.message))
      page.on('request', (request) => {
        guard.requests.push(request)
        const url = request.url()
        if (/access_token=/i.test(url)) guard.badRequests.push(`token in URL: ${request.method()} ${url}`)
        const auth = request.headers()['authorization']
        if (auth && (auth.includes(',') || (auth.match(/Bearer/g)?.length ?? 0) > 1)) guard.badRequests.push(`token twice: ${request.method()} ${url}`)
        if (auth && /access_token/.test(request.postData() ?? '')) guard.badRequests.push(`token in body and header: ${url}`)
      })
      await use(guard)
      const xss = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss).catch(() => undefined)
      expect(xss, 'an injected script ran').toBeUndefined()
      expect(guard.pageErrors, 'uncaught page errors').toEqual([])
      expect(guard.badRequests, 'requests leaking the token').toEqual([])
    },
    { auto: true },
  ],
})

declare global {
  interface Window {
    __mockDb?: {
      jobs(): Array<{ id: string; lifecycle?: unknown; [k: string]: unknown }>
      failNext(matcher: unknown, response: unknown, times?: number): void
      clearFailures(): void
      [k: string]: unknown
    }
  }
}
