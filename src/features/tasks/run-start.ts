import { errorMessage } from '@/components/ui/error-panel'
import {
  initialValues,
  prefillFromSearch,
  restoreStored,
  valuesFromJob,
  type FieldValue,
} from '@/components/run-form/argument-values'
import type { TaskArgument } from '@/api/schemas/task'
import { plainText } from '@/lib/text'
import type { StoredDraft } from '@/lib/drafts'
import type { StoredRun } from './last-values'

export interface FromJob {
  id: string
  values?: unknown[]
  taskId?: string
  error?: unknown
}

export interface Start {
  values: FieldValue[]
  notes: string[]
  /** What the fields show: `draft` is what the user typed here and never ran (over the last values or the defaults). */
  source: 'defaults' | 'link' | 'job' | 'last' | 'draft'
  /** When the last-run values were saved (also under a draft: they can be brought back). */
  lastSavedAt?: number
  draftSavedAt?: number
}

/**
 * Where the run form starts: the definitions' values, then the last values (when the page was
 * opened plainly), a past job's values (?from=) and a link's values (?arg.x=), each over the
 * previous, with notes that say what was filled from where. Without a job's or a link's values, a
 * draft (what was typed here and not run, see lib/drafts) goes over the rest.
 */
export function runStart(
  args: TaskArgument[],
  task: { id: string },
  fromJob: FromJob | undefined,
  params: URLSearchParams,
  readLast: () => StoredRun | null,
  readDraft: () => StoredDraft | null = () => null,
): Start {
  const notes: string[] = []
  let values = initialValues(args)
  let source: Start['source'] = 'defaults'
  let lastSavedAt: number | undefined
  const hasLinkArgs = [...params.keys()].some((k) => k.startsWith('arg.'))
  if (fromJob) {
    if (fromJob.error || !fromJob.values) {
      notes.push(`The values of job ${plainText(fromJob.id, 40)} could not be loaded${fromJob.error ? ` (${errorMessage(fromJob.error)})` : ''}; the form starts from the task's defaults.`)
    } else if (fromJob.taskId && fromJob.taskId !== task.id) {
      notes.push(`Job ${fromJob.id} belongs to another task; its values were not used.`)
    } else {
      const r = valuesFromJob(args, fromJob.values, values)
      values = r.values
      source = 'job'
      notes.push(`Filled with the values of job ${fromJob.id}.`)
      if (r.skippedMasked.length) notes.push(`Masked values are not copied: enter ${r.skippedMasked.join(', ')} again.`)
    }
  } else if (!hasLinkArgs) {
    const stored = readLast()
    if (stored) {
      values = restoreStored(args, stored.values, values)
      source = 'last'
      lastSavedAt = stored.savedAt
    }
  }
  if (hasLinkArgs) {
    const p = prefillFromSearch(args, params, values)
    values = p.values
    if (p.applied.length) {
      source = source === 'job' ? 'job' : 'link'
      notes.push(`Filled from the link: ${p.applied.join(', ')}. Check the values, then run.`)
    }
    if (p.refused.length) notes.push(`Not filled from the link (masked values and files never come from a URL): ${p.refused.join(', ')}.`)
    if (p.unknown.length) notes.push(`The link names arguments this task does not have: ${p.unknown.join(', ')}.`)
  }
  let draftSavedAt: number | undefined
  if (source === 'defaults' || source === 'last') {
    const draft = readDraft()
    if (draft) {
      values = restoreStored(args, draft.values, values)
      source = 'draft'
      draftSavedAt = draft.savedAt
    }
  }
  return { values, notes, source, lastSavedAt, draftSavedAt }
}
