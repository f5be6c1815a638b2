import dagre from '@dagrejs/dagre'
import { useId, useMemo } from 'react'
import { Link } from 'react-router'
import { cn } from '@/components/ui/cn'
import { plainText } from '@/lib/text'
import type { GraphEdge, RunMap, StepView, WorkflowGraph } from '../run-graph'
import { taskIcon, taskTypeLabel } from './task-icon'

const NODE_W = 196
const NODE_H = 58
const LOOP_H = 34

interface Placed {
  nodes: Array<{ id: string; x: number; y: number }>
  edges: Array<{ edge: GraphEdge; points: Array<{ x: number; y: number }>; cubic?: boolean; label?: { x: number; y: number } }>
  width: number
  height: number
}

/** Left-to-right layout with dagre (the layout theeye-web uses too). Pure: same graph, same picture. */
function layout(graph: WorkflowGraph): Placed {
  const g = new dagre.graphlib.Graph({ multigraph: false })
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 64, edgesep: 16, marginx: 12, marginy: 12 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const n of graph.nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H })
  // Self-loops (a task that triggers itself) are drawn by hand above their node: dagre's are unreadable.
  for (const e of graph.edges.filter((x) => x.from !== x.to)) {
    const text = edgeText(e)
    g.setEdge(e.from, e.to, { label: text, width: Math.min(160, 10 + text.length * 7), height: 18, labelpos: 'c' })
  }
  dagre.layout(g)
  const info = g.graph()
  const loops = graph.edges.some((e) => e.from === e.to)
  // Room above the top row for the self-loops.
  const top = loops ? LOOP_H + 10 : 0
  const nodes = graph.nodes.map((n) => {
    const p = g.node(n.id)
    return { id: n.id, x: p?.x ?? 0, y: (p?.y ?? 0) + top }
  })
  const at = new Map(nodes.map((n) => [n.id, n]))
  return {
    nodes,
    edges: graph.edges.map((edge) => {
      if (edge.from === edge.to) {
        const n = at.get(edge.from) ?? { x: 0, y: top }
        const y = n.y - NODE_H / 2
        return {
          edge,
          points: [
            { x: n.x + 40, y },
            { x: n.x + 40, y: y - LOOP_H },
            { x: n.x - 40, y: y - LOOP_H },
            { x: n.x - 40, y },
          ],
          cubic: true,
          label: { x: n.x, y: y - LOOP_H + 4 },
        }
      }
      const e = g.edge(edge.from, edge.to) as { points?: Array<{ x: number; y: number }>; x?: number; y?: number } | undefined
      return {
        edge,
        points: (e?.points ?? []).map((p) => ({ x: p.x, y: p.y + top })),
        label: typeof e?.x === 'number' && typeof e?.y === 'number' ? { x: e.x, y: e.y + top } : undefined,
      }
    }),
    width: Math.max(info.width ?? 0, NODE_W + 24),
    height: Math.max(info.height ?? 0, NODE_H + 24) + top,
  }
}

function edgeText(e: GraphEdge): string {
  return e.events.length ? e.events.join(' / ') : '(no event)'
}

function path(points: Array<{ x: number; y: number }>, cubic = false): string {
  if (points.length === 0) return ''
  if (cubic && points.length === 4) {
    const [a, b, c, d] = points as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }, { x: number; y: number }]
    return `M${a.x},${a.y} C${b.x},${b.y} ${c.x},${c.y} ${d.x},${d.y}`
  }
  const [first, ...rest] = points
  if (rest.length === 1) return `M${first!.x},${first!.y} L${rest[0]!.x},${rest[0]!.y}`
  // A smooth curve through the layout's points (quadratic segments between midpoints).
  let d = `M${first!.x},${first!.y}`
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!
    const q = rest[i + 1]!
    const mx = (p.x + q.x) / 2
    const my = (p.y + q.y) / 2
    d += ` Q${p.x},${p.y} ${i === rest.length - 2 ? `${q.x},${q.y}` : `${mx},${my}`}`
  }
  return d
}

const STATUS_STYLE: Record<StepView['status'], { box: string; word: string }> = {
  success: { box: 'fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950', word: 'fill-emerald-800 dark:fill-emerald-200' },
  failure: { box: 'fill-red-50 stroke-red-600 dark:fill-red-950', word: 'fill-red-800 dark:fill-red-200' },
  canceled: { box: 'fill-slate-100 stroke-slate-500 dark:fill-slate-800', word: 'fill-slate-700 dark:fill-slate-300' },
  running: { box: 'fill-indigo-50 stroke-indigo-600 dark:fill-indigo-950', word: 'fill-indigo-800 dark:fill-indigo-200' },
  waiting: { box: 'fill-amber-50 stroke-amber-600 dark:fill-amber-950', word: 'fill-amber-900 dark:fill-amber-200' },
  queued: { box: 'fill-sky-50 stroke-sky-600 dark:fill-sky-950', word: 'fill-sky-900 dark:fill-sky-200' },
  other: { box: 'fill-white stroke-slate-500 dark:fill-slate-900', word: 'fill-slate-700 dark:fill-slate-300' },
  'not-reached': { box: 'fill-white stroke-slate-400 dark:fill-slate-900', word: 'fill-slate-600 dark:fill-slate-400' },
}

const STATUS_MARK: Record<StepView['status'], string> = {
  success: '✓',
  failure: '✕',
  canceled: '⊘',
  running: '▶',
  waiting: '‖',
  queued: '…',
  other: '?',
  'not-reached': '○',
}

export function stepMark(status: StepView['status']): string {
  return STATUS_MARK[status]
}

/** "not reached" plus whether it still can run, as the Steps list and the drawing both say it. */
export function stepWordLong(step: StepView): string {
  if (step.reach === 'never') return 'not reached · will not run'
  if (step.reach === 'may-run') return 'not reached yet'
  return step.jobs.length > 1 ? `${step.word} · ran ${step.jobs.length}×` : step.word
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * The workflow drawn left to right: task nodes with their type icon, name and (for a run) state;
 * edges labelled with their event. With a run: taken edges drawn bold with a tick, edges not taken
 * dashed, nodes that will not run greyed. A node that ran links to its job. The names are DOM text in
 * the drawing; the Steps list (or the text version below) says the same in words.
 */
export function WorkflowGraph({ graph, run, className, label = 'Graph' }: { graph: WorkflowGraph; run?: RunMap; className?: string; label?: string }) {
  const placed = useMemo(() => layout(graph), [graph])
  const steps = useMemo(() => new Map((run?.steps ?? []).map((s) => [s.node.id, s])), [run])
  const taken = useMemo(() => new Map((run?.edges ?? []).map((e) => [e.edge.id, e.taken])), [run])
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  const uid = `wf${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const titleId = `${uid}-title`

  return (
    <section aria-label={label} className={cn('min-w-0 space-y-2', className)}>
      {graph.nodes.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-700 dark:border-slate-600 dark:text-slate-300">
          There is no graph to draw for this workflow.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <svg
            viewBox={`0 0 ${placed.width} ${placed.height}`}
            // Fits the column, never larger than life, never so small the names cannot be read (then it scrolls).
            style={{ width: '100%', maxWidth: placed.width, minWidth: Math.min(placed.width, placed.width * 0.65) }}
            className="block h-auto text-slate-500"
            role="group"
            aria-labelledby={titleId}
          >
            <title id={titleId}>
              {`Workflow graph with ${graph.nodes.length} tasks: ${graph.nodes.map((n) => plainText(n.name, 80)).join(', ')}`}
            </title>
            <defs>
              <marker id={`${uid}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" className="fill-slate-400" />
              </marker>
              <marker id={`${uid}-arrow-taken`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" className="fill-indigo-600 dark:fill-indigo-400" />
              </marker>
            </defs>
            <g aria-hidden="true">
              {placed.edges.map(({ edge, points, cubic, label: at }) => {
                const count = taken.get(edge.id) ?? 0
                const lit = !!run && count > 0
                const dim = !!run && count === 0
                return (
                  <g key={edge.id} data-edge={edge.id} data-taken={lit ? 'true' : undefined}>
                    <path
                      d={path(points, cubic)}
                      fill="none"
                      strokeWidth={lit ? 3 : 1.5}
                      strokeDasharray={dim ? '5 4' : undefined}
                      markerEnd={`url(#${uid}-arrow${lit ? '-taken' : ''})`}
                      className={lit ? 'stroke-indigo-600 dark:stroke-indigo-400' : 'stroke-slate-400'}
                      opacity={dim ? 0.6 : 1}
                    />
                    {at && (
                      <text
                        x={at.x}
                        y={at.y}
                        textAnchor="middle"
                        dominantBaseline="middle"
                        className={cn('stroke-white text-[11px] dark:stroke-slate-900', lit ? 'fill-indigo-800 font-semibold dark:fill-indigo-200' : 'fill-slate-600 dark:fill-slate-400')}
                        paintOrder="stroke"
                        strokeWidth={4}
                      >
                        {(lit ? '✓ ' : '') + clip(edgeText(edge), 22) + (count > 1 ? ` ×${count}` : '')}
                      </text>
                    )}
                  </g>
                )
              })}
            </g>
            {placed.nodes.map((p) => {
              const node = byId.get(p.id)!
              const step = steps.get(p.id)
              const status = step?.status ?? 'other'
              const style = run ? STATUS_STYLE[status] : STATUS_STYLE.other
              const never = step?.reach === 'never'
              const name = plainText(node.name, 120)
              const word = step ? stepWordLong(step) : `${taskTypeLabel(node.type)}${node.isStart ? ' · start' : ''}${node.deleted ? ' · deleted' : ''}`
              const body = (
                <>
                  <rect
                    x={p.x - NODE_W / 2}
                    y={p.y - NODE_H / 2}
                    width={NODE_W}
                    height={NODE_H}
                    rx={8}
                    strokeWidth={step?.latest && run?.active.includes(step) ? 3 : 1.5}
                    strokeDasharray={step && !step.latest ? '5 4' : node.deleted ? '2 3' : undefined}
                    className={style.box}
                  />
                  <text x={p.x - NODE_W / 2 + 12} y={p.y - 6} className="fill-slate-900 text-[13px] font-semibold dark:fill-slate-100">
                    <tspan aria-hidden="true">{taskIcon(node.type)} </tspan>
                    <tspan>{clip(name, 24)}</tspan>
                  </text>
                  <text x={p.x - NODE_W / 2 + 12} y={p.y + 14} className={cn('text-[11px]', style.word)}>
                    {run && step ? `${stepMark(status)} ` : ''}
                    {word}
                  </text>
                  {node.isStart && (
                    <text x={p.x + NODE_W / 2 - 8} y={p.y - NODE_H / 2 + 13} textAnchor="end" className="fill-slate-500 text-[10px] dark:fill-slate-400">
                      start
                    </text>
                  )}
                </>
              )
              return (
                <g key={p.id} data-node={p.id} data-status={run ? status : undefined} opacity={never ? 0.45 : 1}>
                  <title>{`${name} (${taskTypeLabel(node.type)}): ${word}`}</title>
                  {step?.latest ? (
                    <Link to={`/jobs/${step.latest.id}`} aria-label={`${name}: ${word}. Open its job`} className="cursor-pointer focus:outline-none [&:focus-visible>rect]:stroke-[4] [&:focus-visible>rect]:stroke-indigo-700">
                      {body}
                    </Link>
                  ) : (
                    body
                  )}
                </g>
              )
            })}
          </svg>
        </div>
      )}
      <GraphAsText graph={graph} run={run} />
    </section>
  )
}

/** The same information as the drawing, in words (the text alternative; visible on demand). */
function GraphAsText({ graph, run }: { graph: WorkflowGraph; run?: RunMap }) {
  const steps = new Map((run?.steps ?? []).map((s) => [s.node.id, s]))
  const taken = new Map((run?.edges ?? []).map((e) => [e.edge.id, e.taken]))
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  if (graph.nodes.length === 0) return null
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 dark:text-slate-300">The graph as text</summary>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {graph.nodes.map((n) => {
          const out = graph.edges.filter((e) => e.from === n.id)
          const step = steps.get(n.id)
          return (
            <li key={n.id}>
              <span className="font-medium">{plainText(n.name, 120)}</span> ({taskTypeLabel(n.type)}
              {n.isStart ? ', start' : ''}
              {n.deleted ? ', deleted' : ''}){step ? `: ${stepWordLong(step)}` : ''}
              {out.length === 0
                ? '; the path ends here.'
                : `; ${out
                    .map((e) => {
                      const count = taken.get(e.id) ?? 0
                      return `on ${edgeText(e)} → ${plainText(byId.get(e.to)?.name ?? e.to, 80)}${run ? (count > 0 ? ` (taken${count > 1 ? ` ${count}×` : ''})` : ' (not taken)') : ''}`
                    })
                    .join('; ')}.`}
            </li>
          )
        })}
      </ul>
    </details>
  )
}
