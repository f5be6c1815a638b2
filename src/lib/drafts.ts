/**
 * What the user typed into a form, kept in sessionStorage (this tab only) so that a 401 and the
 * sign-in that follows lose nothing: the form comes back with its values (and its dialog open).
 * Never masked values, never files, never the token: callers blank those before saving. Cleared
 * when the form is sent or closed, and on an explicit sign-out.
 */
const PREFIX = 'theeye.draft.'
/** A draft older than this is stale: the user has moved on. */
const MAX_AGE_MS = 12 * 60 * 60_000

/** Values by argument `order` (the caller leaves out what must not be kept). */
export type DraftValues = Record<string, unknown>

export interface StoredDraft {
  values: DraftValues
  savedAt: number
}

export function readDraft(key: string): DraftValues | null {
  return readDraftEntry(key)?.values ?? null
}

/** The draft with when it was last written (for saying "what you were typing 5 minutes ago"). */
export function readDraftEntry(key: string): StoredDraft | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<StoredDraft>
    const values = parsed.values
    if (!values || typeof values !== 'object' || Array.isArray(values) || typeof parsed.savedAt !== 'number' || Date.now() - parsed.savedAt > MAX_AGE_MS) return null
    return { values, savedAt: parsed.savedAt }
  } catch {
    return null
  }
}

export function hasDraft(key: string): boolean {
  return readDraft(key) !== null
}

export function writeDraft(key: string, values: DraftValues): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify({ values, savedAt: Date.now() } satisfies StoredDraft))
  } catch {
    /* storage full or unavailable: the form still works, only the draft is not kept */
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key)
  } catch {
    /* storage unavailable */
  }
}

export function clearAllDrafts(): void {
  try {
    for (let i = sessionStorage.length - 1; i >= 0; i--) {
      const k = sessionStorage.key(i)
      if (k?.startsWith(PREFIX)) sessionStorage.removeItem(k)
    }
  } catch {
    /* storage unavailable */
  }
}
