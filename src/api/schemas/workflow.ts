import * as z from 'zod/mini'
import { describeValue, fromParser, isoDate, isRecord, orUndefined, parseFields } from './tolerant'

/**
 * A workflow definition (theeye-api-workflows-tasks-sockets.md § A.2/A.3). The graph is graphlib's
 * `json.write` output: `nodes[].value` is a task summary, `edges[].value` the event name. Parsed
 * leniently like jobs: an odd field is dropped and noted, one odd node or edge never loses the rest.
 */

/** A node exactly as the server stored it, reduced to what the dashboard reads. */
export interface RawGraphNode {
  /** graphlib node id: the task id for task nodes, `START_NODE` for the web's start marker. */
  v: string
  id?: string
  name?: string
  /** `ScriptTask`, `ApprovalTask`, … ; `home` for START_NODE; `…Event` for legacy event nodes. */
  _type?: string
  /** `script`, `approval`, … (the icon comes from here first, as in theeye-web). */
  type?: string
  /** False when the node carried no value object at all. */
  hasValue: boolean
}

export interface RawGraphEdge {
  v: string
  w: string
  /** The event name (v2) or absent (legacy and the START_NODE edge). */
  value?: string
}

export interface WorkflowGraphJson {
  nodes: RawGraphNode[]
  edges: RawGraphEdge[]
}

export interface Workflow {
  id: string
  name: string
  description?: string
  /** 2 = task → task edges labelled with events; absent or 1 = legacy event nodes. */
  version?: number
  start_task_id?: string
  enable?: boolean
  multitasking?: boolean
  tags: string[]
  acl: string[]
  creation_date?: string
  last_update?: string
  /** Null when the document carried no usable graph. */
  graph: WorkflowGraphJson | null
  problems: string[]
}

const optionalString = orUndefined(z.string())

const workflowShape = {
  name: z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
  description: optionalString,
  version: orUndefined(z.coerce.number().check(z.refine(Number.isFinite))),
  start_task_id: optionalString,
  start_task: optionalString,
  enable: z.boolean(),
  multitasking: z.boolean(),
  tags: z.array(z.string()),
  acl: z.array(z.string()),
  creation_date: isoDate,
  last_update: isoDate,
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined)

/** Parses graphlib JSON; items that are not nodes or edges are skipped and counted in `problems`. */
export function parseGraph(raw: unknown, problems: string[]): WorkflowGraphJson | null {
  if (raw === undefined || raw === null) return null
  if (!isRecord(raw)) {
    problems.push(`graph: ${describeValue(raw)} is not a graph`)
    return null
  }
  const nodes: RawGraphNode[] = []
  const edges: RawGraphEdge[] = []
  let badNodes = 0
  let badEdges = 0
  if (Array.isArray(raw.nodes)) {
    for (const n of raw.nodes) {
      const v = isRecord(n) ? (str(n.v) ?? (isRecord(n.value) ? str(n.value.id) : undefined)) : undefined
      if (!isRecord(n) || !v) {
        badNodes++
        continue
      }
      const value = isRecord(n.value) ? n.value : undefined
      nodes.push({
        v,
        id: str(value?.id),
        name: typeof value?.name === 'string' || typeof value?.name === 'number' ? String(value.name) : undefined,
        _type: str(value?._type),
        type: str(value?.type),
        hasValue: !!value,
      })
    }
  } else if (raw.nodes !== undefined) problems.push('graph.nodes: not a list')
  if (Array.isArray(raw.edges)) {
    for (const e of raw.edges) {
      const v = isRecord(e) ? str(e.v) : undefined
      const w = isRecord(e) ? str(e.w) : undefined
      if (!isRecord(e) || !v || !w) {
        badEdges++
        continue
      }
      edges.push({ v, w, value: typeof e.value === 'string' && e.value ? e.value : undefined })
    }
  } else if (raw.edges !== undefined) problems.push('graph.edges: not a list')
  if (badNodes) problems.push(`graph.nodes: ${badNodes} item(s) without an id were skipped`)
  if (badEdges) problems.push(`graph.edges: ${badEdges} item(s) without both ends were skipped`)
  return { nodes, edges }
}

export function parseWorkflow(raw: unknown): Workflow | null {
  if (!isRecord(raw)) return null
  const id = str(raw.id) ?? str(raw._id)
  if (!id) return null
  const problems: string[] = []
  const f = parseFields(workflowShape, raw, problems)
  return {
    id,
    name: f.name?.trim() ? f.name : `(unnamed workflow ${id.slice(-6)})`,
    description: f.description,
    version: f.version,
    start_task_id: f.start_task_id ?? f.start_task,
    enable: f.enable,
    multitasking: f.multitasking,
    tags: f.tags ?? [],
    acl: f.acl ?? [],
    creation_date: f.creation_date,
    last_update: f.last_update,
    graph: parseGraph(raw.graph, problems),
    problems,
  }
}

export interface WorkflowList {
  workflows: Workflow[]
  /** Items that were not workflows at all (no id): counted, never fatal. */
  skipped: number
}

export const workflowListSchema = fromParser((raw): WorkflowList => {
  if (!Array.isArray(raw)) throw new TypeError('expected a list of workflows')
  const workflows: Workflow[] = []
  let skipped = 0
  for (const item of raw) {
    const w = parseWorkflow(item)
    if (w) workflows.push(w)
    else skipped++
  }
  return { workflows, skipped }
})

export const workflowSchema = fromParser((raw) => {
  const w = parseWorkflow(raw)
  if (!w) throw new TypeError('not a workflow')
  return w
})
