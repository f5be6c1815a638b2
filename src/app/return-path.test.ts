import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './return-path'

describe('safeReturnPath', () => {
  it('keeps an in-app path with its query and hash', () => {
    expect(safeReturnPath('/jobs/abc?state=failure#output')).toBe('/jobs/abc?state=failure#output')
    expect(safeReturnPath('/approvals')).toBe('/approvals')
  })

  it('turns protocol-relative and backslash paths into in-app paths', () => {
    expect(safeReturnPath('//evil.example/jobs')).toBe('/evil.example/jobs')
    expect(safeReturnPath('///evil.example')).toBe('/evil.example')
    expect(safeReturnPath('/\\evil.example/jobs')).toBe('/evil.example/jobs')
    expect(safeReturnPath('/\t/evil.example')).toBe('/evil.example')
    expect(safeReturnPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example')
  })

  it('falls back to /jobs for absolute URLs, other schemes, non-strings and the sign-in page', () => {
    expect(safeReturnPath('https://evil.example/jobs')).toBe('/jobs')
    expect(safeReturnPath('javascript:alert(1)')).toBe('/jobs')
    expect(safeReturnPath(undefined)).toBe('/jobs')
    expect(safeReturnPath(42)).toBe('/jobs')
    expect(safeReturnPath('/sign-in')).toBe('/jobs')
    expect(safeReturnPath('jobs')).toBe('/jobs')
  })
})
