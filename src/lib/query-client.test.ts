import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/errors'
import { MAX_READ_RETRIES, retryDelayMs, shouldRetry } from './query-client'

const TIMEOUT = 20_000
const err = (over: Partial<ConstructorParameters<typeof ApiError>[0]>) => new ApiError({ status: 0, code: 'network', message: 'x', ...over })

describe('automatic retries of reads', () => {
  it('never retries a timeout: the wait would pass the timeout the message names (errors came at 69 s for "20 s")', () => {
    expect(shouldRetry(0, err({ code: 'timeout', elapsedMs: TIMEOUT }), TIMEOUT)).toBe(false)
  })

  it('retries quick transient failures, and every attempt with its pauses fits inside the timeout', () => {
    const quick = err({ status: 502, code: 'server', elapsedMs: 300 })
    expect(shouldRetry(0, quick, TIMEOUT)).toBe(true)
    expect(shouldRetry(1, quick, TIMEOUT)).toBe(true)
    expect(shouldRetry(MAX_READ_RETRIES, quick, TIMEOUT)).toBe(false)
    // Worst case: every attempt as slow as a retry allows, plus the pauses.
    const slowestRetried = TIMEOUT / 5
    const total = (MAX_READ_RETRIES + 1) * slowestRetried + Array.from({ length: MAX_READ_RETRIES }, (_, i) => retryDelayMs(i + 1)).reduce((a, b) => a + b, 0)
    expect(total).toBeLessThanOrEqual(TIMEOUT)
  })

  it('does not retry a slow failure: a second slow attempt would pass the timeout', () => {
    expect(shouldRetry(0, err({ status: 503, code: 'server', elapsedMs: 9000 }), TIMEOUT)).toBe(false)
  })

  it('never retries a 4xx or an error that is not an ApiError', () => {
    expect(shouldRetry(0, err({ status: 404, code: 'not_found', elapsedMs: 10 }), TIMEOUT)).toBe(false)
    expect(shouldRetry(0, err({ status: 401, code: 'unauthorized', elapsedMs: 10 }), TIMEOUT)).toBe(false)
    expect(shouldRetry(0, new Error('boom'), TIMEOUT)).toBe(false)
  })
})
