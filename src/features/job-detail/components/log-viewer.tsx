import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useDeferredValue, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { Input } from '@/components/ui/field'
import { useToast } from '@/components/ui/toast'
import { lineText, needsParse, parseLine, prepareLog, stripAnsi, styleToCss, TERMINAL_BG, TERMINAL_FG, type PreparedLog, type SgrState } from '../ansi'

/** Above this many lines only the visible lines are in the DOM (a 2 MB log has tens of thousands). */
export const VIRTUALIZE_ABOVE_LINES = 1500
/** A single line longer than this is cut on screen (it stays whole in Copy/Download). */
const MAX_LINE_CHARS = 4000
const MAX_MATCHES = 50_000
const LINE_HEIGHT = 20

interface Match {
  line: number
  start: number
  end: number
}

function findMatches(log: PreparedLog, query: string): { matches: Match[]; capped: boolean } {
  if (!query) return { matches: [], capped: false }
  const needle = query.toLowerCase()
  const matches: Match[] = []
  for (let i = 0; i < log.lines.length; i++) {
    const raw = log.lines[i]!
    // Plain lines are searched as they are; only lines with escapes/controls are parsed first.
    const text = needsParse(raw) ? lineText(raw, log.startStates[i]) : raw
    const hay = text.toLowerCase()
    let from = 0
    for (let at = hay.indexOf(needle, from); at >= 0; at = hay.indexOf(needle, from)) {
      matches.push({ line: i, start: at, end: at + needle.length })
      if (matches.length >= MAX_MATCHES) return { matches, capped: true }
      from = at + Math.max(1, needle.length)
    }
  }
  return { matches, capped: false }
}

interface Highlight {
  start: number
  end: number
  current: boolean
}

/** One line: its styled segments, split again where search highlights start and end. */
const LogLine = memo(function LogLine({ raw, start, highlights }: { raw: string; start: SgrState; highlights?: Highlight[] }) {
  const { segments } = parseLine(raw, start)
  const out: ReactNode[] = []
  let pos = 0
  let shown = 0
  let key = 0
  for (const seg of segments) {
    if (shown >= MAX_LINE_CHARS) break
    const text = seg.text.length + shown > MAX_LINE_CHARS ? seg.text.slice(0, MAX_LINE_CHARS - shown) : seg.text
    shown += text.length
    const css = styleToCss(seg.style)
    const segStart = pos
    const segEnd = pos + text.length
    const cuts = (highlights ?? []).filter((h) => h.end > segStart && h.start < segEnd)
    if (cuts.length === 0) {
      out.push(css ? <span key={key++} style={css}>{text}</span> : text)
    } else {
      let at = segStart
      for (const h of cuts) {
        const hs = Math.max(h.start, segStart)
        const he = Math.min(h.end, segEnd)
        if (hs > at) out.push(<span key={key++} style={css}>{text.slice(at - segStart, hs - segStart)}</span>)
        out.push(
          <mark
            key={key++}
            data-current-match={h.current || undefined}
            className={cn('rounded-sm text-slate-950', h.current ? 'bg-amber-300 outline-2 outline-amber-100' : 'bg-sky-200')}
          >
            {text.slice(hs - segStart, he - segStart)}
          </mark>,
        )
        at = he
      }
      if (at < segEnd) out.push(<span key={key++} style={css}>{text.slice(at - segStart)}</span>)
    }
    pos = segEnd
  }
  const total = segments.reduce((n, s) => n + s.text.length, 0)
  if (total > MAX_LINE_CHARS) {
    out.push(
      <span key="cut" className="text-slate-400 italic">
        {` … ${total - MAX_LINE_CHARS} more characters on this line (Download log to see them)`}
      </span>,
    )
  }
  return <>{out}</>
})

/**
 * The script log as a terminal: ANSI colours as styled text, line numbers, wrap toggle, search
 * with "n of m", copy and download. Large logs are virtualized; each visible line is parsed when
 * it is drawn, starting from the style carried over from the lines above it.
 */
export function LogViewer({ log, fileName }: { log: string; fileName: string }) {
  const toast = useToast()
  const prepared = useMemo(() => prepareLog(log), [log])
  const [wrap, setWrap] = useState(false)
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const { matches, capped } = useMemo(() => findMatches(prepared, deferredQuery), [prepared, deferredQuery])
  // The current match belongs to one search: a new query (or new log) starts again at the first.
  const [cursor, setCursor] = useState<{ for: unknown; index: number }>({ for: null, index: 0 })
  const current = cursor.for === matches ? Math.min(cursor.index, Math.max(0, matches.length - 1)) : 0
  const [scrollRequest, setScrollRequest] = useState(0)
  const scrollRef = useRef<HTMLDivElement>(null)
  const searchId = useId()
  const virtual = prepared.lines.length > VIRTUALIZE_ABOVE_LINES

  const highlightsByLine = useMemo(() => {
    const map = new Map<number, Highlight[]>()
    matches.forEach((m, i) => {
      const list = map.get(m.line) ?? []
      list.push({ start: m.start, end: m.end, current: i === current })
      map.set(m.line, list)
    })
    return map
  }, [matches, current])

  const virtualizer = useVirtualizer({
    count: virtual ? prepared.lines.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30,
  })

  // Wrapped lines have different heights: measure them again when wrapping changes.
  useEffect(() => {
    if (virtual) virtualizer.measure()
  }, [wrap, virtual, virtualizer])

  // Bring the current match into view (a DOM side effect, triggered by the user's next/previous/typing).
  const target = matches[current]
  useEffect(() => {
    if (!target) return
    const container = scrollRef.current
    if (!container) return
    if (virtual) virtualizer.scrollToIndex(target.line, { align: 'center' })
    const frame = requestAnimationFrame(() => {
      const mark = container.querySelector('[data-current-match]')
      mark?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    })
    return () => cancelAnimationFrame(frame)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- scroll only when the target or the request changes
  }, [target?.line, target?.start, scrollRequest, virtual])

  const go = (delta: number) => {
    if (matches.length === 0) return
    setCursor({ for: matches, index: (current + delta + matches.length) % matches.length })
    setScrollRequest((n) => n + 1)
  }

  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard')
      await navigator.clipboard.writeText(stripAnsi(log))
      toast.show('Log copied to the clipboard (without colour codes).', 'success')
    } catch {
      toast.show('Could not copy: the browser refused access to the clipboard. Use Download log instead.', 'error')
    }
  }

  const download = () => {
    // The log exactly as the server has it (colour codes included: `less -R` shows them).
    const blob = new Blob([log], { type: 'text/plain;charset=utf-8' })
    if (typeof URL.createObjectURL !== 'function') {
      toast.show('This browser cannot save files from the page.', 'error')
      return
    }
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  const gutter = String(prepared.lines.length).length
  const status = !deferredQuery ? '' : matches.length === 0 ? 'No matches' : `${current + 1} of ${matches.length}${capped ? '+' : ''}`

  const renderLine = (i: number) => (
    <>
      <span aria-hidden="true" className="inline-block shrink-0 pr-3 text-right text-slate-400 select-none" style={{ width: `${gutter + 2}ch` }}>
        {i + 1}
      </span>
      <span className={cn('min-w-0', wrap ? 'break-all whitespace-pre-wrap' : 'whitespace-pre')}>
        <LogLine raw={prepared.lines[i]!} start={prepared.startStates[i]!} highlights={highlightsByLine.get(i)} />
      </span>
    </>
  )

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={searchId} className="text-sm font-medium">
          Search log
        </label>
        <Input
          size="sm"
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              go(e.shiftKey ? -1 : 1)
            }
          }}
          className="w-56"
        />
        <span role="status" className="min-w-20 text-sm text-slate-700 tabular-nums dark:text-slate-300">
          {status}
        </span>
        <Button size="sm" variant="ghost" onClick={() => go(-1)} disabled={matches.length === 0} aria-label="Previous match">
          ↑ Previous
        </Button>
        <Button size="sm" variant="ghost" onClick={() => go(1)} disabled={matches.length === 0} aria-label="Next match">
          ↓ Next
        </Button>
        <span className="flex-1" />
        <label className="inline-flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} className="size-4" />
          Wrap lines
        </label>
        <Button size="sm" onClick={copy}>
          Copy log
        </Button>
        <Button size="sm" onClick={download}>
          Download log
        </Button>
      </div>
      <div
        ref={scrollRef}
        role="region"
        aria-label={`Log, ${prepared.lines.length} lines`}
        tabIndex={0}
        className="max-h-[32rem] overflow-auto rounded-md border border-slate-700 font-mono text-xs leading-5 focus-visible:outline-2 focus-visible:outline-indigo-500 [tab-size:4]"
        style={{ backgroundColor: TERMINAL_BG, color: TERMINAL_FG }}
      >
        {virtual ? (
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => (
              <div
                key={item.key}
                data-index={item.index}
                ref={wrap ? virtualizer.measureElement : undefined}
                className={cn('absolute top-0 left-0 flex px-2', wrap ? 'w-full' : 'min-w-full')}
                style={{ transform: `translateY(${item.start}px)`, minHeight: LINE_HEIGHT }}
              >
                {renderLine(item.index)}
              </div>
            ))}
          </div>
        ) : (
          <div className={cn('py-1', wrap ? 'w-full' : 'w-max min-w-full')}>
            {prepared.lines.map((_, i) => (
              <div key={i} className="flex px-2">
                {renderLine(i)}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  )
}
