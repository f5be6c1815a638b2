// What restify's queryParser (qs.parse with defaults) and mongoose/MongoDB do with the
// `where` / `sort` / `limit` of `GET /:customer/job`. Everything in a query string stays a string; values are cast
// per field the way mongoose casts them against the Job schema (dates for creation_date/last_update, numbers and
// booleans when the stored value has that type).

import { parse } from 'qs'

export type QsValue = string | QsValue[] | QsObject
export interface QsObject {
  [key: string]: QsValue
}

/**
 * `qs.parse(query, {})`: exactly what restify's queryParser does on the real server (bracket notation, depth 5,
 * arrays up to 20 items, everything a string). Using qs itself keeps the mock from drifting from the server.
 */
export function parseQs(input: URLSearchParams | string): QsObject {
  const text = typeof input === 'string' ? input : input.toString()
  return parse(text, {}) as QsObject
}

// ---------------------------------------------------------------------------------------------------------------
// where -> predicate

const DATE_FIELDS = new Set(['creation_date', 'last_update'])

type Doc = Record<string, unknown>
export type Predicate = (doc: Doc) => boolean

function getPath(doc: Doc, path: string): unknown {
  if (path === '_id') return doc._id ?? doc.id
  if (!path.includes('.')) return doc[path]
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined) return undefined
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)]
    else if (typeof cur === 'object') cur = (cur as Doc)[part]
    else return undefined
  }
  return cur
}

function toDateMs(v: unknown): number {
  if (typeof v === 'number') return v
  if (typeof v !== 'string') return NaN
  // mongoose casts numeric strings as epoch millis
  if (/^\d+$/.test(v)) return Number(v)
  return Date.parse(v)
}

function scalarEq(field: string, docVal: unknown, q: QsValue): boolean {
  if (typeof q !== 'string') return false
  if (DATE_FIELDS.has(field)) {
    const a = toDateMs(docVal)
    return !Number.isNaN(a) && a === toDateMs(q)
  }
  if (typeof docVal === 'number') return docVal === Number(q)
  if (typeof docVal === 'boolean') return String(docVal) === q
  if (docVal === null || docVal === undefined) return q === 'null'
  if (typeof docVal === 'object') return false
  return String(docVal) === q
}

function eq(field: string, docVal: unknown, q: QsValue): boolean {
  if (Array.isArray(docVal)) return docVal.some((x) => scalarEq(field, x, q))
  return scalarEq(field, docVal, q)
}

/** -1 / 0 / 1 comparison as MongoDB would for the cast value; NaN when not comparable. */
function cmp(field: string, docVal: unknown, q: QsValue): number {
  if (typeof q !== 'string') return NaN
  if (DATE_FIELDS.has(field)) {
    const a = toDateMs(docVal)
    const b = toDateMs(q)
    if (Number.isNaN(a) || Number.isNaN(b)) return NaN
    return a < b ? -1 : a > b ? 1 : 0
  }
  if (typeof docVal === 'number') {
    const b = Number(q)
    if (Number.isNaN(b)) return NaN
    return docVal < b ? -1 : docVal > b ? 1 : 0
  }
  if (typeof docVal === 'string') return docVal < q ? -1 : docVal > q ? 1 : 0
  return NaN
}

function asList(q: QsValue): QsValue[] {
  if (Array.isArray(q)) return q
  if (typeof q === 'string') return [q]
  return Object.values(q)
}

function compileField(field: string, cond: QsValue): Predicate {
  if (Array.isArray(cond)) {
    // mongoose casts an array condition on a scalar path to $in
    return compileField(field, { $in: cond })
  }
  if (typeof cond === 'string') return (doc) => eq(field, getPath(doc, field), cond)
  const ops = Object.keys(cond)
  if (!ops.some((k) => k.startsWith('$'))) {
    // nested equality on a sub-document: compare sub fields
    const subs = ops.map((k) => compileField(`${field}.${k}`, cond[k]!))
    return (doc) => subs.every((p) => p(doc))
  }
  const checks: Array<(v: unknown) => boolean> = []
  for (const op of ops) {
    const arg = cond[op]!
    switch (op) {
      case '$eq':
        checks.push((v) => eq(field, v, arg))
        break
      case '$ne':
        checks.push((v) => !eq(field, v, arg))
        break
      case '$in': {
        const list = asList(arg)
        checks.push((v) => list.some((x) => eq(field, v, x)))
        break
      }
      case '$nin': {
        const list = asList(arg)
        checks.push((v) => !list.some((x) => eq(field, v, x)))
        break
      }
      case '$lt':
        checks.push((v) => cmp(field, v, arg) < 0)
        break
      case '$lte':
        checks.push((v) => cmp(field, v, arg) <= 0)
        break
      case '$gt':
        checks.push((v) => cmp(field, v, arg) > 0)
        break
      case '$gte':
        checks.push((v) => cmp(field, v, arg) >= 0)
        break
      case '$exists': {
        const want = !(arg === 'false' || arg === '0' || arg === '')
        checks.push((v) => (v !== undefined) === want)
        break
      }
      case '$regex': {
        const flags = typeof cond.$options === 'string' ? cond.$options.replace(/[^imsx]/g, '').replace('x', '') : ''
        let re: RegExp
        try {
          re = new RegExp(typeof arg === 'string' ? arg : '', flags)
        } catch {
          throw new QueryError('invalid regex')
        }
        checks.push((v) => (Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && re.test(x)))
        break
      }
      case '$options':
        break
      default:
        throw new QueryError(`unknown operator ${op}`)
    }
  }
  return (doc) => {
    const v = getPath(doc, field)
    return checks.every((c) => c(v))
  }
}

/** Thrown for queries MongoDB would reject; the route answers 500 "Internal Server Error". */
export class QueryError extends Error {}

export function compileWhere(where: QsValue | undefined): Predicate {
  if (where === undefined || typeof where === 'string' || Array.isArray(where)) return () => true
  const preds: Predicate[] = []
  for (const [key, cond] of Object.entries(where)) {
    if (key === '$or' || key === '$and' || key === '$nor') {
      const subs = asList(cond).map((c) => compileWhere(c))
      if (key === '$or') preds.push((d) => subs.some((p) => p(d)))
      else if (key === '$and') preds.push((d) => subs.every((p) => p(d)))
      else preds.push((d) => !subs.some((p) => p(d)))
      continue
    }
    preds.push(compileField(key, cond))
  }
  return (doc) => preds.every((p) => p(doc))
}

// ---------------------------------------------------------------------------------------------------------------
// sort / limit

export function compileSort(sort: QsValue | undefined): ((a: Doc, b: Doc) => number) | null {
  if (sort === undefined) return null
  const keys: Array<[string, number]> = []
  if (typeof sort === 'string') {
    for (const part of sort.split(/[ ,]+/).filter(Boolean)) {
      keys.push(part.startsWith('-') ? [part.slice(1), -1] : [part, 1])
    }
  } else if (!Array.isArray(sort)) {
    for (const [k, v] of Object.entries(sort)) {
      const s = typeof v === 'string' ? v.toLowerCase() : ''
      keys.push([k, s === '-1' || s === 'desc' || s === 'descending' ? -1 : 1])
    }
  }
  if (keys.length === 0) return null
  return (a, b) => {
    for (const [field, dir] of keys) {
      const c = compareValues(field, getPath(a, field), getPath(b, field))
      if (c !== 0) return c * dir
    }
    return 0
  }
}

function compareValues(field: string, a: unknown, b: unknown): number {
  if (DATE_FIELDS.has(field)) {
    const x = toDateMs(a)
    const y = toDateMs(b)
    const xn = Number.isNaN(x)
    const yn = Number.isNaN(y)
    if (xn || yn) return xn && yn ? 0 : xn ? -1 : 1
    return x - y
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const sa = a === undefined || a === null ? '' : String(a)
  const sb = b === undefined || b === null ? '' : String(b)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/** db-filter.js: parseInt, otherwise null = no limit. */
export function parseLimit(limit: QsValue | undefined): number | null {
  if (typeof limit !== 'string') return null
  const n = Number.parseInt(limit, 10)
  return Number.isNaN(n) ? null : n
}
