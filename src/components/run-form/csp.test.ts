import { describe, expect, it } from 'vitest'
import { cspAllowsConnect } from './csp'

const self = 'https://dash.example.com'
const u = (s: string) => new URL(s)

describe('cspAllowsConnect', () => {
  it('allows everything without a policy or without connect-src/default-src', () => {
    expect(cspAllowsConnect([], u('https://erp.example.com/x'), self)).toBe(true)
    expect(cspAllowsConnect(["script-src 'self'"], u('https://erp.example.com/x'), self)).toBe(true)
  })
  it("the build's policy (any http/https) allows a remote endpoint", () => {
    expect(cspAllowsConnect(["default-src 'self'; connect-src 'self' https: http: wss: ws:"], u('https://erp.example.com/x'), self)).toBe(true)
  })
  it('the narrowed policy (supervisor and gateway only) blocks another origin: every policy must allow', () => {
    const policies = ["connect-src 'self' https: http:", "connect-src 'self' https://sup.example.com https://gw.example.com"]
    expect(cspAllowsConnect(policies, u('https://erp.example.com/x'), self)).toBe(false)
    expect(cspAllowsConnect(policies, u('https://sup.example.com/api'), self)).toBe(true)
    expect(cspAllowsConnect(policies, u('https://dash.example.com/mock/options/teams'), self)).toBe(true)
  })
  it('matches ports, schemes and wildcard subdomains', () => {
    expect(cspAllowsConnect(['connect-src https://sup.example.com:8443'], u('https://sup.example.com/x'), self)).toBe(false)
    expect(cspAllowsConnect(['connect-src https://sup.example.com:8443'], u('https://sup.example.com:8443/x'), self)).toBe(true)
    expect(cspAllowsConnect(['connect-src http://sup.example.com'], u('https://sup.example.com/x'), self)).toBe(false)
    expect(cspAllowsConnect(['connect-src https://*.example.com'], u('https://erp.example.com/x'), self)).toBe(true)
    expect(cspAllowsConnect(['default-src https://a.example.com'], u('https://b.example.com/x'), self)).toBe(false)
  })
})
