import { isFinished, isRunning, type Job } from '@/api/schemas/job'
import type { RawGraphEdge, RawGraphNode, Workflow } from '@/api/schemas/workflow'

/*
 * Pure model: a workflow's graph (graphlib JSON, v2 or legacy) and a run's jobs mapped onto it.
 * theeye-api-workflows-tasks-sockets.md § A.3/A.5: a job's node is its `task_id`; the edge it took is
 * the out-edge labelled with its `trigger_name`; all jobs of a run share `workflow_job_id`.
 * Predecessors are not stored, so a run is read in creation order.
 */

/* ---------------- the definition ---------------- */

export interface GraphTaskNode {
  /** The task id (graphlib node id). */
  id: string
  name: string
  /** Task type for the icon: `value.type`, else derived from `_type`. */
  type?: string
  _type?: string
  isStart: boolean
  /** The node carried no value (no name, no type): drawn with its id. */
  undescribed: boolean
  /** The task no longer exists (when the workflow's task list is known). */
  deleted: boolean
  /** Not in the graph: a job of this run ran a task the graph does not hold (edited graph). */
  outsideGraph: boolean
}

export interface GraphEdge {
  id: string
  from: string
  to: string
  /** Event names that follow this edge (one in v2; a legacy pair joined by several event nodes has more). */
  events: string[]
}

export interface WorkflowGraph {
  nodes: GraphTaskNode[]
  edges: GraphEdge[]
  startId?: string
  legacy: boolean
  notes: string[]
}

const START_NODE = 'START_NODE'
const isEventType = (t: string | undefined) => !!t && /Event$/.test(t)
const isStartNode = (n: RawGraphNode) => n.v === START_NODE || n._type === 'home' || n.type === 'home'

export function taskTypeOf(node: { type?: string; _type?: string }): string | undefined {
  if (node.type) return node.type
  const m = node._type ? /^(.*)Task$/.exec(node._type) : null
  return m?.[1] ? m[1].toLowerCase() : undefined
}

function edgeId(from: string, to: string) {
  return `${from}->${to}`
}

/**
 * The task graph of a workflow: START_NODE and its edge dropped; a legacy graph (task → event node →
 * task, unlabelled edges) converted to task → task edges labelled with the event's name, as the
 * supervisor converts it at run time. Never throws: a workflow without a graph is an empty graph with
 * a note.
 */
export function buildWorkflowGraph(
  workflow: Pick<Workflow, 'graph' | 'version' | 'start_task_id'>,
  opts: { knownTaskIds?: ReadonlySet<string> } = {},
): WorkflowGraph {
  const notes: string[] = []
  const raw = workflow.graph
  if (!raw) {
    return { nodes: [], edges: [], startId: workflow.start_task_id, legacy: false, notes: ['The workflow document has no graph: only the steps that ran can be shown.'] }
  }
  const rawById = new Map<string, RawGraphNode>()
  for (const n of raw.nodes) if (!rawById.has(n.v)) rawById.set(n.v, n)
  const eventIds = new Set(raw.nodes.filter((n) => isEventType(n._type)).map((n) => n.v))
  const startIds = new Set(raw.nodes.filter(isStartNode).map((n) => n.v))
  startIds.add(START_NODE)
  const legacy = workflow.version !== 2 || eventIds.size > 0

  // Every non-start, non-event node is a task node; edges may name nodes the node list lacks.
  const taskIds: string[] = []
  const seen = new Set<string>()
  const addTask = (id: string) => {
    if (seen.has(id) || eventIds.has(id) || startIds.has(id)) return
    seen.add(id)
    taskIds.push(id)
  }
  for (const n of raw.nodes) addTask(n.v)
  for (const e of raw.edges) {
    addTask(e.v)
    addTask(e.w)
  }

  const edgeMap = new Map<string, GraphEdge>()
  const addEdge = (from: string, to: string, event: string | undefined) => {
    const id = edgeId(from, to)
    let edge = edgeMap.get(id)
    if (!edge) {
      edge = { id, from, to, events: [] }
      edgeMap.set(id, edge)
    }
    if (event && !edge.events.includes(event)) edge.events.push(event)
  }
  let startFromEdge: string | undefined
  let unlabelled = 0
  for (const e of raw.edges) {
    if (startIds.has(e.v)) {
      if (!eventIds.has(e.w) && !startIds.has(e.w)) startFromEdge ??= e.w
      continue
    }
    if (eventIds.has(e.v) || eventIds.has(e.w) || startIds.has(e.w)) continue
    if (!e.value) unlabelled++
    addEdge(e.v, e.w, e.value)
  }
  // Legacy: task → event → task becomes task → task labelled with the event's name.
  for (const eventId of eventIds) {
    const name = rawById.get(eventId)?.name
    const ins = raw.edges.filter((e: RawGraphEdge) => e.w === eventId && !eventIds.has(e.v) && !startIds.has(e.v))
    const outs = raw.edges.filter((e: RawGraphEdge) => e.v === eventId && !eventIds.has(e.w) && !startIds.has(e.w))
    for (const i of ins) for (const o of outs) addEdge(i.v, o.w, name)
  }
  if (legacy) notes.push('This workflow uses the legacy graph format (event nodes); it is shown converted to task-to-task edges, as the supervisor runs it.')
  if (!legacy && unlabelled > 0) notes.push(`${unlabelled} edge(s) of the graph have no event name: no run can follow them.`)

  const startId = workflow.start_task_id && seen.has(workflow.start_task_id) ? workflow.start_task_id : (startFromEdge ?? firstSource(taskIds, [...edgeMap.values()]))
  if (workflow.start_task_id && !seen.has(workflow.start_task_id) && taskIds.length > 0) {
    notes.push('The workflow’s start task is not in its graph.')
  }

  const known = opts.knownTaskIds && opts.knownTaskIds.size > 0 ? opts.knownTaskIds : undefined
  const nodes: GraphTaskNode[] = taskIds.map((id) => {
    const n = rawById.get(id)
    const undescribed = !n?.hasValue || !n.name
    return {
      id,
      name: n?.name?.trim() ? n.name : `(task …${id.slice(-6)})`,
      type: n ? taskTypeOf(n) : undefined,
      _type: n?._type,
      isStart: id === startId,
      undescribed,
      deleted: !!known && !known.has(id),
      outsideGraph: false,
    }
  })
  const deleted = nodes.filter((n) => n.deleted)
  if (deleted.length) notes.push(`${deleted.length === 1 ? 'One task' : `${deleted.length} tasks`} of the graph no longer exist${deleted.length === 1 ? 's' : ''} (${deleted.map((n) => `“${n.name}”`).join(', ')}): a run cannot reach past ${deleted.length === 1 ? 'it' : 'them'}.`)
  if (taskIds.length === 0) notes.push('The workflow’s graph has no task nodes.')
  return { nodes, edges: [...edgeMap.values()], startId, legacy, notes }
}

function firstSource(ids: string[], edges: GraphEdge[]): string | undefined {
  const targets = new Set(edges.filter((e) => e.from !== e.to).map((e) => e.to))
  return ids.find((id) => !targets.has(id)) ?? ids[0]
}

/** Nodes in reading order: breadth-first from the start along the edges, then the rest in graph order. */
export function orderedNodeIds(graph: Pick<WorkflowGraph, 'nodes' | 'edges' | 'startId'>): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  const ids = new Set(graph.nodes.map((n) => n.id))
  const visit = (root: string) => {
    const queue = [root]
    while (queue.length) {
      const id = queue.shift()!
      if (seen.has(id) || !ids.has(id)) continue
      seen.add(id)
      out.push(id)
      for (const e of graph.edges) if (e.from === id && !seen.has(e.to)) queue.push(e.to)
    }
  }
  if (graph.startId) visit(graph.startId)
  for (const n of graph.nodes) visit(n.id)
  return out
}

/* ---------------- a run on the graph ---------------- */

/** How a step stands in this run; every value has a word (status is never colour alone). */
export type StepStatus = 'success' | 'failure' | 'canceled' | 'running' | 'waiting' | 'queued' | 'other' | 'not-reached'

/** For a step that has not run: can it still run in this run? */
export type Reach = 'ran' | 'may-run' | 'never'

export interface StepView {
  node: GraphTaskNode
  /** This step's jobs in this run, oldest first (more than one in a loop). */
  jobs: Job[]
  latest?: Job
  status: StepStatus
  /** The state word shown with the step. */
  word: string
  reach: Reach
}

export interface EdgeView {
  edge: GraphEdge
  /** How many times a job of this run left along this edge. */
  taken: number
}

export interface RunMap {
  graph: WorkflowGraph
  /** One per task node, in reading order. */
  steps: StepView[]
  /** Jobs of this run whose task is not in the graph (edited graph, deleted task). */
  outside: StepView[]
  edges: EdgeView[]
  /** Steps moving now (queued, running, waiting). */
  active: StepView[]
  runFinished: boolean
  notes: string[]
}

const APPROVAL = 'ApprovalJob'

/** The state word of one job, as users say it (contract: success/failure, approved/rejected, waiting, queued, running). */
export function jobWord(job: Pick<Job, '_type' | 'lifecycle' | 'state'>): { status: StepStatus; word: string } {
  const lc = job.lifecycle
  if (lc === 'ready') return { status: 'queued', word: 'queued' }
  if (lc === 'assigned' || lc === 'started') return { status: 'running', word: 'running' }
  if (lc === 'onhold') return { status: 'waiting', word: 'waiting' }
  if (lc === 'syncing' || lc === 'locked') return { status: 'queued', word: lc }
  if (isFinished(lc)) {
    const st = job.state
    if (job._type === APPROVAL && lc === 'finished' && st === 'success') return { status: 'success', word: 'approved' }
    if (job._type === APPROVAL && lc === 'finished' && st === 'failure') return { status: 'failure', word: 'rejected' }
    if (st === 'success') return { status: 'success', word: 'success' }
    if (st === 'failure' || st === 'error' || st === 'timeout') return { status: 'failure', word: st }
    if (st === 'canceled' || lc === 'canceled') return { status: 'canceled', word: 'canceled' }
    return { status: 'other', word: st || lc || 'finished' }
  }
  return { status: 'other', word: lc || job.state || 'unknown' }
}

function byCreation(a: Job, b: Job): number {
  return (a.creation_date ?? '').localeCompare(b.creation_date ?? '') || a.id.localeCompare(b.id)
}

/** A finished job's trigger: `trigger_name`, else (old documents) its state. */
function triggerOf(job: Job): string | undefined {
  if (!isFinished(job.lifecycle)) return undefined
  return job.trigger_name || job.state || undefined
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

/**
 * Maps a run (its WorkflowJob and its task jobs) onto the graph. Never throws on odd data: jobs whose
 * task is not in the graph become `outside` steps, a run whose earlier steps were trimmed or that has
 * not started yet gets a note, loops count every pass.
 */
export function mapRun(graph: WorkflowGraph, run: Pick<Job, 'id' | 'lifecycle' | 'state'> | undefined, runJobs: readonly Job[]): RunMap {
  const notes: string[] = []
  const jobs = runJobs.filter((j) => j.id !== run?.id && j._type !== 'WorkflowJob').sort(byCreation)
  const nodeIds = new Set(graph.nodes.map((n) => n.id))
  const jobsByNode = new Map<string, Job[]>()
  const outsideJobs = new Map<string, Job[]>()
  for (const job of jobs) {
    const key = job.task_id ?? `job:${job.id}`
    const target = job.task_id && nodeIds.has(job.task_id) ? jobsByNode : outsideJobs
    const list = target.get(key) ?? []
    list.push(job)
    target.set(key, list)
  }
  const runFinished = !!run && isFinished(run.lifecycle)

  // Edges taken: each finished job leaves along the out-edges labelled with its trigger.
  const outEdges = new Map<string, GraphEdge[]>()
  for (const e of graph.edges) outEdges.set(e.from, [...(outEdges.get(e.from) ?? []), e])
  const taken = new Map<string, number>()
  for (const job of jobs) {
    const trigger = triggerOf(job)
    if (!trigger || !job.task_id) continue
    for (const e of outEdges.get(job.task_id) ?? []) if (e.events.includes(trigger)) taken.set(e.id, (taken.get(e.id) ?? 0) + 1)
  }

  // Steps moving now, and what can still run: reachable from an active step or from an edge just
  // taken whose target has not got its job yet (the supervisor creates it a moment later).
  const active = new Set<string>()
  const frontier: string[] = []
  for (const [nodeId, list] of jobsByNode) {
    const latest = list.at(-1)!
    if (isRunning(latest.lifecycle)) active.add(nodeId)
    const trigger = triggerOf(latest)
    if (trigger) {
      for (const e of outEdges.get(nodeId) ?? []) {
        if (!e.events.includes(trigger)) continue
        const after = (jobsByNode.get(e.to) ?? []).some((j) => byCreation(j, latest) > 0)
        if (!after) frontier.push(e.to)
      }
    }
  }
  const mayRun = new Set<string>()
  if (!runFinished) {
    const queue = [...active].flatMap((id) => (outEdges.get(id) ?? []).map((e) => e.to))
    queue.push(...frontier)
    if (jobs.length === 0 && graph.startId) queue.push(graph.startId)
    while (queue.length) {
      const id = queue.shift()!
      if (mayRun.has(id)) continue
      mayRun.add(id)
      for (const e of outEdges.get(id) ?? []) queue.push(e.to)
    }
  }

  const stepOf = (node: GraphTaskNode, list: Job[]): StepView => {
    const latest = list.at(-1)
    if (!latest) {
      return { node, jobs: [], status: 'not-reached', word: 'not reached', reach: !runFinished && mayRun.has(node.id) ? 'may-run' : 'never' }
    }
    const { status, word } = jobWord(latest)
    return { node, jobs: list, latest, status, word, reach: 'ran' }
  }
  const order = orderedNodeIds(graph)
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]))
  const steps = order.map((id) => stepOf(nodeById.get(id)!, jobsByNode.get(id) ?? []))

  const outside = [...outsideJobs.entries()].map(([key, list]) => {
    const first = list[0]!
    const node: GraphTaskNode = {
      id: key,
      name: first.name?.trim() ? first.name : `(task …${key.slice(-6)})`,
      type: first.task ? taskTypeOf(first.task) : undefined,
      _type: first.task?._type,
      isStart: false,
      undescribed: false,
      deleted: false,
      outsideGraph: true,
    }
    return stepOf(node, list)
  })

  /* notes: the run's honest caveats */
  const runLc = run?.lifecycle
  if (jobs.length === 0) {
    if (runLc === 'ready') notes.push('The run is queued: its first step has not been created yet.')
    else if (runLc === 'onhold') notes.push('The run is on hold: it waits for another run of this workflow to finish (the workflow runs one at a time) or for a person.')
    else if (runFinished) notes.push('No step of this run is kept: the server removes old jobs beyond its history limit, or the run ended before its first step.')
    else notes.push('No step of this run has been created yet.')
  }
  if (outside.length) {
    const n = outside.reduce((s, o) => s + o.jobs.length, 0)
    notes.push(`${n} ${plural(n, 'step', 'steps')} of this run ran ${plural(outside.length, 'a task that is', 'tasks that are')} not in the workflow’s graph now (the graph was edited or the task deleted); listed below the graph.`)
  }
  const loops = steps.filter((s) => s.jobs.length > 1)
  for (const s of loops) notes.push(`“${s.node.name}” ran ${s.jobs.length} times in this run (a loop).`)

  // Trimmed history: a step reached without any kept step leading to it.
  const trimmed = steps.filter((s) => {
    if (!s.latest) return false
    const first = s.jobs[0]!
    if (s.node.isStart) return false
    return !graph.edges.some((e) => {
      if (e.to !== s.node.id) return false
      return (jobsByNode.get(e.from) ?? []).some((j) => {
        const t = triggerOf(j)
        return !!t && e.events.includes(t) && byCreation(j, first) <= 0
      })
    })
  })
  if (trimmed.length && jobs.length > 0) {
    notes.push(
      `${trimmed.map((s) => `“${s.node.name}”`).join(', ')} ran, but no kept step leads to ${plural(trimmed.length, 'it', 'them')}: earlier steps of this run were removed by the server’s history limit, or the graph changed since.`,
    )
  }
  // A path that should have continued but did not: the next task had no bot, or its job was removed.
  if (runFinished) {
    for (const s of steps) {
      const trigger = s.latest ? triggerOf(s.latest) : undefined
      if (!trigger) continue
      for (const e of outEdges.get(s.node.id) ?? []) {
        if (!e.events.includes(trigger)) continue
        const target = nodeById.get(e.to)
        const after = (jobsByNode.get(e.to) ?? []).some((j) => byCreation(j, s.latest!) > 0)
        if (target && !after) notes.push(`“${s.node.name}” ended with “${trigger}”, but “${target.name}” has no job in this run: it was not created (its task may have no bot, or no longer exist) or the server removed it.`)
      }
    }
  }

  return {
    graph,
    steps,
    outside,
    edges: graph.edges.map((edge) => ({ edge, taken: taken.get(edge.id) ?? 0 })),
    active: [...steps, ...outside].filter((s) => s.latest && isRunning(s.latest.lifecycle)),
    runFinished,
    notes,
  }
}

/** A one-line answer to "where is this run now?". */
export function runHeadline(map: RunMap, run: Pick<Job, 'lifecycle' | 'state'>): string {
  if (map.active.length > 0) {
    return map.active
      .map((s) => {
        if (s.status === 'waiting') return `waiting on a person at “${s.node.name}”`
        if (s.status === 'running') return `running “${s.node.name}”`
        return `“${s.node.name}” is ${s.word}`
      })
      .join('; ')
  }
  if (isFinished(run.lifecycle)) {
    const last = [...map.steps, ...map.outside].filter((s) => s.latest).sort((a, b) => byCreation(a.latest!, b.latest!)).at(-1)
    return last ? `ended after “${last.node.name}” (${last.word})` : `ended (${run.state ?? run.lifecycle})`
  }
  if (run.lifecycle === 'ready') return 'queued: no step has started yet'
  if (run.lifecycle === 'onhold') return 'on hold: no step has started yet'
  return 'between steps'
}
