// What every world's builders share: the world under construction, a job context for a user, time units.

import type { MockDb } from '../db'
import { DEMO_CUSTOMER } from '../ids'
import type { JobContext } from '../seed/jobs'
import type { Rng } from '../seed/random'
import { userFor } from '../seed/values'

export const DEMO_ACL = ['jane@example.com', 'victor@example.com', 'bob@example.com']
export const SEC = 1000
export const MIN = 60 * SEC
export const HOUR = 60 * MIN

export interface World {
  db: MockDb
  rng: Rng
  ctx: JobContext
  now: number
}

export function ctxFor(world: { rng: Rng }, db: MockDb, userId: string | null): JobContext {
  const u = userId ? db.getUser(userId) : undefined
  return { rng: world.rng, customer: DEMO_CUSTOMER, user: u ? userFor(u) : null }
}

