// Named worlds. Every job date is relative to `now` (default: Date.now() at call time), so "45 minutes ago" stays
// 45 minutes ago whenever the world is created; ids of well-known jobs are constants (see ids.ts).

import { MockDb } from './db'
import { DEMO_CUSTOMER, TASK_IDS, WORKFLOW_IDS } from './ids'
import { createRng } from './seed/random'
import { acmeTasks, demoTasks } from './worlds/demo-tasks'
import { generateHistory } from './worlds/demo-history'
import { acmeJobs, specialJobs } from './worlds/demo'
import { faultJobs } from './worlds/errors'
import { hostileJobs, hostileTasks } from './worlds/hostile'
import { runTasks } from './worlds/run-tasks'
import { seedWorkflowDefinitions, seedWorkflowRuns } from './worlds/workflows'
import { HOUR, type World } from './worlds/world'

export type ScenarioName = 'default' | 'empty' | 'big' | 'errors' | 'hostile'

export const SCENARIO_NAMES: readonly ScenarioName[] = ['default', 'empty', 'big', 'errors', 'hostile']

export function parseScenario(value: string | null | undefined): ScenarioName {
  return SCENARIO_NAMES.includes(value as ScenarioName) ? (value as ScenarioName) : 'default'
}

export { TASK_SECRETS } from './worlds/demo-tasks'
export { HOSTILE_SECRETS_TASK_ID, HOSTILE_TASK_ID } from './worlds/hostile'

export const BIG_JOB_COUNT = 10000

/** `size` sets the job count of the `big` world (default 10,000), for the benchmark's 100 / 1,000 / 10,000 runs. */
export function createWorld(scenario: ScenarioName, opts: { now?: number; size?: number } = {}): MockDb {
  const now = opts.now ?? Date.now()
  const db = new MockDb({ scenario, now })
  const rng = createRng(0x7e7e + SCENARIO_NAMES.indexOf(scenario))
  const world: World = { db, rng, now, ctx: { rng, customer: DEMO_CUSTOMER, user: null } }
  db.tasks = [...demoTasks(rng), ...acmeTasks(rng), ...runTasks()]
  db.workflows = [
    { id: WORKFLOW_IDS.releasePipeline, name: 'Release pipeline', customer_id: DEMO_CUSTOMER.id, steps: [TASK_IDS.deployWeb, TASK_IDS.approveDeploy] },
  ]
  seedWorkflowDefinitions(db)
  if (scenario === 'empty') return db

  if (scenario === 'hostile') db.tasks.push(...hostileTasks())
  const specials = specialJobs(world)
  const acme = scenario === 'big' ? [] : acmeJobs(world)
  const bigCount = opts.size && opts.size > 0 ? Math.min(Math.floor(opts.size), 100_000) : BIG_JOB_COUNT
  const historyCount = scenario === 'big' ? Math.max(0, bigCount - specials.length) : null
  const history = generateHistory(world, historyCount, scenario === 'big' ? 30 * 24 * HOUR : 6 * 24 * HOUR)
  db.insertMany(history)
  db.insertMany(specials)
  db.insertMany(acme)
  if (scenario === 'default') db.insertMany(seedWorkflowRuns(db, now))
  if (scenario === 'errors') db.insertMany(faultJobs(world))
  if (scenario === 'hostile') db.insertMany(hostileJobs(world))
  return db
}
