import { parse } from 'qs'
import { encodeQuery, joinUrl, type QueryValue } from './client'
import { jobListQueryParams } from './jobs'

/** What the supervisor's restify queryParser hands its controllers: `qs.parse(query, {})`. */
const serverReads = (query: Record<string, QueryValue>) => parse(encodeQuery(query).replace(/^\?/, ''), {})

/** The same value as the server sees it: every leaf a string, null/undefined left out. */
function asStrings(value: QueryValue): unknown {
  if (Array.isArray(value)) return value.map(asStrings)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, asStrings(v)]))
  return String(value)
}

describe('encodeQuery: what the app sends is what the server’s qs parser reads', () => {
  it('round-trips nested where/sort/limit, $in arrays and operators', () => {
    const query = { where: { lifecycle: { $in: ['ready', 'assigned'] }, task_id: 'abc', _id: { $lt: '65f1c1002a9b4c0012ab0001' } }, sort: { _id: -1 }, limit: 100 }
    expect(serverReads(query)).toEqual(asStrings(query))
  })
  it('round-trips characters that mean something in a query string or in bracket notation', () => {
    const query = { where: { name: 'a&b=c [x] %20 ü #frag ?q' }, q: '+plus+' }
    expect(serverReads(query)).toEqual(asStrings(query))
  })
  it('leaves out undefined and null, and sends nothing for an empty query', () => {
    expect(encodeQuery({ a: undefined, b: null })).toBe('')
    expect(encodeQuery(undefined)).toBe('')
    expect(serverReads({ where: { state: undefined, lifecycle: 'ready' } })).toEqual({ where: { lifecycle: 'ready' } })
  })
})

describe('jobListQueryParams: the job list filter as the server reads it', () => {
  it('asks for the newest first, a page at a time, never with include', () => {
    const read = serverReads(jobListQueryParams({}))
    expect(read).toEqual({ sort: { _id: '-1' }, limit: '100' })
    expect(encodeQuery(jobListQueryParams({}))).not.toContain('include')
  })
  it('sends one value as equality and several as $in', () => {
    expect(serverReads(jobListQueryParams({ states: ['failure'] }))).toMatchObject({ where: { state: 'failure' } })
    expect(serverReads(jobListQueryParams({ taskIds: ['t1', 't2'], lifecycles: ['ready', 'onhold'] }))).toMatchObject({
      where: { task_id: { $in: ['t1', 't2'] }, lifecycle: { $in: ['ready', 'onhold'] } },
    })
  })
  it('pages with an _id cursor (there is no skip) and bounds creation_date by the time range', () => {
    const read = serverReads(jobListQueryParams({ before: 'cafe', from: '2026-11-30T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', limit: 50 }))
    expect(read).toMatchObject({
      where: { _id: { $lt: 'cafe' }, creation_date: { $gte: '2026-11-30T00:00:00.000Z', $lte: '2026-12-01T00:00:00.000Z' } },
      limit: '50',
    })
    expect(read).not.toHaveProperty('skip')
  })
})

describe('joinUrl', () => {
  it('escapes every path segment, so an id cannot add a path or a query', () => {
    expect(joinUrl('https://s.example/', 'demo', 'job', '../approvals?x=1')).toBe('https://s.example/demo/job/..%2Fapprovals%3Fx%3D1')
  })
})
