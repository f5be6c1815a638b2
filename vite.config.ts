import { createHash } from 'node:crypto'
import { fileURLToPath, URL } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { build, type Plugin, type ResolvedConfig } from 'vite'
import { defineConfig } from 'vitest/config'

/**
 * The production build ships a Content-Security-Policy: no inline scripts (but the route table of
 * routeChunkPreload, allowed by its SHA-256), no plugins, no framing of other origins. The
 * supervisor URL is only known at run time (config.json), so the
 * build allows connections to http(s) origins here and main.tsx narrows connect-src to the
 * configured supervisor and gateway as soon as config.json is read (a second policy can only
 * restrict further).
 */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self' https: http: wss: ws:",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ')
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`)
    },
  }
}

/**
 * Which page modules a first load of a path needs (the lazy routes of src/app/router.tsx). Add a line
 * when you add a route; a path without one still works, its chunks are then found as React renders.
 */
const PREFETCH = 'src/app/route-prefetch.ts'
/** Boot's painter of the first view (src/boot.ts imports it where it paints). */
const PAINTER = 'src/app/first-view.ts'
/** Whether a module id (an absolute path, on Windows with backslashes) is the module at `path` (from the root). */
const isModule = (id: string | null | undefined, path: string) => !!id && id.replace(/\\/g, '/').endsWith(path)
/** The painter of boot's first view and what only it and the pages use (see build.rolldownOptions). */
const PAINTER_MODULES =
  /[\\/]src[\\/](app[\\/]first-view|features[\\/]jobs[\\/]first-view|features[\\/]job-detail[\\/]first-view|lib[\\/]dom|api[\\/]schemas[\\/]job-lite|components[\\/]ui[\\/]badge-tones|features[\\/]job-detail[\\/]verdict-text|features[\\/]jobs[\\/]refresh-interval|features[\\/]jobs[\\/]job-list-model|features[\\/]jobs[\\/]columns|components[\\/]ui[\\/]status-meta|lib[\\/]stats|lib[\\/]links)\.ts$/
const ROUTE_MODULES: Array<[pattern: string, modules: string[]]> = [
  // In order of need: boot's first-view painter, main.tsx's first-request prefetch, the page.
  ['^/jobs/?$', [PAINTER, PREFETCH, 'src/app/routes/jobs.tsx']],
  ['^/jobs/[^/]+/?$', [PAINTER, PREFETCH, 'src/app/routes/job-detail.tsx']],
  ['^/approvals/?$', [PREFETCH, 'src/app/routes/approvals.tsx']],
  ['^/runaway/?$', [PREFETCH, 'src/app/routes/runaway.tsx']],
  ['^/sign-in/?$', ['src/app/routes/sign-in.tsx']],
]
/** Wanted on every page: the app (src/boot.ts starts it). */
const APP_MODULES = ['src/main.tsx']
/** Wanted on every signed-in page, after the page's own: the navigation's live counts. */
const LAST_MODULES = ['src/app/nav-counts.tsx']

/**
 * V8's per-file compile hint (`//# allFunctionsCalledOnLoad`: Chromium 136+; other engines read a
 * comment) on the chunks that run before the first paint: the entry and boot's painter with what they
 * import. Nearly every function in them runs on a painted load; with the hint the browser compiles them
 * on the thread that streams the script, instead of one by one on the main thread when each is first
 * called. In traces of `/jobs` loads, main-thread compiling before the first view is laid out went from
 * 16–23 to 7–16 ms. Not on the app's chunks: big, loaded after the first paint, much of them not run on
 * a given page. Added after minification (which drops comments), before the file names are hashed;
 * `npm run size` checks that it is there. In the entry it comes after Vite's import-map helper, which is
 * only called for a dynamic import.
 */
function firstViewCompileHints(): Plugin {
  // The modules the entry and the painter import statically: every chunk holding one is loaded before the first paint.
  const onPath = new Set<string>()
  return {
    name: 'first-view-compile-hints',
    apply: 'build',
    buildEnd() {
      const walk = (id: string) => {
        if (onPath.has(id)) return
        onPath.add(id)
        for (const i of this.getModuleInfo(id)?.importedIds ?? []) walk(i)
      }
      for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry || isModule(id, PAINTER)) walk(id)
    },
    // After minification (which drops comments), still before the hashes of the file names are taken.
    // Elsewhere no banner: undefined (typed as a string by Rolldown), since '' would still add a line break.
    outputOptions(options) {
      const none = undefined as unknown as string
      return { ...options, postBanner: (chunk) => (chunk.moduleIds.some((id) => onPath.has(id)) ? '//# allFunctionsCalledOnLoad' : none) }
    },
  }
}

/**
 * First row at the speed of the server. The entry is src/boot.ts (small, async, first in the head): it
 * sends the page's first data request, paints the first view from the answer, then imports the app
 * (src/main.tsx). So that nothing waits on a round trip it does not need, a tiny inline script (the route
 * table, right after the entry) asks, per path and in order of need, for the stylesheet, boot's painter,
 * the app and the page's chunks — only the current page's, so other pages' code is not downloaded. The
 * table's last line (any other path: the app) is what `npm run size` counts with the entry.
 */
function routeChunkPreload(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'route-chunk-preload',
    apply: 'build',
    enforce: 'post',
    configResolved(c) {
      config = c
    },
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk')
      const entry = chunks.find((c) => c.isEntry)
      if (!entry) return
      const loaded = new Set<string>()
      const walk = (file: string, into: Set<string>) => {
        if (into.has(file)) return
        into.add(file)
        const c = bundle[file]
        if (c?.type === 'chunk') for (const i of c.imports) walk(i, into)
      }
      walk(entry.fileName, loaded)
      const chunksOf = (modules: string[], except: Set<string>) => {
        const out = new Set<string>()
        for (const m of modules) {
          const chunk =
            chunks.find((c) => isModule(c.facadeModuleId, m)) ??
            // A module put in a group's chunk (build.rolldownOptions codeSplitting) has no facade of its own.
            chunks.find((c) => c.moduleIds.some((id) => isModule(id, m)))
          if (!chunk) this.error(`route-chunk-preload: no chunk for ${m}`)
          walk(chunk.fileName, out)
        }
        return [...out].filter((f) => !except.has(f))
      }
      // The app: needed on every page (its tags below count in the initial-JS budget).
      const app = chunksOf(APP_MODULES, loaded)
      const withApp = new Set([...loaded, ...app])
      const url = (f: string) => config.base + f
      const css = Object.values(bundle).filter((f) => f.type === 'asset' && f.fileName.endsWith('.css') && entry.viteMetadata?.importedCss.has(f.fileName)).map((f) => url(f.fileName))
      // The painter and everything it imports (some of it shared with the app), but the entry's own.
      const painter = chunksOf([PAINTER], loaded)
      // The painter's own chunk (the rest of `painter` is what it imports).
      const painterChunk = chunks.find((c) => c.moduleIds.some((id) => isModule(id, PAINTER)))?.fileName
      const last = chunksOf(LAST_MODULES, withApp)
      // Per path, what to fetch, in order of need, each as [url, how]: 'c' the stylesheet (preload as
      // style), 'm' a module (modulepreload: the only preload a module import uses), 's' the painter's
      // own chunk as an async module script (evaluated as soon as it is in, so boot's import of it is
      // already done when boot asks: 7 and 15 ms sooner first heading and first row in interleaved A/B
      // runs, 31 loads each, than as a modulepreload evaluated on boot's import), 'p' a module needed
      // only after the first paint: listed in window.__theeyeLater, which boot.ts preloads once it has
      // painted (or decided not to), right before it imports the app. Where boot paints the first view,
      // the painter is 's' and 'm' and the app and the page are 'p', so that neither their download nor their
      // compiling competes with the painter and the first answer; elsewhere the app and the page are 'm'.
      // The browser starts six at a time per origin over HTTP/1.1: the stylesheet and the painter go first.
      // The sign-in page has no first request, no painter, no navigation: the app and its own chunks.
      const entryFor = (modules: string[], signIn: boolean): Array<[string, string]> => {
        const page = chunksOf(modules, withApp).filter((f) => !painter.includes(f))
        const paints = modules.includes(PAINTER)
        const later = paints ? 'p' : 'm'
        return [
          ...css.map((u): [string, string] => [u, 'c']),
          ...(paints ? painter.map((f): [string, string] => [url(f), f === painterChunk ? 's' : 'm']) : []),

          ...app.filter((f) => !paints || !painter.includes(f)).map((f): [string, string] => [url(f), later]),
          ...[...new Set([...page, ...(signIn || modules.length === 0 ? [] : last)])].filter((f) => !paints || !painter.includes(f)).map((f): [string, string] => [url(f), later]),
        ]
      }
      // Every other path: the stylesheet and the app ('' matches any path: the last line).
      const routes: Array<[string, Array<[string, string]>]> = [...ROUTE_MODULES.map(([pattern, modules]): [string, Array<[string, string]>] => [pattern, entryFor(modules, pattern.includes('sign-in'))]), ['', entryFor([], true)]]
      // Written small (it is part of every page's HTML): each file once in `u`, each route's list as
      // "<index in u><how>…" (e.g. "0c1m4p").
      const urls = [...new Set(routes.flatMap(([, files]) => files.map(([u]) => u)))]
      const table = routes.map(([pattern, files]) => [pattern, files.map(([u, how]) => `${urls.indexOf(u)}${how}`).join('')])
      // Their common folder once ('/assets/').
      const folder = url(`${config.build.assetsDir}/`)
      const names = urls.map((u) => (u.startsWith(folder) ? u.slice(folder.length) : u))
      if (names.some((n) => n.startsWith('/'))) this.error('route-chunk-preload: a file outside the assets folder')
      const base = JSON.stringify(config.base.replace(/\/$/, ''))
      const source = `(function(){var b=${base},p=location.pathname,a=${JSON.stringify(folder)},u=${JSON.stringify(names)},t=${JSON.stringify(table)};if(b&&p.indexOf(b)===0)p=p.slice(b.length)||'/';for(var i=0;i<t.length;i++){if(new RegExp(t[i][0]).test(p)){var r=/(\\d+)([cmps])/g,m;while((m=r.exec(t[i][1]))){var h=a+u[+m[1]],l;if(m[2]==='p'){(window.__theeyeLater=window.__theeyeLater||[]).push(h);continue}if(m[2]==='s'){l=document.createElement('script');l.type='module';l.async=true;l.crossOrigin='';l.src=h;document.head.appendChild(l);continue}l=document.createElement('link');if(m[2]==='m')l.rel='modulepreload';else{l.rel='preload';l.as='style'}l.crossOrigin='';l.href=h;document.head.appendChild(l)}return}}})();\n`
      const html = bundle['index.html']
      if (html?.type !== 'asset' || typeof html.source !== 'string') this.error('route-chunk-preload: index.html not found in the bundle')
      const preloadTag = /<link rel="preload" href="[^"]*config\.json"[^>]*>\n/
      if (!preloadTag.test(html.source)) this.error('route-chunk-preload: the config.json preload is not in index.html')
      // The route table inline: the page's chunks are asked for with the entry, not one round trip later.
      // The Content-Security-Policy allows exactly this script (its SHA-256), no other inline script.
      // Then the page load's start (src/start.ts): config.json read and the first data request sent
      // from here, not after the entry has arrived.
      const inline = `${source.trim()}\n${await inlineStart(config)}`
      const hash = createHash('sha256').update(inline).digest('base64')
      const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')/
      if (!csp.test(html.source)) this.error('route-chunk-preload: the Content-Security-Policy has no script-src to allow the route table')
      const entryTag = /<script type="module" crossorigin src="([^"]+)"><\/script>\n?\s*/
      const entrySrc = entryTag.exec(html.source)?.[1]
      if (!entrySrc) this.error('route-chunk-preload: the entry script tag is not in index.html')
      html.source = html.source
        .replace(csp, `$1 'sha256-${hash}'`)
        .replace(entryTag, '')
        // First config.json, then the entry, async (it runs as soon as it is in, not after the stylesheet:
        // its first request does not wait for CSS; boot.ts waits for the stylesheet before it paints), then
        // the route table (before any stylesheet: an inline script after one would wait for it).
        .replace(preloadTag, (tag) => `${tag}    <script type="module" async crossorigin src="${entrySrc}"></script>\n    <script>${inline}</script>\n`)
      // The same policy as an HTTP header for deploy/nginx.conf (it includes this file): a header policy
      // without the inline script's hash would block it, the meta tag's allowing it or not. Adds what only
      // a header can do: forbid framing.
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html.source)?.[1]
      if (!policy) this.error('route-chunk-preload: no Content-Security-Policy in index.html')
      this.emitFile({
        type: 'asset',
        fileName: 'nginx-csp.conf',
        source: `# generated by vite.config.ts from the policy in index.html: included by deploy/nginx.conf\nadd_header Content-Security-Policy "${policy}; frame-ancestors 'none'" always;\n`,
      })

    },
  }
}

/** src/start-inline.ts built on its own, as one minified script for index.html's head. */
async function inlineStart(config: ResolvedConfig): Promise<string> {
  const out = await build({
    configFile: false,
    root: config.root,
    mode: config.mode,
    envDir: config.envDir,
    base: config.base,
    logLevel: 'warn',
    resolve: { alias: config.resolve.alias },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      copyPublicDir: false,
      lib: { entry: fileURLToPath(new URL('./src/start-inline.ts', import.meta.url)), formats: ['iife'], name: 'theeyeStart' },
    },
  })
  const outputs = Array.isArray(out) ? out : [out]
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((f) => f.type === 'chunk')
  if (!chunk || chunk.type !== 'chunk') throw new Error('route-chunk-preload: the inline start did not build')
  // Inside <script>…</script>: no "</script" may end it early.
  return chunk.code.trim().replace(/<\/(script)/gi, '<\\/$1')
}

export default defineConfig(({ command }) => ({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), firstViewCompileHints(), routeChunkPreload()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // React Router's package exports only its development build (dev warnings on); a build takes its
      // production build (the same code with the warnings off), the dev server and the tests keep the warnings.
      ...(command === 'build'
        ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) }]
        : []),
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // No modulepreload polyfill in the entry: Chromium, Firefox and Safari 17+ preload natively; an older
    // browser just loads each chunk when it is imported.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Boot's painter in one chunk, not eight: it is loaded when the first answer is on its way, and
          // every extra chunk is a request and a compile on the way to the first paint. Only modules the
          // app's own chunk does not import (or the initial-JS budget would count the painter too).
          includeDependenciesRecursively: false,
          groups: [{ name: 'first-view', test: PAINTER_MODULES, priority: 10 }],
        },
      },
    },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'eslint/**/*.test.js'],
    restoreMocks: true,
    testTimeout: 15000,
  },
}))
