import type { LiteJob } from '@/api/schemas/job-lite'
import { isFinished, isRunning, jobDisplayName } from '@/api/schemas/lifecycle'
import { jobStatus } from '@/components/ui/status-meta'
import { formatRelative } from '@/components/ui/time-format'
import { h } from '@/lib/dom'
import { plainText } from '@/lib/text'
import { VERDICT_CLASS, VERDICT_ICON_CLASS, VERDICT_LINE_CLASS, VERDICT_REASON_CLASS, VERDICT_TICKING_CLASS, VERDICT_TICKING_LINE_CLASS, VERDICT_TONE, verdictWords } from './verdict-text'

/** JobExpectation's first render, painted: what the route says about a job in progress (nothing: null). */
export type FirstViewExpectation = (job: LiteJob, now: number) => HTMLElement | null

/*
 * The job page's first paint, before React has loaded (src/boot.ts): the breadcrumb, the verdict and
 * the job's name, as JobDetail draws them on its first render with the job in hand, so the heading shows
 * as soon as the server answers. What follows (summary, actions, lifecycle, output) comes with React,
 * below the heading; React's first commit replaces this in one frame and nothing above moves
 * (e2e/first-paint.spec.ts measures it).
 */
export function jobDetailFirstView(job: LiteJob, now: number, expectation?: FirstViewExpectation): HTMLElement {
  const status = jobStatus({ state: job.state, lifecycle: job.lifecycle })
  const endedAt = isFinished(job.lifecycle) ? job.last_update : undefined
  const words = verdictWords(job, job.lifecycle, now)
  return h(
    'div',
    { class: 'space-y-5' },
    h(
      'nav',
      { 'aria-label': 'Breadcrumb', class: 'text-sm' },
      h('a', { href: '/jobs', class: 'text-indigo-700 underline dark:text-indigo-300' }, 'Jobs'),
      h('span', { 'aria-hidden': 'true' }, ' / '),
      h('span', { class: 'text-slate-600 dark:text-slate-400' }, job.id),
    ),
    h(
      'header',
      { class: 'space-y-3' },
      h(
        'section',
        { 'aria-label': 'Verdict', class: `${VERDICT_CLASS} ${VERDICT_TONE[status.tone] ?? ''}` },
        h(
          'p',
          { class: words.ticking === undefined ? VERDICT_LINE_CLASS : VERDICT_TICKING_LINE_CLASS },
          h('span', { 'aria-hidden': 'true', class: VERDICT_ICON_CLASS }, status.icon),
          h(
            'span',
            null,
            h('span', { class: 'sr-only' }, `Status: ${status.label}. `),
            words.before,
            words.ticking !== undefined && h('span', { class: VERDICT_TICKING_CLASS }, words.ticking),
            words.reason && h('span', { class: 'sr-only' }, ' — '),
            words.reason && h('span', { class: VERDICT_REASON_CLASS }, words.reason),
          ),
        ),
        // What the route adds to the verdict of a job in progress (JobVerdict's Expectation), as on its first render.
        isRunning(job.lifecycle) && expectation?.(job, now),
        endedAt &&
          Number.isFinite(Date.parse(endedAt)) &&
          // No tooltip (Intl's set-up would hold the first paint up): React's first commit adds it.
          h('p', { class: 'text-sm' }, 'finished ', h('time', { datetime: new Date(endedAt).toISOString() }, formatRelative(endedAt, now))),
      ),
      h('div', { class: 'flex flex-wrap items-center gap-3' }, h('h1', { class: 'min-w-0 text-2xl font-semibold break-words' }, plainText(jobDisplayName(job), 300))),
    ),
  )
}
