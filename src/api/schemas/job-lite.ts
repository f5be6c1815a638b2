import type { Job } from './job'

/*
 * A job read without zod, for the first paint before the app has loaded (src/boot.ts): only the fields
 * that paint shows, each taken exactly when the full parser (job.ts parseJob) would keep it — a string
 * where it wants a string, a date that parses, the agent's times when they are numbers — and left out
 * otherwise (the full parser then notes a problem; the app, which parses the same answer, shows it).
 */

export type LiteJob = Pick<
  Job,
  'id' | 'name' | '_type' | 'state' | 'lifecycle' | 'creation_date' | 'last_update' | 'origin' | 'task_id' | 'user_id' | 'host_id' | 'result' | 'timeout'
>

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown) => (typeof v === 'string' ? v : undefined)
const date = (v: unknown) => (typeof v === 'string' && Number.isFinite(Date.parse(v)) ? v : undefined)

/** The job's id as the full parser reads it (`id`, else `_id`); undefined when it has none. */
export function liteJobId(raw: Record<string, unknown>): string | undefined {
  return typeof raw.id === 'string' && raw.id ? raw.id : typeof raw._id === 'string' && raw._id ? raw._id : undefined
}

/**
 * The items of a list of jobs, each job once by id (as the jobs list merges its pages), or null when the
 * answer is not a list (job.ts parseJobList throws) or holds an item the full parser calls malformed.
 * The items stay raw: a caller reads only those it shows (readJobLite).
 */
export function readJobListItems(raw: unknown): Array<Record<string, unknown>> | null {
  const items: unknown = Array.isArray(raw) ? raw : isRecord(raw) && Array.isArray(raw.jobs) ? raw.jobs : null
  if (!Array.isArray(items)) return null
  const seen = new Set<string>()
  const out: Array<Record<string, unknown>> = []
  for (const item of items as unknown[]) {
    const id = isRecord(item) ? liteJobId(item) : undefined
    if (!isRecord(item) || !id) return null
    if (seen.has(id)) continue
    seen.add(id)
    out.push(item)
  }
  return out
}

/** The job, or null where the full parser would call the item malformed (not an object, no id). */
export function readJobLite(raw: unknown): LiteJob | null {
  if (!isRecord(raw)) return null
  const id = liteJobId(raw)
  if (!id) return null
  const task = isRecord(raw.task) ? raw.task : undefined
  const result = isRecord(raw.result) ? raw.result : undefined
  const times = result && isRecord(result.times) && typeof result.times.seconds === 'number' ? result.times : undefined
  return {
    id,
    name: typeof raw.name === 'string' || typeof raw.name === 'number' ? String(raw.name) : undefined,
    _type: text(raw._type) ?? 'Job',
    state: text(raw.state),
    lifecycle: text(raw.lifecycle),
    creation_date: date(raw.creation_date),
    last_update: date(raw.last_update),
    origin: text(raw.origin),
    task_id: text(raw.task_id) ?? (task && typeof task.id === 'string' ? task.id : undefined),
    user_id: text(raw.user_id),
    host_id: text(raw.host_id),
    // The runaway rules' timeout (job.ts: a number; z.number() takes no NaN or Infinity).
    timeout: typeof raw.timeout === 'number' && Number.isFinite(raw.timeout) ? raw.timeout : undefined,
    result: times
      ? { times: { seconds: times.seconds as number, nanoseconds: typeof times.nanoseconds === 'number' ? times.nanoseconds : undefined } }
      : undefined,
  } as LiteJob
}
