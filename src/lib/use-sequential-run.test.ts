import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useSequentialRun } from './use-sequential-run'

function deferred() {
  let resolve!: (v: string) => void
  const promise = new Promise<string>((r) => (resolve = r))
  return { promise, resolve }
}

describe('useSequentialRun', () => {
  it('runs the items one at a time, once, however often start is called', async () => {
    const calls: number[] = []
    const { result } = renderHook(() => useSequentialRun([1, 2, 3], async (n) => (calls.push(n), `ok ${n}`)))
    await act(async () => {
      void result.current.start()
      void result.current.start()
    })
    await waitFor(() => expect(result.current.phase).toBe('done'))
    expect(calls).toEqual([1, 2, 3])
    expect(result.current.results).toEqual(['ok 1', 'ok 2', 'ok 3'])
    expect(result.current.processed).toBe(3)
  })

  it('stops after the item in flight and leaves the rest unrun', async () => {
    const first = deferred()
    const calls: number[] = []
    const { result } = renderHook(() => useSequentialRun([1, 2, 3], (n) => (calls.push(n), n === 1 ? first.promise : Promise.resolve(`ok ${n}`))))
    act(() => void result.current.start())
    await waitFor(() => expect(result.current.current).toBe(0))
    act(() => result.current.stop())
    await act(async () => first.resolve('ok 1'))
    await waitFor(() => expect(result.current.phase).toBe('done'))
    expect(calls).toEqual([1])
    expect(result.current.results).toEqual(['ok 1', undefined, undefined])
    expect(result.current.stopping).toBe(true)
  })
})
