import type { Job } from '@/api/schemas/job'
import { readJobListItems, readJobLite, type LiteJob } from '@/api/schemas/job-lite'
import { isRunning, jobDisplayName } from '@/api/schemas/lifecycle'
import { BADGE_CLASS, TONES } from '@/components/ui/badge-tones'
import { buttonClass } from '@/components/ui/button-look'
import { controlClass } from '@/components/ui/control-look'
import { jobStatus, jobStatusTitle, lifecycleLook, stateLabel, stateLook, type BadgeLook } from '@/components/ui/status-meta'
import { formatDuration, formatRelative } from '@/components/ui/time-format'
import { h, type Child } from '@/lib/dom'
import { jobPath } from '@/lib/links'
import { jobDurationMs } from '@/lib/stats'
import { plainText } from '@/lib/text'
import { COMPACT_BELOW, fitColumns, readColumnChoice, sameFit, type ColumnDef, type ColumnFit } from './columns'
import { hostLabel, ownerLabel, stateCounts, taskLabel, type DisplayNames } from './job-list-model'
import { intervalChoices, intervalLabel } from './refresh-interval'

/*
 * The jobs list's first paint, before React has loaded (src/boot.ts, for a plain /jobs): the page as
 * JobsPage draws its first render with the first page of jobs in hand — the title line, the folded
 * or inert filters, the state counts and the rows that fit — so the rows show as soon as the server
 * answers. Same classes as the React components (shared looks where they exist), same words (the
 * same model functions); React's first commit replaces it in one frame and nothing moves
 * (e2e/first-paint.spec.ts measures it). Every control here is inert; the job links are real links.
 */

const ROW_HEIGHT = 40
const COMPACT_ROW_HEIGHT = 58
const HEADER_HEIGHT = 36
const FIELD_BOX =
  'flex min-h-9 flex-wrap items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus-within:outline-2 focus-within:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800'
const FIELD_LABEL = 'text-xs font-semibold text-slate-600 dark:text-slate-300'
const FIELD_INPUT = 'h-7 min-w-16 flex-1 bg-transparent text-sm outline-none placeholder:text-slate-500 dark:placeholder:text-slate-400'

/** The Badge component's markup. */
function badge({ tone, icon, label, title }: BadgeLook): HTMLElement {
  return h('span', { class: `${BADGE_CLASS} ${TONES[tone]}`, title }, h('span', { 'aria-hidden': 'true' }, icon), h('span', { class: 'truncate' }, label))
}

/** The Time component's markup, without its tooltip (the exact time in the browser's locale: Intl's set-up would hold the first paint up by 15–30 ms; React's first commit adds it). */
function relativeTime(date: string | null | undefined, now: number): HTMLElement {
  if (!date || !Number.isFinite(Date.parse(date))) return h('span', null, '—')
  return h('time', { datetime: new Date(date).toISOString() }, formatRelative(date, now))
}

function duration(job: LiteJob, now: number): Child[] {
  const ms = jobDurationMs(job, now)
  return [formatDuration(ms), isRunning(job.lifecycle) && ms !== null && h('span', { class: 'sr-only' }, ' so far')]
}

function titleLine(refreshMs: number): HTMLElement {
  return h(
    'div',
    { class: 'flex flex-wrap items-center justify-between gap-x-3 gap-y-2' },
    h('h1', { class: 'text-xl font-semibold' }, 'Jobs'),
    h(
      'div',
      { class: 'flex min-h-9 flex-wrap items-center gap-3', inert: true },
      h(
        'div',
        { class: 'flex flex-wrap items-center gap-2 text-sm' },
        h('span', { class: 'font-medium text-slate-700 dark:text-slate-200' }, 'Live refresh'),
        h(
          'select',
          { class: controlClass('sm', 'w-auto'), 'aria-label': 'Live refresh' },
          ...intervalChoices(refreshMs).map((ms) => h('option', { value: ms, selected: ms === refreshMs }, intervalLabel(ms))),
        ),
        h('span', { class: 'text-slate-600 tabular-nums dark:text-slate-300' }, 'Updated just now'),
      ),
      h('button', { type: 'button', class: buttonClass('danger', 'sm') }, 'Clear finished history'),
      h('button', { type: 'button', class: buttonClass('ghost', 'sm', 'max-sm:hidden') }, 'Keyboard shortcuts'),
    ),
  )
}

function filterBox(label: string, placeholder: string, width: string): HTMLElement {
  return h('div', { class: `relative ${width}` }, h('div', { class: FIELD_BOX }, h('span', { class: FIELD_LABEL }, label), h('input', { class: FIELD_INPUT, placeholder, 'aria-label': label })))
}

function filtersBar(): HTMLElement {
  return h(
    'div',
    { inert: true },
    h('button', { type: 'button', class: buttonClass('secondary', 'md', 'w-full justify-between sm:hidden') }, h('span', null, 'Filters'), h('span', { 'aria-hidden': 'true' }, '▾')),
    h(
      'div',
      { class: 'hidden flex-col gap-2 sm:mt-0 sm:flex' },
      h(
        'div',
        { class: 'flex flex-wrap items-start gap-2' },
        h(
          'div',
          { class: 'w-full sm:w-48' },
          h('input', { type: 'search', 'aria-label': 'Search', placeholder: 'Search jobs…  ( / )', class: controlClass('md', 'px-2 placeholder:text-slate-500 dark:placeholder:text-slate-400') }),
        ),
        filterBox('Task', 'Any task', 'w-56'),
        filterBox('State', 'Any', 'w-40'),
        filterBox('Lifecycle', 'Any', 'w-44'),
        h(
          'div',
          {
            class:
              'flex h-9 items-center gap-1 rounded-md border border-slate-300 bg-white pl-2 text-sm focus-within:outline-2 focus-within:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800',
          },
          h('span', { class: FIELD_LABEL }, 'Created'),
          h('select', { class: 'h-full w-32 rounded-md bg-transparent pr-1 text-sm outline-none dark:bg-slate-800', 'aria-label': 'Created' }, h('option', null, 'Any time')),
        ),
        h('button', { type: 'button', class: buttonClass('ghost') }, 'More filters', h('span', { 'aria-hidden': 'true' }, '▾')),
        h('button', { type: 'button', class: buttonClass('ghost'), disabled: true }, 'Clear filters'),
      ),
    ),
  )
}

const COUNTS_LINE_CLASS = 'flex min-h-5 flex-wrap items-center justify-between gap-2'

function countsLine(jobs: ReadonlyArray<Pick<Job, 'state'>>, compact: boolean): HTMLElement {
  const counts = stateCounts(jobs)
  return h(
    'div',
    { class: COUNTS_LINE_CLASS },
    h(
      'section',
      { 'aria-label': 'State counts of loaded jobs', class: 'flex flex-wrap items-center gap-2 text-sm', inert: true },
      h('span', { class: 'text-slate-600 dark:text-slate-300' }, `Of loaded (${jobs.length}):`),
      h(
        'ul',
        { class: 'flex flex-wrap gap-1.5' },
        ...counts.map((c) => {
          const inner: Child[] = [badge(stateLook(c.state === 'no state' ? undefined : c.state)), h('span', { class: 'tabular-nums' }, c.count)]
          return h(
            'li',
            null,
            c.state === 'no state'
              ? h('span', { class: 'inline-flex items-center gap-1' }, ...inner)
              : h('button', { type: 'button', class: 'inline-flex items-center gap-1 rounded-full py-0.5 pr-2', 'aria-label': `${stateLabel(c.state)}, ${c.count} ${c.count === 1 ? 'job' : 'jobs'}` }, ...inner),
          )
        }),
      ),
    ),
    h(
      'div',
      { class: 'ml-auto flex flex-wrap items-center gap-2', inert: true },
      !compact && h('div', { class: 'relative' }, h('button', { type: 'button', class: buttonClass('ghost', 'sm') }, 'Columns', h('span', { 'aria-hidden': 'true' }, '▾'))),
    ),
  )
}

function row(job: LiteJob, index: number, fit: ColumnFit, names: DisplayNames, now: number): HTMLElement {
  const name = plainText(jobDisplayName(job), 200)
  const task = plainText(taskLabel(job, names.tasks), 120)
  const cell = (c: ColumnDef): HTMLElement => {
    switch (c.key) {
      case 'status': {
        const s = jobStatus(job)
        return h('td', { class: 'px-2' }, badge({ ...s, title: jobStatusTitle(job) }))
      }
      case 'name':
        return h(
          'td',
          { class: 'min-w-0 px-2' },
          h(
            'span',
            { class: 'flex min-w-0 items-center gap-1.5' },
            h(
              'a',
              {
                href: jobPath(job.id),
                'data-job-link': job.id,
                title: name,
                class:
                  'truncate font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500 dark:text-indigo-300',
              },
              name,
            ),
          ),
          fit.compact &&
            h(
              'span',
              { class: 'mt-0.5 block truncate text-xs text-slate-600 dark:text-slate-300' },
              `${task} · `,
              relativeTime(job.creation_date, now),
              ' · ',
              ...duration(job, now),
            ),
        )
      case 'task':
        return h('td', { class: 'truncate px-2', title: job.task_id ? `${task} (${job.task_id})` : null }, task)
      case 'created':
        return h('td', { class: 'truncate px-2' }, relativeTime(job.creation_date, now))
      case 'duration':
        return h('td', { class: 'truncate px-2 tabular-nums' }, ...duration(job, now))
      case 'owner':
        return h('td', { class: 'truncate px-2', title: job.user_id ? `user id ${job.user_id}` : null }, ownerLabel(job.user_id, names))
      case 'host':
        return h('td', { class: 'truncate px-2', title: job.host_id ? `host id ${job.host_id}` : null }, hostLabel(job.host_id, names))
      case 'lifecycle':
        return h('td', { class: 'px-2' }, badge(lifecycleLook(job.lifecycle)))
      case 'type':
        return h('td', { class: 'truncate px-2 text-slate-600 dark:text-slate-300' }, plainText(job._type, 40))
      case 'origin':
        return h('td', { class: 'truncate px-2 text-slate-600 dark:text-slate-300' }, job.origin ? plainText(job.origin, 40) : '—')
    }
  }
  return h(
    'tr',
    {
      'aria-rowindex': index + 2,
      'aria-selected': 'false',
      style: `height: ${fit.compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT}px`,
      class: 'cursor-pointer border-b border-slate-100 text-slate-800 dark:border-slate-800 dark:text-slate-100',
    },
    ...fit.shown.map(cell),
  )
}

function tableHead(fit: ColumnFit): [HTMLElement, HTMLElement] {
  const colgroup = h('colgroup', null, ...fit.shown.map((c) => h('col', { style: c.width ? `width: ${fit.compact && c.key === 'status' ? 116 : c.width}px` : null })))
  const head = h(
    'thead',
    {
      class:
        'sticky top-0 z-10 bg-slate-50 text-left text-xs font-semibold text-slate-700 uppercase shadow-[0_1px_0_0] shadow-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:shadow-slate-700',
    },
    h(
      'tr',
      { 'aria-rowindex': 1, style: `height: ${HEADER_HEIGHT}px` },
      ...fit.shown.map((c) => {
        const active = c.sort === 'created'
        return h(
          'th',
          { scope: 'col', 'aria-sort': active ? 'descending' : 'none', class: 'truncate px-2 py-1.5' },
          h(
            'button',
            { type: 'button', class: 'inline-flex max-w-full items-center gap-1 rounded uppercase', inert: true },
            h('span', { class: 'truncate' }, fit.compact && c.key === 'name' ? 'Job' : c.label),
            h('span', { 'aria-hidden': 'true', class: active ? 'text-[10px]' : 'text-[10px] opacity-30' }, active ? '▼' : '↕'),
          ),
        )
      }),
    ),
  )
  return [colgroup, head]
}

/** The jobs page's first paint, laid out before the answer is in and filled once it is. */
export interface JobsFirstView {
  /**
   * Puts the first page of jobs (the server's answer as it came) into the prepared page; false when
   * there is nothing to paint that React would draw the same way (no jobs, an item that is no job).
   */
  fill(raw: unknown, now: number): boolean
}

/**
 * The jobs page as JobsPage draws it before its rows — the title line, the filters, the table's header —
 * put into `container` (already in the document; the caller keeps it hidden until filled), and laid out at once: the style and layout of
 * everything but the data (and the page's first-layout costs: fonts, caches) is done while the first
 * answer is still on its way, and filling in the rows and counts then costs only theirs.
 */
export function prepareJobsFirstView(container: HTMLElement, { refreshMs, shell }: { refreshMs: number; shell: (page: Node) => HTMLElement }): JobsFirstView {
  const choice = readColumnChoice()
  const region = h('div', {
    role: 'region',
    'aria-label': 'Jobs table',
    tabindex: -1,
    class: 'relative max-h-[calc(100dvh-13.5rem)] min-h-64 overflow-auto rounded-md border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900',
  })
  const table = h('table', { class: 'w-full table-fixed border-collapse text-sm' })
  // Stands in for rows that overflow the region (the usual first page): its scrollbar takes its share of the width.
  const overflow = h('div', { style: 'height: 200vh' })
  region.append(table, overflow)
  // The counts line's box, empty until the counts are in (the same min-height).
  let counts: HTMLElement = h('div', { class: COUNTS_LINE_CLASS })
  const page = h('div', { class: 'flex flex-col gap-3' }, titleLine(refreshMs), filtersBar(), counts, region)
  container.replaceChildren(shell(page))
  // The rows that show: as many as the region's height (as its CSS makes it: 100dvh - 13.5rem, at least
  // 16rem) holds under its header, and one more, in part or just past its edge, so that the rows overflow
  // it as the app's do (its scrollbar takes the same share of the width). The rest (the first render's
  // overscan) is below the region's edge until it scrolls, and comes with React.
  const rowCount = (f: ColumnFit) => Math.floor((Math.max(256, window.innerHeight - 216) - HEADER_HEIGHT) / (f.compact ? COMPACT_ROW_HEIGHT : ROW_HEIGHT)) + 1
  // The columns that fit the region's width, as JobsPage measures it before its first paint (this lays the page out).
  let fit = fitColumns(region.clientWidth, choice)
  const [colgroup, head] = tableHead(fit)
  table.replaceChildren(colgroup, head)
  return {
    fill(raw, now) {
      // What JobsPage lists from this page: each job once (or null: an item that is no job gets a note above the table, not drawn here).
      const items = readJobListItems(raw)
      if (!items || items.length === 0) return false
      const states = items.map((i) => ({ state: typeof i.state === 'string' ? i.state : undefined }))
      const names: DisplayNames = { tasks: new Map(), hosts: new Map(), owners: new Map(), me: null }
      const jobs = items.slice(0, Math.max(rowCount(fitColumns(COMPACT_BELOW - 1, {})), rowCount(fit))).flatMap((item) => readJobLite(item) ?? [])
      const body = (f: ColumnFit) => h('tbody', null, ...jobs.slice(0, rowCount(f)).map((job, i) => row(job, i, f, names, now)))
      const showCounts = (compact: boolean) => {
        const line = countsLine(states, compact)
        counts.replaceWith(line)
        counts = line
      }
      table.setAttribute('aria-rowcount', String(items.length + 1))
      showCounts(fit.compact)
      table.append(body(fit))
      // Few rows may not overflow the region after all (no scrollbar): measured again then, as JobsPage would.
      overflow.remove()
      if (items.length <= rowCount(fit)) {
        const measured = fitColumns(region.clientWidth, choice)
        if (!sameFit(fit, measured)) {
          if (measured.compact !== fit.compact) showCounts(measured.compact)
          fit = measured
          table.replaceChildren(...tableHead(fit), body(fit))
        }
      }
      return true
    },
  }
}
