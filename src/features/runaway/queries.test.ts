import { describe, expect, it } from 'vitest'
import { jobKeys } from '@/lib/job-queries'
import { runawayQueries } from './queries'

describe('runaway queries', () => {
  it('live under the jobs lists, so a cancel anywhere refreshes them', () => {
    expect(runawayQueries.active().queryKey.slice(0, 2)).toEqual([...jobKeys.lists()])
    expect(runawayQueries.history().queryKey.slice(0, 2)).toEqual([...jobKeys.lists()])
  })
})
