// How the supervisor turns a POST body into task_arguments_values (core/service/job/factory.js
// prepareTaskArgumentsValues + arguments-validation.js), for the mock's job-creation routes:
// - for each definition, in stored order: fixed -> def.value; otherwise the item whose truthy
//   `.order` equals def.order, else the item AT INDEX def.order; written to values[def.order];
// - a value that is undefined there records EREQ ("Task argument not found in payload.");
// - file values that are data-URLs are kept raw; the rest is serialised by arguments_type.
// EREQ is not an HTTP error: the caller creates the job terminated/error (see terminateBuild).

import type { TaskDoc } from './types'

export interface PreparedArguments {
  values: unknown[]
  /** labels of the arguments the payload lacked (EREQ) */
  missing: string[]
}

function searchByOrder(values: unknown[], searchOrder: unknown): unknown {
  return values.find((arg, idx) => {
    const order = !arg || !(arg as { order?: unknown }).order ? idx : (arg as { order?: unknown }).order
    return order === searchOrder
  })
}

function hasValue(found: unknown): found is { value: unknown } {
  return typeof found === 'object' && found !== null && Object.prototype.hasOwnProperty.call(found, 'value')
}

function legacy(found: unknown): unknown {
  if (!found) return found
  let value = (found as { value?: unknown }).value || found
  if (typeof value !== 'string') value = JSON.stringify(value)
  return value
}

function json(found: unknown): unknown {
  if (found === undefined) return JSON.stringify(undefined)
  if (found === null) return JSON.stringify(null)
  if (hasValue(found)) return JSON.stringify(found.value)
  return JSON.stringify(found)
}

function text(found: unknown): unknown {
  if (found === undefined) return 'undefined'
  if (found === null) return 'null'
  const value = hasValue(found) ? found.value : found
  if (typeof value !== 'string') return JSON.stringify(found)
  return value
}

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+)?(;[a-z-]+=[a-z0-9-]+)*(;base64)?,/i

export function prepareTaskArgumentsValues(task: TaskDoc, provided: unknown[]): PreparedArguments {
  const defs = Array.isArray(task.task_arguments) ? task.task_arguments : []
  const values: unknown[] = []
  const missing: string[] = []
  const type = typeof task.arguments_type === 'string' ? task.arguments_type : 'legacy'
  defs.forEach((def, index) => {
    if (!def) return
    let value: unknown = null
    let order: number
    if (typeof def === 'string') {
      order = index
    } else if (def.type) {
      order = def.order
      if (def.type === 'fixed') {
        value = def.value
      } else {
        const found = searchByOrder(provided, def.order)
        if (found === undefined) missing.push(def.label)
        if (def.type === 'file' && typeof found === 'string' && DATA_URL.test(found)) value = found
        else value = type === 'json' ? json(found) : type === 'text' ? text(found) : legacy(found)
      }
    } else {
      order = index
      missing.push(`arg${index}`)
    }
    values[order] = value
  })
  // Sparse positions serialise as null, as in the server's JSON.
  return { values: Array.from(values, (v) => (v === undefined ? null : v)), missing }
}

/** terminateBuild(): the job is saved terminated/error with the error's message as its log and output. */
export function terminateBuild(job: Record<string, unknown>, message = 'InvalidTaskArguments'): void {
  job.state = 'error'
  job.lifecycle = 'terminated'
  job.result = { log: JSON.stringify(message) }
  job.output = JSON.stringify(message)
}
