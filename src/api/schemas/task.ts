import * as z from 'zod/mini'
import { isRecord, orUndefined, parseFields } from './tolerant'

export interface ArgumentOption {
  id: string
  label: string
  /** The option's id exactly as the definition holds it (a number stays a number when sent). */
  rawId?: unknown
}

export interface TaskArgument {
  id?: number | string
  order: number
  /** fixed | input | select | date | file | remote-options, or a string we do not know */
  type: string
  label: string
  value?: unknown
  help?: string
  readonly?: boolean
  required?: boolean
  multiple?: boolean
  masked?: boolean
  charsmin?: number
  charsmax?: number
  /** alnum | alpha | num (theeye-web's charset rule) */
  charset?: string
  pattern?: string
  options: ArgumentOption[]
  /** remote-options: where the options come from */
  endpoint_url?: string
  id_attribute?: string
  text_attribute?: string
}

const num = z.coerce.number().check(z.refine(Number.isFinite))
const argumentShape = {
  id: z.union([z.number(), z.string()]),
  order: num,
  type: z.string(),
  label: z.string(),
  value: z.unknown(),
  help: orUndefined(z.string()),
  readonly: z.boolean(),
  required: z.boolean(),
  multiple: z.boolean(),
  masked: z.boolean(),
  charsmin: orUndefined(num),
  charsmax: orUndefined(num),
  charset: orUndefined(z.string()),
  pattern: z.pipe(z.nullable(z.string()), z.transform((v: string | null) => v || undefined)),
  endpoint_url: z.string(),
  id_attribute: z.string(),
  text_attribute: z.string(),
}

function parseOptions(raw: unknown): ArgumentOption[] {
  if (!Array.isArray(raw)) return []
  return raw.flatMap((o): ArgumentOption[] => {
    if (typeof o === 'string' || typeof o === 'number') return [{ id: String(o), label: String(o), rawId: o }]
    if (isRecord(o)) {
      const id = o.id ?? o.value ?? o.label
      const label = o.label ?? o.text ?? o.id
      if (id === undefined || id === null) return []
      return [{ id: String(id), label: String(label ?? id), rawId: id }]
    }
    return []
  })
}

export function parseTaskArguments(raw: unknown, problems: string[]): TaskArgument[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) {
    problems.push('task_arguments: not a list')
    return []
  }
  return raw
    .flatMap((item, index): TaskArgument[] => {
      if (!isRecord(item)) {
        problems.push(`task_arguments[${index}]: not an object`)
        return []
      }
      const f = parseFields(argumentShape, item, problems)
      return [
        {
          ...f,
          order: f.order ?? index,
          type: f.type ?? 'input',
          label: f.label ?? `Argument ${index + 1}`,
          options: parseOptions(item.options),
        },
      ]
    })
    .sort((a, b) => a.order - b.order)
}

export interface Task {
  id: string
  name: string
  type?: string
  _type?: string
  description?: string
  timeout?: number
  cancellable?: boolean
  task_arguments: TaskArgument[]
  approvers?: string[]
  success_label?: string
  failure_label?: string
  cancel_label?: string
  ignore_label?: string
  success_enabled?: boolean
  failure_enabled?: boolean
  cancel_enabled?: boolean
  ignore_enabled?: boolean
  user_inputs?: boolean
  workflow_id?: string
  host_id?: string
  /** The bot's hostname, as task GETs add it. */
  hostname?: string
  tags?: string[]
  /** How the server serialises argument values: legacy (default) | json | text. */
  arguments_type?: string
  /** fixed (default) | assignees | initiator: who approves an approval task's jobs. */
  approvals_target?: string
  grace_time?: number
  multitasking?: boolean
  output_parameters?: unknown[]
  problems: string[]
}

const taskShape = {
  name: z.string(),
  type: z.string(),
  _type: z.string(),
  description: orUndefined(z.string()),
  timeout: orUndefined(z.number()),
  cancellable: z.boolean(),
  approvers: z.array(z.string()),
  success_label: z.string(),
  failure_label: z.string(),
  cancel_label: z.string(),
  ignore_label: z.string(),
  success_enabled: z.boolean(),
  failure_enabled: z.boolean(),
  cancel_enabled: z.boolean(),
  ignore_enabled: z.boolean(),
  user_inputs: z.boolean(),
  workflow_id: orUndefined(z.string()),
  host_id: orUndefined(z.string()),
  hostname: orUndefined(z.string()),
  tags: z.pipe(z.nullable(z.array(z.unknown())), z.transform((v: unknown[] | null) => (v ?? []).filter((t): t is string => typeof t === 'string'))),
  arguments_type: orUndefined(z.string()),
  approvals_target: orUndefined(z.string()),
  grace_time: orUndefined(z.number()),
  multitasking: z.boolean(),
  output_parameters: z.array(z.unknown()),
}

export function parseTask(raw: unknown): Task | null {
  if (!isRecord(raw)) return null
  const id = typeof raw.id === 'string' ? raw.id : typeof raw._id === 'string' ? raw._id : null
  if (!id) return null
  const problems: string[] = []
  const f = parseFields(taskShape, raw, problems)
  return {
    ...f,
    id,
    name: f.name ?? '(unnamed task)',
    task_arguments: parseTaskArguments(raw.task_arguments, problems),
    problems,
  }
}
