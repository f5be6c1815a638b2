/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at raw JSON answered by the mock server */
// One way for the mock-server tests to call the mock supervisor over fetch (msw/node answers it) and read the raw
// answer: status, the body parsed as JSON when it is JSON (else the text), and the headers.

export const SUPERVISOR_URL = 'http://localhost/mock/supervisor'

export interface SupervisorCall {
  /** a bearer token; null sends no Authorization header */
  token?: string | null
  method?: string
  /** sent as JSON */
  body?: unknown
  headers?: Record<string, string>
}

export async function supervisorApi(path: string, { token = 'demo-token', method = 'GET', body, headers = {} }: SupervisorCall = {}) {
  const h: Record<string, string> = { ...headers }
  if (token) h.Authorization = `Bearer ${token}`
  if (body !== undefined) h['Content-Type'] = 'application/json'
  const res = await fetch(`${SUPERVISOR_URL}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) })
  const text = await res.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = text
  }
  return { status: res.status, json: json as any, text, headers: res.headers }
}
