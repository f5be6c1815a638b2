import { expect, test } from './fixtures'

/**
 * The build as deployed: Debian's nginx with deploy/nginx.conf. The policy and caching are HTTP
 * headers, client-side routes fall back to index.html, and a missing hashed bundle is a 404.
 */

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d] as const),
  )

test('nginx sends the CSP, referrer policy and cache headers, and falls back to index.html for app routes', async ({ page, real, request }) => {
  // index.html, as the browser loads it for a deep link: no-cache, the policy as a header.
  const response = await page.goto('/jobs/000000000000000000000000?x=1')
  expect(response?.status()).toBe(200)
  const headers = response!.headers()
  expect(headers['cache-control']).toBe('no-cache')
  expect(headers['referrer-policy']).toBe('no-referrer')
  expect(headers['x-content-type-options']).toBe('nosniff')
  const header = directives(headers['content-security-policy'] ?? '')
  // The header carries every directive of the policy the build writes into index.html, word for word.
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute('content')
  const metaDirectives = directives(meta ?? '')
  expect(metaDirectives.size).toBeGreaterThan(5)
  for (const [name, value] of metaDirectives) expect(header.get(name), name).toBe(value)
  expect(header.get('frame-ancestors')).toBe("frame-ancestors 'none'")
  expect(headers['server'] ?? '').not.toMatch(/\d/) // server_tokens off: no version

  // The browser enforces the header: an inline script does not run.
  const blocked = await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__inline = 1'
    document.head.append(s)
    return (window as unknown as { __inline?: number }).__inline === undefined
  })
  expect(blocked).toBe(true)

  // config.json: never cached, so a changed deployment shows at once.
  const config = await request.get(`${real.appUrl}/config.json`)
  expect(config.status()).toBe(200)
  expect(config.headers()['cache-control']).toBe('no-cache')
  expect(config.headers()['content-security-policy']).toContain("default-src 'self'")
  expect(await config.json()).toMatchObject({ supervisorUrl: real.supervisorUrl, gatewayUrl: real.gatewayUrl, customer: real.customer })

  // Hashed bundles: a year, immutable; a missing one is a 404 with the headers of an error (not cached).
  const script = await page.locator('script[type="module"][src^="/assets/"]').first().getAttribute('src')
  expect(script).toMatch(/^\/assets\/.+-[\w-]{8}\.js$/)
  const asset = await request.get(`${real.appUrl}${script}`)
  expect(asset.status()).toBe(200)
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(asset.headers()['content-type']).toMatch(/javascript/)
  const missing = await request.get(`${real.appUrl}/assets/no-such-chunk.js`)
  expect(missing.status()).toBe(404)
  expect(missing.headers()['cache-control']).toBeUndefined()
  expect(await missing.text()).not.toContain('<div id="root">')

  // Other app routes fall back to the app too.
  for (const route of ['/approvals', '/sign-in', '/jobs']) {
    const r = await request.get(`${real.appUrl}${route}`)
    expect(r.status(), route).toBe(200)
    expect(await r.text(), route).toContain('<div id="root">')
  }
})
