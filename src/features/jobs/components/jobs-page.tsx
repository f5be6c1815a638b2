import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import { isFinished } from '@/api/schemas/job'
import { Button } from '@/components/ui/button'
import { useNow } from '@/components/ui/time'
import { useDocumentTitle } from '@/lib/use-document-title'
import { isAdminCredential, useSession } from '@/lib/session'
import { QueryWait } from '@/lib/query-wait'
import { focusAfter } from '@/lib/focus-after'
import { COLUMNS_KEY, fitColumns, readColumnChoice, sameFit, type ColumnChoice } from '../columns'
import { filterSummary } from '../filter-summary'
import { mergeLoaded, searchJobs, sortJobs, stateCounts, taskInsight, taskNameIndex } from '../job-list-model'
import { ALL_PAGE_SIZE, HEAD_PAGE_SIZE, jobPagesKeys, jobsListQueries, liveHeadOptions, MORE_PAGE_SIZE, setNextPageSize } from '../queries'
import { useDisplayNames } from '../use-display-names'
import { useElementWidth } from '../use-element-width'
import { hasAnyFilter, hasServerFilters, serverQuery, sortParam, useJobFilters } from '../use-job-filters'
import { useListSelection } from '../use-list-selection'
import { ClearHistoryButton } from './clear-history'
import { ColumnChooser } from './column-chooser'
import { EmptyState } from './empty-state'
import { JobFiltersBar } from './job-filters'
import { JobsTable } from './jobs-table'
import { LiveRefreshControl, RefreshFailedBanner } from './live-refresh'
import { MalformedNote } from './malformed-note'
import { ShortcutsDialog } from '@/components/ui/shortcuts-dialog'
import { StateCounts } from './state-counts'
import { TaskInsightPanel } from './task-insight'
import { taskRunPath } from '@/lib/links'

const SHORTCUTS = [
  ['/', 'Focus the search box'],
  ['j', 'Select the next job'],
  ['k', 'Select the previous job'],
  ['Enter', 'Open the selected job'],
  ['?', 'Show this help'],
] as const

export interface JobsPageProps {
  /** Ids of runaway jobs (from the runaway feature), marked in the table. */
  runawayIds?: Set<string>
}

/**
 * /jobs: filters in the URL, server-side `where[...]` filtering, cursor paging, a live first page
 * merged over older pages, client-side text search and sort over what is loaded.
 */
export function JobsPage({ runawayIds }: JobsPageProps) {
  useDocumentTitle('Jobs')
  const { config, profile } = useSession()
  const qc = useQueryClient()
  const location = useLocation()
  const { filters, update, clear } = useJobFilters()
  const query = useMemo(() => serverQuery(filters), [filters])

  /* ---- data ---- */
  const tasksQuery = useQuery(jobsListQueries.tasks())
  const pages = useInfiniteQuery(jobsListQueries.pages(query))
  const [intervalMs, setIntervalMs] = useState(config.refreshIntervalMs)
  // The head (first page) is what refreshes; it starts once the first page is in.
  const head = useQuery({ ...liveHeadOptions(query, intervalMs), enabled: pages.isSuccess })

  const loaded = useMemo(
    () => mergeLoaded(head.data, pages.data?.pages ?? [], HEAD_PAGE_SIZE),
    [head.data, pages.data],
  )
  const taskNames = useMemo(() => taskNameIndex(tasksQuery.data), [tasksQuery.data])

  /* ---- client-side narrowing and sort: deferred, so typing and clicking never wait for 10,000 rows ---- */
  const deferredQ = useDeferredValue(filters.q)
  const deferredSort = useDeferredValue(filters.sort)
  const anyRunning = loaded.jobs.some((j) => !isFinished(j.lifecycle))
  // Sorting by duration depends on the clock: re-sort every 5 s, not every tick.
  const sortNow = useNow(5000, deferredSort.key === 'duration' && anyRunning)
  const me = profile?.id ?? null
  const names = useDisplayNames(loaded.jobs, taskNames, me)
  const shown = useMemo(() => {
    const matched = searchJobs(loaded.jobs, deferredQ, names)
    const isDefault = deferredSort.key === 'created' && deferredSort.dir === 'desc'
    // The merged list is already newest first (server order).
    return isDefault ? matched : sortJobs(matched, deferredSort, { names, now: sortNow })
  }, [loaded.jobs, deferredQ, deferredSort, names, sortNow])
  const counts = useMemo(() => stateCounts(shown), [shown])

  /* ---- paging ---- */
  const [loadingAll, setLoadingAll] = useState(false)
  const stopAll = useRef(false)
  // The paging footer. Its buttons give way to one another ("Load all" to "Stop loading", and all of
  // them to the status line once everything is loaded): the keyboard follows (focusAfter), never to
  // the top of the page.
  const pagingStatusRef = useRef<HTMLSpanElement>(null)
  const loadMoreRef = useRef<HTMLButtonElement>(null)
  const stopLoadingRef = useRef<HTMLButtonElement>(null)
  const loadMore = (from: Element) => {
    void pages.fetchNextPage().then((result) =>
      // The last page removes the button: focus goes to the line saying everything is loaded.
      focusAfter(from, () => (result.hasNextPage ? loadMoreRef.current : pagingStatusRef.current)),
    )
  }
  const loadAll = async () => {
    stopAll.current = false
    // The button pressed ("Load all", or the empty state's "Load all and search again") gives way to "Stop loading".
    focusAfter(document.activeElement, () => stopLoadingRef.current)
    setLoadingAll(true)
    setNextPageSize(query, ALL_PAGE_SIZE)
    try {
      let result = await pages.fetchNextPage()
      while (!stopAll.current && result.hasNextPage && !result.isError) result = await pages.fetchNextPage()
    } finally {
      setNextPageSize(query, MORE_PAGE_SIZE)
      // "Stop loading" goes: to "Load more" when older jobs are left (stopped), else to the status line.
      focusAfter(stopLoadingRef.current, () => (stopLoadingRef.current ? null : (loadMoreRef.current ?? pagingStatusRef.current)))
      setLoadingAll(false)
    }
  }
  const cancelLoadAll = () => {
    stopAll.current = true
    // Keeps the pages already loaded; drops the one in flight.
    void qc.cancelQueries({ queryKey: jobPagesKeys.pages(query) })
  }
  // A filter change ends a running "Load all" (it belongs to the old filter).
  useEffect(() => () => void (stopAll.current = true), [query])

  /* ---- selection and keyboard ---- */
  const [helpOpen, setHelpOpen] = useState(false)
  // Narrow screens fold the filters away unless some are set (a shared link with filters shows them).
  const [filtersOpen, setFiltersOpen] = useState(() => hasAnyFilter(filters))
  const searchRef = useRef<HTMLInputElement>(null)
  const selection = useListSelection({
    rows: shown,
    storageKey: `jobs-selected:${location.key}`,
    onSearch: (flush) => {
      // A folded panel (phone) hides the box: unfold it first, or focus goes nowhere.
      flush(() => setFiltersOpen(true))
      searchRef.current?.focus()
    },
    onHelp: () => setHelpOpen(true),
  })

  /* ---- columns that fit ---- */
  const scrollRef = useRef<HTMLDivElement>(null)
  // "Clear filters" (the bar's, which becomes disabled, or the empty table's, which goes): the
  // keyboard goes on to the search box, or to the table when the folded panel (phone) hides the box.
  const clearFilters = () => {
    const from = document.activeElement
    clear()
    focusAfter(from, () => (searchRef.current?.checkVisibility?.() === false ? scrollRef.current : searchRef.current))
  }
  const [columnChoice, setColumnChoice] = useState(readColumnChoice)
  // The columns that fit the table's width; measuring it right after the first render (which assumed a
  // width) renders nothing again when the assumed columns are the ones that fit.
  const fitTo = useCallback((width: number) => fitColumns(width, columnChoice), [columnChoice])
  const fit = useElementWidth(scrollRef, fitTo, sameFit)
  const chooseColumns = (choice: ColumnChoice) => {
    setColumnChoice(choice)
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(choice))
  }

  /* ---- per-task insight and clear-history scope ---- */
  const oneTask = filters.task.length === 1 ? filters.task[0]! : null
  const insightNow = useNow(60_000, oneTask !== null)
  const insight = useMemo(() => (oneTask ? taskInsight(loaded.jobs, insightNow) : null), [oneTask, loaded.jobs, insightNow])
  const currentScope = () => ({
    taskIds: filters.task,
    taskNames: filters.task.map((id) => taskNames.get(id) ?? id),
    loadedFinished: loaded.jobs.filter((j) => isFinished(j.lifecycle) && (filters.task.length === 0 || (j.task_id && filters.task.includes(j.task_id)))).length,
  })

  /* ---- live status ---- */
  const now = useNow(1000)
  const updatedAt = Math.max(head.dataUpdatedAt, pages.data ? pages.dataUpdatedAt : 0)
  const refreshFailed = (head.isError || pages.isRefetchError) && loaded.jobs.length + loaded.malformed.length > 0
  const initialError = pages.isError && !pages.data ? pages.error : null

  const filtered = hasAnyFilter(filters)
  const resetKey = JSON.stringify([query, deferredQ, sortParam(deferredSort) ?? ''])

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2">
        <h1 className="text-xl font-semibold">Jobs</h1>
        {/* min-h: "Clear finished history" leaves when the profile says the user is no admin; nothing below moves. */}
        <div className="flex min-h-9 flex-wrap items-center gap-3">
          <LiveRefreshControl
            intervalMs={intervalMs}
            defaultMs={config.refreshIntervalMs}
            onChange={setIntervalMs}
            updatedAt={updatedAt}
            now={now}
            fetching={head.isFetching}
          />
          <ClearHistoryButton currentScope={currentScope} />
          {/* No keyboard on a phone: the help button only takes room there. */}
          <Button variant="ghost" size="sm" className="max-sm:hidden" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            Keyboard shortcuts
          </Button>
        </div>
      </div>

      <JobFiltersBar
        filters={filters}
        tasks={tasksQuery.data}
        tasksError={tasksQuery.error}
        onChange={update}
        onClear={clearFilters}
        active={filtered}
        searchRef={searchRef}
        open={filtersOpen}
        onOpenChange={setFiltersOpen}
      />

      {refreshFailed && (
        <RefreshFailedBanner
          updatedAt={updatedAt}
          error={head.error ?? pages.error}
          retrying={head.isFetching}
          onRetry={() => void head.refetch()}
        />
      )}

      {/* min-h: the counts line is there before the first page answers, so the rows do not move when it does. */}
      <div className="flex min-h-5 flex-wrap items-center justify-between gap-2">
        <StateCounts
          counts={counts}
          total={shown.length}
          selected={filters.state}
          onToggle={(state, add) => {
            const on = filters.state.includes(state)
            if (add) update({ state: on ? filters.state.filter((s) => s !== state) : [...filters.state, state] })
            else update({ state: on && filters.state.length === 1 ? [] : [state] })
          }}
        />
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {filters.q.trim() && pages.data && (
            <p className="text-sm text-slate-600 dark:text-slate-300">
              Text search narrows the {loaded.jobs.length} loaded jobs
              {pages.hasNextPage ? '; load more to search older ones.' : '.'}
            </p>
          )}
          {!fit.compact && <ColumnChooser choice={columnChoice} onChange={chooseColumns} noRoom={fit.noRoom} />}
        </div>
      </div>

      {oneTask && insight && <TaskInsightPanel taskName={taskNames.get(oneTask) ?? oneTask} insight={insight} loaded={loaded.jobs.length} runTo={taskRunPath(oneTask)} states={filters.state} />}

      <MalformedNote items={loaded.malformed} />

      {pages.isPending && !initialError && <QueryWait query={pages} what="the server to send the jobs" />}

      <JobsTable
        jobs={shown}
        isLoading={pages.isPending && !initialError}
        error={initialError}
        onRetry={() => void pages.refetch()}
        empty={
          <EmptyState
            filtered={filtered && (hasServerFilters(filters) || loaded.jobs.length > 0)}
            onClear={clearFilters}
            sharedOnlyAs={isAdminCredential(profile?.credential) === false ? profile?.credential : undefined}
            why={filterSummary(filters, taskNames, loaded.jobs.length, !!pages.hasNextPage)}
            onLoadAll={filters.q.trim() && pages.hasNextPage && !loadingAll ? () => void loadAll() : undefined}
          />
        }
        sort={filters.sort}
        onSort={(sort) => update({ sort })}
        columns={fit.shown}
        compact={fit.compact}
        names={names}
        runawayIds={runawayIds}
        selectedId={selection.selectedId}
        onOpen={selection.open}
        onRemember={selection.remember}
        focusToken={selection.focusToken}
        resetKey={resetKey}
        scrollKey={`jobs-scroll:${location.key}`}
        scrollRef={scrollRef}
      />

      {pages.data && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span ref={pagingStatusRef} tabIndex={-1} className="text-slate-600 dark:text-slate-300" aria-live="polite">
            {pages.hasNextPage
              ? `${loaded.jobs.length} jobs loaded, newest first; older jobs not loaded yet.`
              : `All ${loaded.jobs.length} matching jobs loaded.`}
          </span>
          {pages.hasNextPage && !loadingAll && (
            <>
              <Button ref={loadMoreRef} size="sm" onClick={(e) => loadMore(e.currentTarget)} pending={pages.isFetchingNextPage}>
                Load more
              </Button>
              <Button size="sm" variant="ghost" onClick={() => void loadAll()} disabled={pages.isFetchingNextPage}>
                Load all
              </Button>
            </>
          )}
          {loadingAll && (
            <Button ref={stopLoadingRef} size="sm" variant="secondary" onClick={cancelLoadAll}>
              Stop loading
            </Button>
          )}
          {pages.isFetchNextPageError && (
            <span role="alert" className="text-red-700 dark:text-red-300">
              Could not load older jobs: {pages.error instanceof Error ? pages.error.message : 'unknown error'}.
            </span>
          )}
        </div>
      )}

      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={SHORTCUTS} />
    </div>
  )
}
