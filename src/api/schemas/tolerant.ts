import * as z from 'zod/mini'

/**
 * Parses an object field by field: a field whose value does not fit its schema is dropped and
 * reported in `problems`, instead of failing the whole document. Real servers send old data,
 * odd types and values we have never seen; one odd field must not hide the rest of a job.
 */
export function parseFields<S extends Record<string, z.ZodMiniType>>(
  shape: S,
  raw: Record<string, unknown>,
  problems: string[],
): { [K in keyof S]?: z.output<S[K]> } {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(shape)) {
    if (!(key in raw) || raw[key] === undefined) continue
    const result = shape[key].safeParse(raw[key])
    if (result.success) {
      if (result.data !== undefined) out[key] = result.data
    } else {
      problems.push(`${key}: ${describeValue(raw[key])} is not ${result.error.issues[0]?.message.replace(/^Invalid input: /, '') ?? 'valid'}`)
    }
  }
  return out as { [K in keyof S]?: z.output<S[K]> }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return value.length > 40 ? `a text of ${value.length} characters` : JSON.stringify(value)
  return `${typeof value} ${String(value)}`
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A date the server sent as text; kept only when it parses. */
export const isoDate = z.string().check(z.refine((s) => Number.isFinite(Date.parse(s)), 'a date'))

/** null from the server becomes undefined (absent). */
export function orUndefined<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(z.nullable(schema), z.transform((v: z.output<T> | null) => v ?? undefined))
}

/** A zod schema around a hand-written parser that throws on what it cannot read. */
export function fromParser<T>(parse: (raw: unknown) => T) {
  return z.pipe(
    z.unknown(),
    z.transform((raw: unknown, ctx): T => {
      try {
        return parse(raw)
      } catch (e) {
        ctx.issues.push({ code: 'custom', message: e instanceof Error ? e.message : 'unexpected data', input: raw })
        return z.NEVER
      }
    }),
  )
}
