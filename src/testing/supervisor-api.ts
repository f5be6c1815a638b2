/* eslint-disable @typescript-eslint/no-explicit-any -- tests poke at raw JSON answered by the mock server */
// One way for the mock-server tests to call the mock supervisor over fetch (msw/node answers it) and read the raw
// answer: status, the body parsed as JSON when it is JSON (else the text), and the headers; and the world they use.

import type { MockDb } from '@/mocks/db'
// (useMockWorld is no React hook: the alias keeps the hooks rule off a plain function.)
import { useMockWorld as makeMockWorld } from '@/mocks/node'

/** When the mock-server tests' world was made. */
export const WORLD_NOW = Date.parse('2025-03-13T12:00:00.000Z')

/** A fresh default world made at WORLD_NOW, whose clock reads one second later. */
export function freshWorld(): MockDb {
  const db = makeMockWorld('default', { now: WORLD_NOW })
  db.setNow(WORLD_NOW + 1000)
  return db
}

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
