import * as z from 'zod/mini'
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { configureApi, request } from './client'
import { resetEarlyRequests, sendEarlyRequest } from './early-request'
import type { ApiError } from './errors'

/**
 * The page's first request may be sent before the app has loaded (src/boot.ts). The app's own request for
 * exactly that GET takes the answer in flight — one request on the wire — and treats it like any other.
 */
const BASE = 'https://sup.example.com/api'
const URL_LIST = `${BASE}/demo/job?sort[_id]=-1&limit=100`
const listSchema = z.array(z.object({ id: z.string() }))

let fetchMock: Mock<(url: string, init: RequestInit) => Promise<Response>>
let onUnauthorized: Mock<(error: ApiError) => void>

beforeEach(() => {
  fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify([{ id: 'a' }]), { status: 200, headers: { 'content-type': 'application/json' } }))
  vi.stubGlobal('fetch', fetchMock)
  onUnauthorized = vi.fn((_error: ApiError) => {})
  configureApi({ supervisorUrl: BASE, customer: 'demo', token: 'tok', timeoutMs: 20_000, onUnauthorized })
})
afterEach(() => {
  resetEarlyRequests()
  vi.unstubAllGlobals()
  vi.useRealTimers()
  configureApi({ onUnauthorized: undefined })
})

const listRequest = (signal?: AbortSignal) => request({ path: ['demo', 'job'], query: { sort: { _id: -1 }, limit: 100 }, schema: listSchema, signal })

describe('an early request', () => {
  it('is sent like the app sends it: GET, the token once in the Authorization header, no credentials, no cache', () => {
    sendEarlyRequest(URL_LIST, 'tok', 20_000)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe(URL_LIST)
    expect(url).not.toContain('tok')
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', headers: { Accept: 'application/json', Authorization: 'Bearer tok' } })
  })

  it('is taken by the app’s request for the same URL and token: one request on the wire, the answer parsed as usual', async () => {
    sendEarlyRequest(URL_LIST, 'tok', 20_000)
    await expect(listRequest()).resolves.toEqual([{ id: 'a' }])
    expect(fetchMock).toHaveBeenCalledTimes(1)
    // Taken once: the next request goes out on its own.
    await listRequest()
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('is not taken by a request for another URL or with another token', async () => {
    sendEarlyRequest(`${BASE}/demo/job?sort[_id]=-1&limit=50`, 'tok', 20_000)
    sendEarlyRequest(URL_LIST, 'someone-else', 20_000)
    await listRequest()
    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect((fetchMock.mock.calls[2]![1] as RequestInit).headers).toMatchObject({ Authorization: 'Bearer tok' })
  })

  it('answered 401: the same error and the same sign-out as any request', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ message: 'Unauthorized' }), { status: 401 }))
    sendEarlyRequest(URL_LIST, 'tok', 20_000)
    const error = (await listRequest().catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('unauthorized')
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('answered with something that is not the expected data: the same "unexpected data" error', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>oops</html>', { status: 200 }))
    sendEarlyRequest(URL_LIST, 'tok', 20_000)
    await expect(listRequest()).rejects.toMatchObject({ code: 'invalid_response' })
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ not: 'a list' }), { status: 200 }))
    sendEarlyRequest(URL_LIST, 'tok', 20_000)
    await expect(listRequest()).rejects.toMatchObject({ code: 'invalid_response' })
  })

  it('unanswered: the app’s request times out as usual and the early request is aborted', async () => {
    let signal: AbortSignal | undefined
    fetchMock.mockImplementationOnce((_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined
      return new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    })
    sendEarlyRequest(URL_LIST, 'tok', 60_000)
    configureApi({ timeoutMs: 50 })
    await expect(listRequest()).rejects.toMatchObject({ code: 'timeout' })
    expect(signal?.aborted).toBe(true)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('a cancelled caller cancels the early request too', async () => {
    let signal: AbortSignal | undefined
    fetchMock.mockImplementationOnce((_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined
      return new Promise<Response>((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
    })
    sendEarlyRequest(URL_LIST, 'tok', 60_000)
    const controller = new AbortController()
    const pending = listRequest(controller.signal)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ code: 'aborted' })
    expect(signal?.aborted).toBe(true)
  })

  it('nobody takes it within the timeout: it is aborted and forgotten', async () => {
    vi.useFakeTimers()
    let signal: AbortSignal | undefined
    fetchMock.mockImplementationOnce((_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined
      return new Promise<Response>(() => {})
    })
    sendEarlyRequest(URL_LIST, 'tok', 1000)
    vi.advanceTimersByTime(1001)
    expect(signal?.aborted).toBe(true)
    vi.useRealTimers()
    await listRequest()
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })
})
