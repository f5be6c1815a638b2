import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { configureApi } from '@/api/client'
import { createQueryClient } from '@/lib/query-client'
import { firstRequestPath } from './first-request-path'
import { prefetchRouteData } from './route-prefetch'

/**
 * src/boot.ts sends a page's first request before the app has loaded; the app's own first request
 * (route-prefetch.ts) takes that answer only when it asks for exactly the same URL. They must agree.
 */
const BASE = 'https://sup.example.com/api'
const JOB_ID = '65f1c1002a9b4c0012ab0001'

let urls: string[]
beforeEach(() => {
  urls = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url)
      return new Response('[]', { status: 200 })
    }),
  )
  configureApi({ supervisorUrl: BASE, customer: 'acme corp', token: 'tok', timeoutMs: 20_000 })
})
afterEach(() => vi.unstubAllGlobals())

/** The URL of the app's first request on this page. */
async function appFirstRequest(pathname: string, search: string): Promise<string | undefined> {
  const qc = createQueryClient({ test: true })
  await prefetchRouteData(qc, pathname, search)
  return urls[0]
}

describe('the early first request is the app’s first request', () => {
  it.each([
    ['/jobs', ''],
    ['/jobs/', ''],
    ['/jobs', '?q=backup&sort=-name'],
    ['/jobs', '?scenario=big'],
    [`/jobs/${JOB_ID}`, ''],
    [`/jobs/${JOB_ID.toUpperCase()}/`, '?tab=output'],
  ])('%s%s', async (pathname, search) => {
    const early = firstRequestPath(pathname, search, 'acme corp')
    expect(early).not.toBeNull()
    expect(BASE + early).toBe(await appFirstRequest(pathname, search))
  })

  it('is not sent where the first request depends on more than the path (server-side filters) or there is none', () => {
    for (const search of ['?task=t1', '?state=failure', '?lifecycle=ready', '?type=ScriptJob', '?since=24h', '?from=2026-11-30', '?to=2026-12-01']) {
      expect(firstRequestPath('/jobs', search, 'demo')).toBeNull()
    }
    expect(firstRequestPath('/jobs/not-a-job-id', '', 'demo')).toBeNull()
    expect(firstRequestPath('/jobs/%E0%A4%A', '', 'demo')).toBeNull()
    expect(firstRequestPath('/approvals', '', 'demo')).toBeNull()
    expect(firstRequestPath('/sign-in', '', 'demo')).toBeNull()
  })
})
