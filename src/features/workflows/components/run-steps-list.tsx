import { Link } from 'react-router'
import { cn } from '@/components/ui/cn'
import { jobPath } from '@/lib/links'
import { plainText } from '@/lib/text'
import type { RunMap, StepView } from '../run-graph'
import { taskIcon, taskTypeLabel } from './task-icon'
import { stepMark, stepWordLong } from './workflow-graph'

const STATUS_TEXT: Record<StepView['status'], string> = {
  success: 'text-emerald-800 dark:text-emerald-300',
  failure: 'text-red-800 dark:text-red-300',
  canceled: 'text-slate-700 dark:text-slate-300',
  running: 'text-indigo-800 dark:text-indigo-300',
  waiting: 'text-amber-900 dark:text-amber-300',
  queued: 'text-sky-900 dark:text-sky-300',
  other: 'text-slate-700 dark:text-slate-300',
  'not-reached': 'text-slate-600 dark:text-slate-400',
}

function StepItem({ step }: { step: StepView }) {
  const name = plainText(step.node.name, 120)
  const earlier = step.jobs.slice(0, -1)
  return (
    <li className={cn('flex flex-wrap items-baseline gap-x-2 gap-y-0.5 py-1 text-sm', step.reach === 'never' && 'text-slate-600 dark:text-slate-400')} data-step={step.node.id}>
      <span aria-hidden="true" className="w-5 text-center">
        {taskIcon(step.node.type)}
      </span>
      {step.latest ? (
        <Link to={jobPath(step.latest.id)} className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {name}
        </Link>
      ) : (
        <span className="font-medium">{name}</span>
      )}
      <span className="sr-only">({taskTypeLabel(step.node.type)})</span>
      <span className={cn('font-medium', STATUS_TEXT[step.status])}>
        <span aria-hidden="true">{stepMark(step.status)} </span>
        {stepWordLong(step)}
      </span>
      {step.node.deleted && <span className="text-xs text-amber-900 dark:text-amber-200">(task deleted)</span>}
      {earlier.length > 0 && (
        <span className="text-xs text-slate-600 dark:text-slate-400">
          earlier passes:{' '}
          {earlier.map((j, i) => (
            <span key={j.id}>
              {i > 0 && ', '}
              <Link to={jobPath(j.id)} className="underline" aria-label={`${name}, pass ${i + 1}`}>
                {i + 1}
              </Link>
            </span>
          ))}
        </span>
      )}
    </li>
  )
}

/** The run's steps in words: one item per task node, then steps whose task is not in the graph. */
export function StepsList({ map }: { map: RunMap }) {
  return (
    <div className="min-w-0 space-y-3">
      <div>
        <h3 className="text-base font-semibold">Steps</h3>
        {map.steps.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">The workflow’s graph has no task to list.</p>
        ) : (
          <ol aria-label="Steps" className="divide-y divide-slate-100 dark:divide-slate-800">
            {map.steps.map((s) => (
              <StepItem key={s.node.id} step={s} />
            ))}
          </ol>
        )}
      </div>
      {map.outside.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Steps not in the graph</h3>
          <ol aria-label="Ran outside the graph" className="divide-y divide-slate-100 dark:divide-slate-800">
            {map.outside.map((s) => (
              <StepItem key={s.node.id} step={s} />
            ))}
          </ol>
        </div>
      )}
    </div>
  )
}
