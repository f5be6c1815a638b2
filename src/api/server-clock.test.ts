import { afterEach, describe, expect, it, vi } from 'vitest'
import { observeDateHeader, observeServerTimes, resetServerClock, serverClockSource, serverNow, serverTimesIn } from './server-clock'

const HOUR = 60 * 60_000
const SERVER_NOW = Date.parse('2026-12-01T12:00:00.000Z')

afterEach(() => {
  resetServerClock()
  vi.useRealTimers()
})

/** The browser's clock is `skewMs` off the server's; returns the local time that matches SERVER_NOW. */
function browserClock(skewMs: number): number {
  vi.useFakeTimers({ now: SERVER_NOW + skewMs })
  return SERVER_NOW + skewMs
}

describe('server clock without a readable Date header (cross-origin)', () => {
  it('with the browser clock 2 h behind, a job the server just wrote is never in the future', () => {
    const local = browserClock(-2 * HOUR)
    observeServerTimes([SERVER_NOW - 5000, SERVER_NOW - 1000], local)
    expect(serverClockSource()).toBe('data')
    expect(serverNow()).toBeGreaterThanOrEqual(SERVER_NOW - 1000)
    expect(Math.abs(serverNow() - SERVER_NOW)).toBeLessThan(2000)
  })

  it('with the browser clock 2 h ahead, a job assigned 3 min ago reads 3 min, not 2 h 3 min', () => {
    const local = browserClock(2 * HOUR)
    const assignedAt = SERVER_NOW - 3 * 60_000
    observeServerTimes(serverTimesIn([{ creation_date: new Date(assignedAt).toISOString(), last_update: new Date(SERVER_NOW - 2000).toISOString() }]), local)
    const elapsed = serverNow() - assignedAt
    expect(elapsed).toBeGreaterThan(2 * 60_000)
    expect(elapsed).toBeLessThanOrEqual(3 * 60_000)
  })

  it('only tightens: an older answer arriving later does not move the clock back', () => {
    const local = browserClock(0)
    observeServerTimes([SERVER_NOW - 1000], local)
    const first = serverNow()
    observeServerTimes([SERVER_NOW - 60 * 60_000], local)
    expect(serverNow()).toBe(first)
  })

  it('ignores dates more than a day away (hostile or corrupt data), and unreadable ones', () => {
    const local = browserClock(0)
    observeServerTimes(serverTimesIn([{ creation_date: '2099-01-01T00:00:00Z' }, { last_update: 'garbage' }, 'not a job', null]), local)
    expect(serverClockSource()).toBe('local')
    expect(serverNow()).toBe(SERVER_NOW)
  })

  it('reads the top-level document or the items of a top-level list, nothing nested (a 6,000-deep body cannot recurse)', () => {
    let deep: unknown = { creation_date: '2026-12-01T11:00:00Z' }
    for (let i = 0; i < 6000; i++) deep = [deep]
    expect(serverTimesIn(deep)).toEqual([])
    expect(serverTimesIn({ creation_date: '2026-12-01T11:00:00Z', last_update: '2026-12-01T11:00:01Z' })).toHaveLength(2)
  })
})

describe('server clock with a readable Date header', () => {
  it('uses the header, which wins over the data', () => {
    const local = browserClock(2 * HOUR)
    observeServerTimes([SERVER_NOW - 10 * 60_000], local)
    observeDateHeader(SERVER_NOW, local)
    expect(serverClockSource()).toBe('date-header')
    expect(serverNow()).toBe(SERVER_NOW)
  })

  it('treats sub-second differences as none (the header has one-second resolution)', () => {
    const local = browserClock(700)
    observeDateHeader(SERVER_NOW, local)
    expect(serverNow()).toBe(local)
  })
})
