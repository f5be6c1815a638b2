// Vitest host of the mock world: one msw/node server whose handlers read the *current* world, which tests reset
// with useMockWorld() (typically in beforeEach). No simulated agent in node: tests stay deterministic.

import { setupServer } from 'msw/node'
import type { MockDb } from './db'
import { createHandlers, type HandlerOptions } from './handlers'
import { createWorld, type ScenarioName } from './scenarios'

let current: MockDb | null = null

export function getMockDb(): MockDb {
  if (!current) current = createWorld('default')
  return current
}

export const mockServer = setupServer(...createHandlers(getMockDb))

/** Replace the world (fresh state) and return it. `size`: the job count of the `big` world. */
export function useMockWorld(scenario: ScenarioName = 'default', opts: { now?: number; size?: number } = {}): MockDb {
  current = createWorld(scenario, opts)
  return current
}

/** Handlers with latency, for tests that need to observe pending states: mockServer.use(...withLatency(200)). */
export function withLatency(latencyMs: number, opts: Omit<HandlerOptions, 'latencyMs'> = {}) {
  return createHandlers(getMockDb, { ...opts, latencyMs })
}

/** Base URLs the mock answers on in jsdom. */
export const MOCK_SUPERVISOR_URL = 'http://localhost:3000/mock/supervisor'
export const MOCK_GATEWAY_URL = 'http://localhost:3000/mock/gateway'
