/**
 * The layers of src/ and who may import whom, enforced (bulletproof-react's "unidirectional
 * codebase"): app → features → (components, lib) → api. Features do not import each other;
 * production code never imports the mock backend or the test helpers (main.tsx's dynamic
 * import of the mock worker is the one door, and it is lazy so a configured deployment never
 * downloads it).
 */
import path from 'node:path'

const SRC = path.resolve(import.meta.dirname, '..', 'src')

/** 'features/jobs' → { layer: 'features', feature: 'jobs' }; null outside src/. */
function place(file) {
  const rel = path.relative(SRC, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null
  const [layer, sub] = rel.split(path.sep)
  if (!sub) return { layer: 'root', feature: null }
  return { layer, feature: layer === 'features' ? sub : null }
}

function resolve(source, file) {
  if (source.startsWith('@/')) return path.join(SRC, source.slice(2))
  if (source.startsWith('.')) return path.resolve(path.dirname(file), source)
  return null // a package
}

const isTest = (file) => /\.test\.tsx?$/.test(file) || file.includes(`${path.sep}testing${path.sep}`)

/** What `from` may not import from `to`; a reason, or null when allowed. */
function violation(from, to, { file, dynamic }) {
  if (from.layer === 'features' && to.layer === 'features' && from.feature !== to.feature)
    return `features do not import each other (${from.feature} → ${to.feature}); compose them in src/app/routes or move the shared piece to src/lib or src/components`
  if (['api', 'lib', 'components'].includes(from.layer) && ['features', 'app'].includes(to.layer))
    return `src/${from.layer} is below the features and the app shell; it may not import src/${to.layer}`
  if (from.layer === 'api' && ['lib', 'components'].includes(to.layer)) return 'src/api is plain TypeScript at the bottom: it imports nothing from src/lib or src/components'
  if (['mocks', 'testing'].includes(to.layer) && !['mocks', 'testing'].includes(from.layer) && !isTest(file)) {
    if (dynamic && from.layer === 'root') return null // main.tsx loads the mock worker lazily, in mock mode only
    return `production code does not import src/${to.layer} (only tests and the lazy mock start in main.tsx do)`
  }
  if (from.layer === 'mocks' && ['features', 'app', 'components'].includes(to.layer)) return 'the mock is the server: it knows the API, not the UI'
  return null
}

const rule = {
  meta: { type: 'problem', docs: { description: 'layer boundaries of src/' }, schema: [] },
  create(context) {
    const file = context.filename
    const from = place(file)
    if (!from) return {}
    function check(node, sourceNode, dynamic) {
      if (!sourceNode || typeof sourceNode.value !== 'string') return
      const target = resolve(sourceNode.value, file)
      if (!target) return
      const to = place(target)
      if (!to) return
      const why = violation(from, to, { file, dynamic })
      if (why) context.report({ node: sourceNode, message: why })
    }
    return {
      ImportDeclaration: (n) => check(n, n.source, false),
      ExportNamedDeclaration: (n) => check(n, n.source, false),
      ExportAllDeclaration: (n) => check(n, n.source, false),
      ImportExpression: (n) => check(n, n.source, true),
    }
  },
}

export const boundaries = { rules: { layers: rule } }
