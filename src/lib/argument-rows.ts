import type { Job } from '@/api/schemas/job'
import { isFinished } from '@/api/schemas/lifecycle'
import type { TaskArgument } from '@/api/schemas/task'
import { plainText } from './text'

/**
 * A job's input as rows: each value beside its argument's label, option labels resolved, dates
 * readable, files never printed, masked values left out of the text. Shared by the job page and
 * the approvals inbox, which show the same values.
 */

function label(value: string | undefined, fallback: string): string {
  const clean = plainText(value ?? '', 60).trim()
  return clean || fallback
}

export interface ArgumentRow {
  key: string
  label: string
  /** One-line display text; empty for masked values. */
  value: string
  /** Extra detail (the raw value behind an option label, a date's exact text). */
  detail?: string
  masked: boolean
  type: string
  missing: boolean
  /** The value as sent, for a closer look (pretty JSON, masked reveal). */
  raw: unknown
  /** Not an argument: the approver the server appended to a decided approval (shown by name). */
  decidedBy?: true
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

function fileText(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>
    const name = v.name ?? v.filename ?? v.keyname
    if (typeof name === 'string' && name) return `file ${name}`
  }
  if (typeof value === 'string') {
    // A file argument may carry the whole file as a data URL: never print its content.
    const data = /^data:([^;,]*)[;,]/.exec(value)
    if (data) return `attached file${data[1] ? ` (${data[1]})` : ''}, ${Math.round((value.length * 3) / 4 / 1024)} KB`
  }
  return plainText(value, 200)
}

function optionFor(arg: TaskArgument, value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return arg.options.find((o) => o.id === text || o.id === String(value))
}

function valueText(arg: TaskArgument | undefined, value: unknown): { value: string; detail?: string } {
  const raw = plainText(value, 300)
  if (!arg) return { value: raw }
  switch (arg.type) {
    case 'select':
    case 'remote-options': {
      const values = arg.multiple && Array.isArray(value) ? value : [value]
      const labels = values.map((v) => {
        const option = optionFor(arg, v)
        return option ? plainText(option.label, 120) : plainText(v, 120)
      })
      const text = labels.join(', ')
      // The label alone could hide what the script receives: show the raw value when it differs.
      return text === raw ? { value: text } : { value: text, detail: raw }
    }
    case 'date': {
      const t = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN
      return Number.isFinite(t) ? { value: new Date(t).toLocaleString(), detail: raw } : { value: raw }
    }
    case 'file':
      return { value: fileText(value) }
    default:
      return { value: raw }
  }
}

/** The job fields the rows read: its input and task, and for a decided approval its type and lifecycle. */
type ArgumentsOf = Pick<Job, 'task' | 'task_arguments_values'> & Partial<Pick<Job, '_type' | 'lifecycle'>>

/** How many rows a job's arguments make (values and definitions, whichever are more). */
export function argumentCount(job: ArgumentsOf): number {
  return Math.max(job.task?.task_arguments?.length ?? 0, job.task_arguments_values?.length ?? 0)
}

/**
 * Who decided an approval, when the value at `index` is that record: approving or rejecting appends
 * the approver ({id, username, email}) to the job's values (theeye-api.md #15/#16). It is not an
 * argument anybody gave: it is shown as "Decided by" with the person's name. Null for anything else.
 */
function decidedBy(job: ArgumentsOf, index: number): string | null {
  const values = job.task_arguments_values ?? []
  if (job._type !== 'ApprovalJob' || !isFinished(job.lifecycle)) return null
  if (index !== values.length - 1 || index < (job.task?.task_arguments?.length ?? 0)) return null
  const v = values[index]
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null
  const user = v as Record<string, unknown>
  const text = (k: string) => (typeof user[k] === 'string' && user[k] ? plainText(user[k], 120) : '')
  const name = text('username') || text('email')
  if (!name) return null
  const email = text('email')
  return email && email !== name ? `${name} (${email})` : name
}

/**
 * Every value to approve, with the label of its argument. Values follow the task's arguments in
 * order (fixed ones included); values the task does not describe are still shown, numbered, but for
 * the approver's record a decided approval carries last ("Decided by").
 */
export function argumentRows(job: ArgumentsOf, limit = Number.POSITIVE_INFINITY): ArgumentRow[] {
  const args = job.task?.task_arguments ?? []
  const values = job.task_arguments_values ?? []
  const rows: ArgumentRow[] = []
  // A hostile job can carry 100,000 values: only the rows on screen are built.
  const count = Math.min(argumentCount(job), limit)
  for (let i = 0; i < count; i++) {
    const arg = args[i]
    const value = values[i]
    const decider = arg ? null : decidedBy(job, i)
    if (decider) {
      rows.push({ key: `${i}`, label: 'Decided by', value: decider, masked: false, type: 'unknown', missing: false, raw: value, decidedBy: true })
      continue
    }
    const masked = !!arg?.masked
    const missing = isEmpty(value)
    const shown = masked || missing ? { value: '' } : valueText(arg, value)
    rows.push({
      key: `${i}`,
      label: arg ? label(arg.label, `Argument ${i + 1}`) : `Argument ${i + 1}`,
      value: shown.value,
      detail: shown.detail,
      masked,
      type: arg?.type ?? 'unknown',
      missing,
      raw: value,
    })
  }
  return rows
}

