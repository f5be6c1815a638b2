import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { jobKeys } from '@/lib/job-queries'
import { approvalQueries } from './queries'

describe('approval queries', () => {
  it('live under the jobs lists: one invalidation of the lists refreshes the inbox and its count', async () => {
    const qc = new QueryClient()
    for (const q of [approvalQueries.pending(5000), approvalQueries.decided(5000)]) {
      expect(q.queryKey.slice(0, 2)).toEqual([...jobKeys.lists()])
      qc.setQueryData(q.queryKey, { jobs: [], malformed: [], received: 0 } as never)
    }
    await qc.invalidateQueries({ queryKey: jobKeys.lists(), refetchType: 'none' })
    expect(qc.getQueryState(approvalQueries.pending(5000).queryKey)?.isInvalidated).toBe(true)
    expect(qc.getQueryState(approvalQueries.decided(5000).queryKey)?.isInvalidated).toBe(true)
  })
})
