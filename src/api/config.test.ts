import { describe, expect, it } from 'vitest'
import { resolveConfig } from './config'

describe('resolveConfig', () => {
  it('uses the mock backend when supervisorUrl is absent, empty or "mock"', () => {
    expect(resolveConfig({}, {}).mock).toBe(true)
    expect(resolveConfig({ supervisorUrl: '' }, {}).mock).toBe(true)
    expect(resolveConfig({ supervisorUrl: 'mock' }, {}).mock).toBe(true)
    expect(resolveConfig({ supervisorUrl: 'https://sup.example.com' }, {}).mock).toBe(false)
  })

  it('lets config.json win over VITE_* defaults', () => {
    const c = resolveConfig({ customer: 'acme' }, { customer: 'demo', supervisorUrl: 'https://env.example.com' })
    expect(c.customer).toBe('acme')
    expect(c.supervisorUrl).toBe('https://env.example.com')
  })

  it('defaults the refresh interval to 5 s and ignores nonsense', () => {
    expect(resolveConfig({}, {}).refreshIntervalMs).toBe(5000)
    expect(resolveConfig({ refreshIntervalMs: 'soon' }, {}).refreshIntervalMs).toBe(5000)
    expect(resolveConfig({ refreshIntervalMs: 10000 }, {}).refreshIntervalMs).toBe(10000)
  })

  it('survives a config file that is not an object', () => {
    expect(resolveConfig('nope', {}).mock).toBe(true)
    expect(resolveConfig(null, {}).requestTimeoutMs).toBe(20000)
  })
})
