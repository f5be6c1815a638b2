import { describe, expect, it } from 'vitest'
import { resolveConfig } from '@/api/config'
import { initialSession } from './session'
import { writeStoredSession } from './token-store'

const real = resolveConfig({ supervisorUrl: 'https://sup.example.com', customer: 'acme' }, {})
const mock = resolveConfig({}, {})

describe('initialSession', () => {
  it('starts the mock backend signed in as the demo user', () => {
    expect(initialSession(mock)).toMatchObject({ token: 'demo-token', customer: 'demo', supervisorUrl: null })
  })

  it('never sends a session made on the mock backend to a real supervisor', () => {
    writeStoredSession({ token: 'demo-token', customer: 'demo', supervisorUrl: null, persist: 'session' })
    expect(initialSession(real)).toBeNull()
  })

  it('keeps a session made for this supervisor, and uses a preset token (wallboards)', () => {
    writeStoredSession({ token: 't-1', customer: 'acme', supervisorUrl: 'https://sup.example.com', persist: 'session' })
    expect(initialSession(real)).toMatchObject({ token: 't-1' })
    sessionStorage.clear()
    const wall = resolveConfig({ supervisorUrl: 'https://sup.example.com', customer: 'acme', accessToken: 'wall' }, {})
    expect(initialSession(wall)).toMatchObject({ token: 'wall', customer: 'acme', persist: 'memory' })
  })
})
