import { describe, expect, it } from 'vitest'
import type { Job } from '@/api/schemas/job'
import type { Workflow, WorkflowGraphJson } from '@/api/schemas/workflow'
import { parseWorkflow } from '@/api/schemas/workflow'
import { buildWorkflowGraph, jobWord, mapRun, orderedNodeIds, runHeadline } from './run-graph'

const VALIDATE = 'aaaaaaaaaaaaaaaaaaaa3502'
const APPROVE = 'aaaaaaaaaaaaaaaaaaaa3501'
const ISSUE = 'aaaaaaaaaaaaaaaaaaaa3503'
const NOTIFY = 'aaaaaaaaaaaaaaaaaaaa3504'
const RUN = 'bbbbbbbbbbbbbbbbbbbb350f'

/** The refund workflow of the API notes (§ A.7), with START_NODE. */
const refundGraph: WorkflowGraphJson = {
  nodes: [
    { v: VALIDATE, id: VALIDATE, name: 'Validate refund', _type: 'ScriptTask', type: 'script', hasValue: true },
    { v: APPROVE, id: APPROVE, name: 'Approve refund', _type: 'ApprovalTask', type: 'approval', hasValue: true },
    { v: ISSUE, id: ISSUE, name: 'Issue refund', _type: 'ScriptTask', type: 'script', hasValue: true },
    { v: NOTIFY, id: NOTIFY, name: 'Notify rejection', _type: 'ScriptTask', type: 'script', hasValue: true },
    { v: 'START_NODE', id: 'START_NODE', name: 'Start', _type: 'home', type: 'home', hasValue: true },
  ],
  edges: [
    { v: 'START_NODE', w: VALIDATE },
    { v: VALIDATE, w: APPROVE, value: 'success' },
    { v: VALIDATE, w: NOTIFY, value: 'failure' },
    { v: APPROVE, w: ISSUE, value: 'success' },
    { v: APPROVE, w: NOTIFY, value: 'failure' },
  ],
}

const refund: Pick<Workflow, 'graph' | 'version' | 'start_task_id'> = { graph: refundGraph, version: 2, start_task_id: VALIDATE }

let serial = 0
function job(taskId: string, over: Partial<Job> = {}): Job {
  serial++
  return {
    id: `cccccccccccccccccccc${String(serial).padStart(4, '0')}`,
    _type: 'ScriptJob',
    task_id: taskId,
    name: taskId,
    workflow_job_id: RUN,
    creation_date: new Date(Date.UTC(2024, 2, 13, 16, 10, serial)).toISOString(),
    lifecycle: 'finished',
    state: 'success',
    trigger_name: 'success',
    output: [],
    hasOutput: false,
    problems: [],
    ...over,
  }
}

const started = { id: RUN, lifecycle: 'started', state: 'in_progress' }
const ended = (state = 'success') => ({ id: RUN, lifecycle: 'finished', state })

describe('buildWorkflowGraph', () => {
  it('keeps task nodes and labelled edges, drops START_NODE and its edge', () => {
    const g = buildWorkflowGraph(refund)
    expect(g.nodes.map((n) => n.name)).toEqual(['Validate refund', 'Approve refund', 'Issue refund', 'Notify rejection'])
    expect(g.edges).toHaveLength(4)
    expect(g.edges.find((e) => e.from === VALIDATE && e.to === NOTIFY)?.events).toEqual(['failure'])
    expect(g.startId).toBe(VALIDATE)
    expect(g.nodes.find((n) => n.id === VALIDATE)?.isStart).toBe(true)
    expect(g.legacy).toBe(false)
    expect(g.notes).toEqual([])
  })

  it('finds the start from START_NODE when the document has no start_task_id', () => {
    expect(buildWorkflowGraph({ graph: refundGraph, version: 2 }).startId).toBe(VALIDATE)
  })

  it('converts a legacy graph: task → event node → task becomes a labelled task edge', () => {
    const legacy = parseWorkflow({
      id: 'w1',
      name: 'Legacy',
      graph: {
        nodes: [
          { v: 't1', value: { id: 't1', name: 'Check disk', _type: 'ScriptTask' } },
          { v: 'e1', value: { id: 'e1', name: 'success', _type: 'TaskEvent' } },
          { v: 'e2', value: { id: 'e2', name: 'failure', _type: 'TaskEvent' } },
          { v: 't2', value: { id: 't2', name: 'Clean disk', _type: 'ScriptTask' } },
          { v: 't3', value: { id: 't3', name: 'Page on-call', _type: 'NotificationTask' } },
        ],
        edges: [
          { v: 't1', w: 'e1' },
          { v: 'e1', w: 't2' },
          { v: 't1', w: 'e2' },
          { v: 'e2', w: 't3' },
          { v: 't2', w: 'e2' },
        ],
      },
    })!
    const g = buildWorkflowGraph(legacy)
    expect(g.legacy).toBe(true)
    expect(g.nodes.map((n) => n.name)).toEqual(['Check disk', 'Clean disk', 'Page on-call'])
    expect(g.nodes.find((n) => n.id === 't3')?.type).toBe('notification')
    expect(g.edges.map((e) => `${e.from}-${e.events.join('|')}->${e.to}`).sort()).toEqual(['t1-failure->t3', 't1-success->t2', 't2-failure->t3'])
    expect(g.startId).toBe('t1')
    expect(g.notes[0]).toMatch(/legacy graph format/)
  })

  it('joins several legacy events between the same two tasks into one edge', () => {
    const g = buildWorkflowGraph({
      graph: {
        nodes: [
          { v: 'a', name: 'A', _type: 'ScriptTask', hasValue: true },
          { v: 'e1', name: 'success', _type: 'Event', hasValue: true },
          { v: 'e2', name: 'failure', _type: 'Event', hasValue: true },
          { v: 'b', name: 'B', _type: 'ScriptTask', hasValue: true },
        ],
        edges: [
          { v: 'a', w: 'e1' },
          { v: 'e1', w: 'b' },
          { v: 'a', w: 'e2' },
          { v: 'e2', w: 'b' },
        ],
      },
    })
    expect(g.edges).toEqual([{ id: 'a->b', from: 'a', to: 'b', events: ['success', 'failure'] }])
  })

  it('draws nodes that edges name but the node list lacks, and notes deleted tasks', () => {
    const g = buildWorkflowGraph(
      { graph: { nodes: [{ v: 'a', name: 'A', _type: 'ScriptTask', hasValue: true }], edges: [{ v: 'a', w: 'ffffffffffffffffff00dead', value: 'success' }] }, version: 2 },
      { knownTaskIds: new Set(['a']) },
    )
    const ghost = g.nodes.find((n) => n.id === 'ffffffffffffffffff00dead')!
    expect(ghost.name).toBe('(task …00dead)')
    expect(ghost.undescribed).toBe(true)
    expect(ghost.deleted).toBe(true)
    expect(g.notes.join(' ')).toMatch(/no longer exists/)
  })

  it('never throws on a missing graph', () => {
    const g = buildWorkflowGraph({ graph: null, version: 2 })
    expect(g.nodes).toEqual([])
    expect(g.notes[0]).toMatch(/no graph/)
  })

  it('orders nodes breadth-first from the start', () => {
    expect(orderedNodeIds(buildWorkflowGraph(refund))).toEqual([VALIDATE, APPROVE, NOTIFY, ISSUE])
  })
})

describe('mapRun', () => {
  const graph = buildWorkflowGraph(refund)
  const step = (map: ReturnType<typeof mapRun>, id: string) => map.steps.find((s) => s.node.id === id)!
  const edge = (map: ReturnType<typeof mapRun>, from: string, to: string) => map.edges.find((e) => e.edge.from === from && e.edge.to === to)!

  it('a rejected run: the failure branch is lit, the success branch never runs', () => {
    const jobs = [
      job(VALIDATE),
      job(APPROVE, { _type: 'ApprovalJob', state: 'failure', trigger_name: 'failure' }),
      job(NOTIFY),
    ]
    const map = mapRun(graph, ended(), jobs)
    expect(map.steps.map((s) => s.word)).toEqual(['success', 'rejected', 'success', 'not reached'])
    expect(edge(map, VALIDATE, APPROVE).taken).toBe(1)
    expect(edge(map, APPROVE, NOTIFY).taken).toBe(1)
    expect(edge(map, APPROVE, ISSUE).taken).toBe(0)
    expect(edge(map, VALIDATE, NOTIFY).taken).toBe(0)
    expect(step(map, ISSUE).reach).toBe('never')
    expect(map.notes).toEqual([])
    expect(runHeadline(map, ended())).toBe('ended after “Notify rejection” (success)')
  })

  it('a run waiting on its approval: what may still run and what will not', () => {
    const jobs = [job(VALIDATE), job(APPROVE, { _type: 'ApprovalJob', lifecycle: 'onhold', state: 'in_progress', trigger_name: undefined })]
    const map = mapRun(graph, started, jobs)
    expect(step(map, APPROVE).word).toBe('waiting')
    expect(step(map, ISSUE).reach).toBe('may-run')
    expect(step(map, NOTIFY).reach).toBe('may-run')
    expect(map.active.map((s) => s.node.name)).toEqual(['Approve refund'])
    expect(runHeadline(map, started)).toBe('waiting on a person at “Approve refund”')
  })

  it('a branch on failure: the untaken side is greyed even while the run goes on', () => {
    const g = buildWorkflowGraph({
      version: 2,
      start_task_id: 'a',
      graph: {
        nodes: ['a', 'b', 'c', 'd'].map((v) => ({ v, name: v.toUpperCase(), _type: 'ScriptTask', hasValue: true })),
        edges: [
          { v: 'a', w: 'b', value: 'success' },
          { v: 'a', w: 'c', value: 'failure' },
          { v: 'c', w: 'd', value: 'success' },
        ],
      },
    })
    const map = mapRun(g, started, [job('a', { state: 'failure', trigger_name: 'failure' }), job('c', { lifecycle: 'assigned', state: 'in_progress', trigger_name: undefined })])
    expect(map.steps.map((s) => [s.node.name, s.word, s.reach])).toEqual([
      ['A', 'failure', 'ran'],
      ['B', 'not reached', 'never'],
      ['C', 'running', 'ran'],
      ['D', 'not reached', 'may-run'],
    ])
  })

  it('a custom event follows the edge named after it', () => {
    const g = buildWorkflowGraph({
      version: 2,
      graph: {
        nodes: ['a', 'b', 'c'].map((v) => ({ v, name: v, _type: 'ScriptTask', hasValue: true })),
        edges: [
          { v: 'a', w: 'b', value: 'needs_review' },
          { v: 'a', w: 'c', value: 'success' },
        ],
      },
    })
    const map = mapRun(g, started, [job('a', { trigger_name: 'needs_review' }), job('b', { lifecycle: 'ready', state: 'in_progress', trigger_name: undefined })])
    expect(map.edges.filter((e) => e.taken).map((e) => e.edge.id)).toEqual(['a->b'])
    expect(map.steps.find((s) => s.node.id === 'c')!.reach).toBe('never')
    expect(map.steps.find((s) => s.node.id === 'b')!.word).toBe('queued')
  })

  it('a loop: a task reached twice counts both passes and the edge twice', () => {
    const g = buildWorkflowGraph({
      version: 2,
      graph: {
        nodes: ['poll', 'done'].map((v) => ({ v, name: v, _type: 'ScriptTask', hasValue: true })),
        edges: [
          { v: 'poll', w: 'poll', value: 'retry' },
          { v: 'poll', w: 'done', value: 'success' },
        ],
      },
    })
    const map = mapRun(g, ended(), [job('poll', { trigger_name: 'retry' }), job('poll', { trigger_name: 'retry' }), job('poll'), job('done')])
    const poll = map.steps.find((s) => s.node.id === 'poll')!
    expect(poll.jobs).toHaveLength(3)
    expect(poll.word).toBe('success')
    expect(map.edges.find((e) => e.edge.id === 'poll->poll')!.taken).toBe(2)
    expect(map.edges.find((e) => e.edge.id === 'poll->done')!.taken).toBe(1)
    expect(map.notes).toEqual(['“poll” ran 3 times in this run (a loop).'])
  })

  it('jobs of tasks that are not in the graph are kept as outside steps, with a note', () => {
    const map = mapRun(graph, ended(), [job(VALIDATE), job('dddddddddddddddddddd0001', { name: 'Old step' })])
    expect(map.outside.map((s) => [s.node.name, s.word, s.node.outsideGraph])).toEqual([['Old step', 'success', true]])
    expect(map.notes.join(' ')).toMatch(/1 step of this run ran a task that is not in the workflow’s graph/)
  })

  it('a trimmed run: a later step whose predecessors were removed gets a note', () => {
    const map = mapRun(graph, ended(), [job(NOTIFY)])
    expect(map.steps.find((s) => s.node.id === NOTIFY)!.word).toBe('success')
    expect(map.notes.join(' ')).toMatch(/“Notify rejection” ran, but no kept step leads to it/)
  })

  it('a finished run with no kept jobs says so instead of drawing nothing', () => {
    const map = mapRun(graph, ended(), [])
    expect(map.steps.every((s) => s.word === 'not reached' && s.reach === 'never')).toBe(true)
    expect(map.notes.join(' ')).toMatch(/No step of this run is kept/)
  })

  it('a run still queued or on hold before its first step', () => {
    const ready = mapRun(graph, { id: RUN, lifecycle: 'ready', state: 'in_progress' }, [])
    expect(ready.notes[0]).toMatch(/queued/)
    expect(ready.steps.find((s) => s.node.id === VALIDATE)!.reach).toBe('may-run')
    expect(runHeadline(ready, { lifecycle: 'ready' })).toMatch(/queued/)
    const onhold = mapRun(graph, { id: RUN, lifecycle: 'onhold', state: 'in_progress' }, [])
    expect(onhold.notes[0]).toMatch(/on hold/)
  })

  it('a path that ended without its next job is explained', () => {
    const map = mapRun(graph, ended(), [job(VALIDATE)])
    expect(map.notes.join(' ')).toMatch(/“Approve refund” has no job in this run/)
  })

  it('between steps: the target of the edge just taken may still run', () => {
    const map = mapRun(graph, started, [job(VALIDATE)])
    expect(map.steps.find((s) => s.node.id === APPROVE)!.reach).toBe('may-run')
    expect(map.steps.find((s) => s.node.id === ISSUE)!.reach).toBe('may-run')
  })

  it('ignores the WorkflowJob itself in the job list', () => {
    const map = mapRun(graph, started, [job(VALIDATE), job(VALIDATE, { id: RUN, _type: 'WorkflowJob' })])
    expect(map.steps.find((s) => s.node.id === VALIDATE)!.jobs).toHaveLength(1)
  })
})

describe('jobWord', () => {
  it.each([
    [{ _type: 'ScriptJob', lifecycle: 'ready', state: 'in_progress' }, 'queued'],
    [{ _type: 'ScriptJob', lifecycle: 'assigned', state: 'in_progress' }, 'running'],
    [{ _type: 'ApprovalJob', lifecycle: 'onhold', state: 'in_progress' }, 'waiting'],
    [{ _type: 'ApprovalJob', lifecycle: 'finished', state: 'success' }, 'approved'],
    [{ _type: 'ApprovalJob', lifecycle: 'finished', state: 'failure' }, 'rejected'],
    [{ _type: 'ScriptJob', lifecycle: 'terminated', state: 'canceled' }, 'canceled'],
    [{ _type: 'ScriptJob', lifecycle: 'terminated', state: 'timeout' }, 'timeout'],
    [{ _type: 'ScriptJob', lifecycle: 'finished', state: 'needs_review' }, 'needs_review'],
    [{ _type: 'ScriptJob', lifecycle: 'zombie', state: 'weird' }, 'zombie'],
  ])('%o → %s', (j, word) => {
    expect(jobWord(j).word).toBe(word)
  })
})
