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

  it('runs under React StrictMode, whose dev double mount must not leave the run stopped', async () => {
    const calls: number[] = []
    const { result } = renderHook(() => useSequentialRun([1, 2], async (n) => (calls.push(n), `ok ${n}`)), { reactStrictMode: true })
    await act(async () => void result.current.start())
    await waitFor(() => expect(result.current.phase).toBe('done'))
    expect(calls).toEqual([1, 2])
    expect(result.current.processed).toBe(2)
  })

  it('stops when the component that runs it goes away', async () => {
    const first = deferred()
    const calls: number[] = []
    const { result, unmount } = renderHook(() => useSequentialRun([1, 2], (n) => (calls.push(n), n === 1 ? first.promise : Promise.resolve('ok'))))
    act(() => void result.current.start())
    await waitFor(() => expect(calls).toEqual([1]))
    unmount()
    await act(async () => first.resolve('ok 1'))
    expect(calls).toEqual([1])
  })

  it('tells each result as it lands', async () => {
    const seen: Array<[number, string, number]> = []
    const { result } = renderHook(() => useSequentialRun([7, 8], async (n) => `ok ${n}`, (item, r, i) => seen.push([item, r, i])))
    await act(async () => void result.current.start())
    await waitFor(() => expect(result.current.phase).toBe('done'))
    expect(seen).toEqual([
      [7, 'ok 7', 0],
      [8, 'ok 8', 1],
    ])
  })
})
