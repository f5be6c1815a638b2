import { describe, expect, it } from 'vitest'
import { jobListQueryParams } from './jobs'

describe('jobListQueryParams: a rolling window', () => {
  it('turns sinceMs into a creation_date lower bound counted from the time of the request', () => {
    const before = Date.now()
    const params = jobListQueryParams({ sinceMs: 3_600_000, from: '2020-01-01T00:00:00.000Z' })
    const where = params.where as { creation_date: { $gte: string } }
    const from = Date.parse(where.creation_date.$gte)
    expect(from).toBeGreaterThanOrEqual(before - 3_600_000 - 1000)
    expect(from).toBeLessThanOrEqual(Date.now() - 3_600_000 + 1000)
  })
})
