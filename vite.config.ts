import { fileURLToPath, URL } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import type { Plugin, ResolvedConfig } from 'vite'
import { defineConfig } from 'vitest/config'

/**
 * The production build ships a Content-Security-Policy: no inline scripts, no plugins, no
 * framing of other origins. The supervisor URL is only known at run time (config.json), so the
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
const ROUTE_MODULES: Array<[pattern: string, modules: string[]]> = [
  ['^/jobs/?$', ['src/app/routes/jobs.tsx']],
  ['^/jobs/[^/]+/?$', ['src/app/routes/job-detail.tsx']],
  ['^/approvals/?$', ['src/app/routes/approvals.tsx']],
  ['^/runaway/?$', ['src/app/routes/runaway.tsx']],
]
/** Wanted on every signed-in page, in order of need: main.tsx's first-request prefetch; the navigation's live counts. */
const FIRST_MODULES = ['src/app/route-prefetch.ts']
const BOOT_MODULE_PATH = 'src/boot.ts'
const BOOT_MODULE = fileURLToPath(new URL(`./${BOOT_MODULE_PATH}`, import.meta.url))
const LAST_MODULES = ['src/app/nav-counts.tsx']

/**
 * First row at the speed of the server: the chunks of the page a load opens on are requested together
 * with the entry, not discovered one lazy level at a time. The build emits a tiny classic script
 * (assets/route-preload-*.js, ~1 kB, loaded async from the head next to the entry, its CSS and
 * config.json) that adds
 * `<link rel="modulepreload">` for the chunks (and their static imports) of the current path only —
 * so other pages' code is not downloaded, and the initial-JS budget counts just the entry.
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
    buildStart() {
      // src/boot.ts as a chunk of its own (main.tsx imports it too, so it runs once, whichever asks first).
      if (config.build.ssr) return
      this.emitFile({ type: 'chunk', id: BOOT_MODULE, name: 'boot', preserveSignature: false })
    },
    generateBundle(_options, bundle) {
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
      const chunksOf = (modules: string[]) => {
        const out = new Set<string>()
        for (const m of modules) {
          const chunk = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(m))
          if (!chunk) this.error(`route-chunk-preload: no chunk for ${m}`)
          walk(chunk.fileName, out)
        }
        return [...out].filter((f) => !loaded.has(f)).map((f) => config.base + f)
      }
      // In order of need (the browser starts them in this order): what the first data request needs, the page, the counts.
      const first = chunksOf(FIRST_MODULES)
      const last = chunksOf(LAST_MODULES)
      const table = ROUTE_MODULES.map(([pattern, modules]) => [pattern, [...new Set([...first, ...chunksOf(modules), ...last])]])
      const base = JSON.stringify(config.base.replace(/\/$/, ''))
      const source = `(function(){var b=${base},p=location.pathname,t=${JSON.stringify(table)};if(b&&p.indexOf(b)===0)p=p.slice(b.length)||'/';for(var i=0;i<t.length;i++){if(new RegExp(t[i][0]).test(p)){for(var j=0;j<t[i][1].length;j++){var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=t[i][1][j];document.head.appendChild(l)}return}}})();\n`
      const ref = this.emitFile({ type: 'asset', name: 'route-preload.js', source })
      const html = bundle['index.html']
      if (html?.type !== 'asset' || typeof html.source !== 'string') this.error('route-chunk-preload: index.html not found in the bundle')
      const src = config.base + this.getFileName(ref)
      // async: it never holds the parser (and so the entry) back when the server is slow; if the entry
      // runs first, its own import of the page adds the same preloads.
      html.source = html.source.replace('</head>', `  <script async src="${src}"></script>\n  </head>`)
      // The boot module, async: it runs as soon as it is in (it is small and imports little), without
      // waiting for the entry, and sends the page's first data request (src/boot.ts).
      // The chunk that holds the module (the emitted entry may be a one-line facade importing it: dropped).
      const facade = chunks.find((c) => c.facadeModuleId === BOOT_MODULE)
      const boot = chunks.find((c) => c.moduleIds.includes(BOOT_MODULE))
      if (!boot) this.error('route-chunk-preload: no chunk for src/boot.ts')
      if (facade && facade !== boot && facade.moduleIds.length === 0) delete bundle[facade.fileName]
      const preloadTag = /<link rel="preload" href="[^"]*config\.json"[^>]*>\n/
      if (!preloadTag.test(html.source)) this.error('route-chunk-preload: the config.json preload is not in index.html')
      html.source = html.source.replace(preloadTag, (tag) => `${tag}    <script type="module" async crossorigin src="${config.base + boot.fileName}"></script>\n`)
    },
  }
}

export default defineConfig(({ command }) => ({
  plugins: [react(), tailwindcss(), contentSecurityPolicy(), routeChunkPreload()],
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
