import { QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { createQueryClient } from '@/lib/query-client'
import { SAFETY_RESYNC_MS, setPushLive } from './polling'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const intervalOf = (observer: QueryObserver<any, any, any, any, any>) => {
  const ri = observer.options.refetchInterval
  return typeof ri === 'function' ? ri(observer.getCurrentQuery()) : ri
}

describe('the polling switch', () => {
  const qc = createQueryClient({ test: true })
  afterEach(() => setPushLive(qc, false))

  it('polls at the asked interval until push is live, then only as a slow safety re-sync, and back', () => {
    const list = new QueryObserver(qc, { queryKey: ['jobs', 'list', {}], queryFn: () => 1, refetchInterval: 5000, enabled: false })
    const detail = new QueryObserver(qc, { queryKey: ['jobs', 'detail', 'x'], queryFn: () => 1, refetchInterval: () => 2000, enabled: false })
    const paused = new QueryObserver(qc, { queryKey: ['paused'], queryFn: () => 1, refetchInterval: false, enabled: false })
    expect([intervalOf(list), intervalOf(detail), intervalOf(paused)]).toEqual([5000, 2000, false])
    setPushLive(qc, true)
    expect([intervalOf(list), intervalOf(detail), intervalOf(paused)]).toEqual([SAFETY_RESYNC_MS, SAFETY_RESYNC_MS, false])
    setPushLive(qc, false)
    expect([intervalOf(list), intervalOf(detail)]).toEqual([5000, 2000])
  })

  it('keeps the options of a query equal from one render to the next', () => {
    const a = qc.defaultQueryOptions({ queryKey: ['k'], refetchInterval: 5000 })
    const b = qc.defaultQueryOptions({ queryKey: ['k'], refetchInterval: 5000 })
    expect(a.refetchInterval).toBe(b.refetchInterval)
  })
})
