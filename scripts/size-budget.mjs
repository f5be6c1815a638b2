// Checks the production bundle against its size budget: the JavaScript a first visit downloads
// before it shows anything (the entry chunk and its static imports), gzipped.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const DIST = 'dist'
const BUDGET_INITIAL_JS = 120 * 1024
const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

function gz(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length
}

export function measureBundle(dist = DIST) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1])
  // The entry's own imports (modulepreload tags), and the app's chunks, which every page loads: the route
  // table (vite.config.ts routeChunkPreload) lists them on its last line, the one for any other path.
  const tags = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g)].map((m) => m[1])
  const table = /a=("[^"]*"),u=(\[.*?\]),t=(\[\[.*?\]\]);/.exec(html)
  if (!table) throw new Error('size-budget: the route table is not in index.html')
  const folder = JSON.parse(table[1])
  const urls = JSON.parse(table[2]).map((name) => folder + name)
  const last = JSON.parse(table[3]).at(-1)?.[1] ?? ''
  const app = [...last.matchAll(/(\d+)([cmp])/g)].filter(([, , how]) => how !== 'c').map(([, i]) => urls[Number(i)].replace(/^\//, ''))
  const preloads = [...tags, ...app]
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/?([^"]+\.css)"/g)].map((m) => m[1])
  const initialJs = [...new Set([...entry, ...preloads])]
  // The chunks that run before the first paint carry V8's compile hint (vite.config.ts firstViewCompileHints):
  // the entry and, from the route table, the painter's chunk ('s').
  const painterChunks = [...new Set(JSON.parse(table[3]).flatMap(([, how]) => [...how.matchAll(/(\d+)s/g)].map(([, i]) => urls[Number(i)].replace(/^\//, ''))))]
  // (On a line of its own, before the chunk's functions: Vite puts its small import-map helper above it in the entry.)
  const unhinted = [...entry, ...painterChunks].filter((f) => !readFileSync(join(dist, f), 'utf8').split('\n', 3).includes(COMPILE_HINT))
  // The scripts inline in index.html (the route table and the page load's start, src/start.ts): JavaScript too.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])
  const inlineGzip = inline.length ? gzipSync(Buffer.from(inline.join('\n')), { level: 9 }).length : 0
  const all = readdirSync(join(dist, 'assets')).map((f) => join('assets', f))
  const sum = (files) => files.reduce((n, f) => n + gz(join(dist, f)), 0)
  const raw = (files) => files.reduce((n, f) => n + statSync(join(dist, f)).size, 0)
  return {
    initialJsGzip: sum(initialJs) + inlineGzip,
    inlineJsGzip: inlineGzip,
    initialJsRaw: raw(initialJs),
    initialCssGzip: sum(css),
    totalJsGzip: sum(all.filter((f) => f.endsWith('.js'))),
    totalCssGzip: sum(all.filter((f) => f.endsWith('.css'))),
    initialFiles: initialJs,
    unhinted,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const m = measureBundle()
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`
  console.log(`initial JS (gzip): ${kb(m.initialJsGzip)}  [inline in index.html ${kb(m.inlineJsGzip)}, ${m.initialFiles.join(', ')}]`)
  console.log(`initial CSS (gzip): ${kb(m.initialCssGzip)}`)
  console.log(`total JS (gzip): ${kb(m.totalJsGzip)}; total CSS (gzip): ${kb(m.totalCssGzip)}`)
  if (m.unhinted.length > 0) {
    console.error(`the first view's chunks lack V8's compile hint (${COMPILE_HINT}): ${m.unhinted.join(', ')}`)
    process.exit(1)
  }
  if (m.initialJsGzip > BUDGET_INITIAL_JS) {
    console.error(`size budget exceeded: initial JS ${kb(m.initialJsGzip)} > ${kb(BUDGET_INITIAL_JS)}`)
    process.exit(1)
  }
  console.log(`size budget ok: initial JS ${kb(m.initialJsGzip)} <= ${kb(BUDGET_INITIAL_JS)}`)
}
