import { describe, expect, it, vi } from 'vitest'
import { checkServerUrl, loadConfig, parseConfig, resolveConfig } from './config'

const problemsOf = (file: unknown, env = {}) => {
  const r = parseConfig(file, env, { missingSupervisor: 'error' })
  if (r.ok) throw new Error('expected a problem')
  return [r.problem.summary, ...r.problem.details].join('\n')
}

describe('parseConfig', () => {
  it('uses the mock backend only when supervisorUrl says "mock" (any case)', () => {
    expect(parseConfig({ supervisorUrl: 'mock' }, {})).toMatchObject({ ok: true, config: { mock: true, supervisorUrl: null } })
    expect(parseConfig({ supervisorUrl: 'MOCK' }, {})).toMatchObject({ ok: true, config: { mock: true } })
    expect(parseConfig({ supervisorUrl: 'https://sup.example.com/' }, {})).toMatchObject({
      ok: true,
      config: { mock: false, supervisorUrl: 'https://sup.example.com' },
    })
  })

  it('refuses a config without supervisorUrl instead of inventing data', () => {
    expect(problemsOf({})).toMatch(/"supervisorUrl" is not set/)
    expect(problemsOf({ supervisorUrl: '' })).toMatch(/"supervisorUrl" is not set/)
    expect(problemsOf({ supervisorUrl: null, customer: 'acme' })).toMatch(/"supervisorUrl" is not set/)
  })

  it('lets config.json win over VITE_* defaults, key by key', () => {
    const r = parseConfig({ customer: 'acme' }, { customer: 'demo', supervisorUrl: 'https://env.example.com' })
    expect(r).toMatchObject({ ok: true, config: { customer: 'acme', supervisorUrl: 'https://env.example.com' } })
  })

  it('names every key of the wrong type', () => {
    const text = problemsOf({ supervisorUrl: 42, gatewayUrl: ['x'], customer: {}, accessToken: true, refreshIntervalMs: 'soon', requestTimeoutMs: 50 })
    expect(text).toMatch(/6 problems/)
    expect(text).toMatch(/"supervisorUrl" must be a string, not a number/)
    expect(text).toMatch(/"gatewayUrl" must be a string, not an array/)
    expect(text).toMatch(/"customer" must be a string, not an object/)
    expect(text).toMatch(/"accessToken" must be a string, not a boolean/)
    expect(text).toMatch(/"refreshIntervalMs" must be a number of milliseconds from 1000 to 3600000, not "soon"/)
    expect(text).toMatch(/"requestTimeoutMs" must be a number of milliseconds from 1000 to 120000, not 50/)
  })

  it('defaults the intervals and accepts numbers in range (also as digit strings)', () => {
    const r = parseConfig({ supervisorUrl: 'mock' }, {})
    expect(r).toMatchObject({ ok: true, config: { refreshIntervalMs: 5000, requestTimeoutMs: 20000 } })
    expect(parseConfig({ supervisorUrl: 'mock', refreshIntervalMs: 10000, requestTimeoutMs: '3000' }, {})).toMatchObject({
      ok: true,
      config: { refreshIntervalMs: 10000, requestTimeoutMs: 3000 },
    })
  })

  it('refuses a file that is not a JSON object', () => {
    expect(problemsOf('nope')).toMatch(/must hold a JSON object, but it holds a string/)
    expect(problemsOf(null)).toMatch(/but it holds null/)
    expect(problemsOf([1])).toMatch(/but it holds an array/)
  })

  it('accepts only http(s) URLs without credentials, and never echoes credentials', () => {
    expect(problemsOf({ supervisorUrl: 'javascript:alert(1)' })).toMatch(/"supervisorUrl" "javascript:alert\(1\)" uses javascript: — only http/)
    expect(problemsOf({ supervisorUrl: 'data:text/html,x' })).toMatch(/uses data:/)
    expect(problemsOf({ supervisorUrl: 'ftp://files.example.com' })).toMatch(/uses ftp:/)
    expect(problemsOf({ supervisorUrl: 'supervisor.example.com' })).toMatch(/is not an absolute URL/)
    const creds = problemsOf({ supervisorUrl: 'https://mock', gatewayUrl: 'https://bob:hunter2@gw.example.com' })
    expect(creds).toMatch(/"gatewayUrl" contains a user name or password/)
    expect(creds).not.toMatch(/hunter2/)
  })
})

describe('checkServerUrl', () => {
  it('accepts http and https base URLs', () => {
    expect(checkServerUrl('http://127.0.0.1:60080')).toBeNull()
    expect(checkServerUrl('https://sup.example.com/api')).toBeNull()
    expect(checkServerUrl('https://u@sup.example.com')).toMatch(/user name or password/)
    expect(checkServerUrl('https://sup.example.com/?token=x')).toMatch(/query string/)
  })
})

describe('resolveConfig (tests and tools)', () => {
  it('means the mock when supervisorUrl is unset, and throws on a broken file', () => {
    expect(resolveConfig({}, {}).mock).toBe(true)
    expect(() => resolveConfig({ supervisorUrl: 'ftp://x' }, {})).toThrow(/ftp/)
  })
})

describe('loadConfig', () => {
  const respond = (body: string, init: ResponseInit = {}) => vi.fn(async () => new Response(body, init))

  it('reads a valid file', async () => {
    const r = await loadConfig('/', { dev: false, env: {}, fetch: respond('{"supervisorUrl":"https://sup.example.com","customer":"acme"}') })
    expect(r).toMatchObject({ ok: true, config: { supervisorUrl: 'https://sup.example.com', customer: 'acme', mock: false } })
  })

  it('uses the mock for a missing file on the development server only', async () => {
    expect(await loadConfig('/', { dev: true, env: {}, fetch: respond('', { status: 404 }) })).toMatchObject({ ok: true, config: { mock: true } })
    const prod = await loadConfig('/', { dev: false, env: {}, fetch: respond('', { status: 404 }) })
    expect(prod).toMatchObject({ ok: false, problem: { summary: expect.stringMatching(/not found at \/config\.json \(404\)/) } })
    // A build with VITE_SUPERVISOR_URL needs no file.
    expect(await loadConfig('/', { dev: false, env: { supervisorUrl: 'https://env.example.com' }, fetch: respond('', { status: 404 }) })).toMatchObject({
      ok: true,
      config: { supervisorUrl: 'https://env.example.com' },
    })
  })

  it('reports a server error, invalid JSON, an HTML fallback page and a network error', async () => {
    const summary = async (f: typeof fetch) => {
      const r = await loadConfig('/app/', { dev: true, env: {}, fetch: f })
      return r.ok ? 'ok' : r.problem.summary
    }
    expect(await summary(respond('oops', { status: 500, statusText: 'Internal Server Error' }))).toMatch(/answered 500 Internal Server Error/)
    expect(await summary(respond('{"supervisorUrl": '))).toMatch(/\/app\/config\.json is not valid JSON/)
    expect(await summary(respond('<!doctype html><html></html>'))).toMatch(/is an HTML page, not JSON/)
    expect(
      await summary(
        vi.fn(async () => {
          throw new TypeError('Failed to fetch')
        }),
      ),
    ).toMatch(/could not be loaded .*Failed to fetch/)
  })

  it('asks with the preload’s mode and credentials, so the preloaded response is reused', async () => {
    const f = respond('{"supervisorUrl":"mock"}')
    await loadConfig('/', { dev: false, env: {}, fetch: f })
    expect(f).toHaveBeenCalledWith('/config.json', { credentials: 'same-origin', mode: 'cors' })
  })
})
