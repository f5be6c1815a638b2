// Browser host of the mock world (mock mode only; main.tsx imports this lazily so a configured deployment never
// downloads it). The same handlers serve Vitest (node.ts) and Playwright.

import { setupWorker } from 'msw/browser'
import { startSimulatedAgent } from './agent'
import type { MockDb } from './db'
import { createHandlers } from './handlers'
import { createWorld, type ScenarioName } from './scenarios'
import { createMockSocket, type MockSocketControl } from './socket'

declare global {
  interface Window {
    /** the live mock world (mock mode only), for Playwright and the bench */
    __mockDb?: MockDb
    /** replace the world with a fresh scenario; returns the new db */
    __mockReset?: (scenario?: ScenarioName) => MockDb
    /** the mock gateway's socket: drop it, let it come back (mock mode only) */
    __mockSocket?: MockSocketControl
  }
}

export interface MockWorkerOptions {
  /** response latency in ms (default 120) */
  latencyMs?: number
  /** simulated agent tick in ms (default 3000); 0 disables the agent */
  agentIntervalMs?: number
  /** job count of the big world */
  size?: number
}

export async function startMockWorker(scenario: ScenarioName, opts: MockWorkerOptions = {}): Promise<MockDb> {
  let db = createWorld(scenario, { size: opts.size })
  // The errors scenario's socket drops every 45 s and comes back after 4 s.
  const socket = createMockSocket(() => db, scenario === 'errors' ? { dropEveryMs: 45_000, downMs: 4000 } : {})
  socket.attach(db)
  window.__mockSocket = socket.control
  const worker = setupWorker(...createHandlers(() => db, { latencyMs: opts.latencyMs ?? 120 }), socket.handler)
  await worker.start({
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    quiet: true,
  })
  const interval = opts.agentIntervalMs ?? 3000
  let stopAgent = interval > 0 ? startSimulatedAgent(db, { intervalMs: interval }) : () => {}
  window.__mockDb = db
  window.__mockReset = (next: ScenarioName = scenario) => {
    stopAgent()
    db = createWorld(next, { size: opts.size })
    socket.attach(db)
    stopAgent = interval > 0 ? startSimulatedAgent(db, { intervalMs: interval }) : () => {}
    window.__mockDb = db
    return db
  }
  return db
}
