/**
 * The last values a user submitted for a task, kept in localStorage per organization, user and
 * task so the form does not forget them. Callers pass only storable values (never masked ones,
 * never files: see storableValues); the token is never written here.
 */
const PREFIX = 'theeye.run.last.v1'

export interface StoredRun {
  values: Record<string, unknown>
  savedAt: number
}

function key(scope: { customer: string | null; userId?: string | null }, taskId: string): string {
  return `${PREFIX}:${scope.customer ?? '-'}:${scope.userId ?? '-'}:${taskId}`
}

export function readLastValues(scope: { customer: string | null; userId?: string | null }, taskId: string): StoredRun | null {
  try {
    const raw = localStorage.getItem(key(scope, taskId))
    if (!raw) return null
    const parsed: unknown = JSON.parse(raw)
    if (!parsed || typeof parsed !== 'object') return null
    const { values, savedAt } = parsed as Record<string, unknown>
    if (!values || typeof values !== 'object' || Array.isArray(values) || typeof savedAt !== 'number') return null
    return { values: values as Record<string, unknown>, savedAt }
  } catch {
    return null
  }
}

export function writeLastValues(scope: { customer: string | null; userId?: string | null }, taskId: string, values: Record<string, unknown>, now = Date.now()): void {
  try {
    localStorage.setItem(key(scope, taskId), JSON.stringify({ values, savedAt: now }))
  } catch {
    /* storage full or unavailable: remembering is a convenience */
  }
}

export function forgetLastValues(scope: { customer: string | null; userId?: string | null }, taskId: string): void {
  try {
    localStorage.removeItem(key(scope, taskId))
  } catch {
    /* unavailable */
  }
}
