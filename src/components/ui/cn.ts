/** Joins class names, skipping falsy ones. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ')
}

/**
 * Utility groups where two classes cannot both apply. Tailwind 4 orders its CSS by property, not
 * by the order of the class attribute, so a caller's `hidden` loses to a primitive's `inline-flex`
 * (`.hidden` comes first in the stylesheet) and `justify-between` loses to `justify-center`.
 */
const GROUPS: Array<[string, RegExp]> = [
  ['display', /^(hidden|block|inline|inline-block|flex|inline-flex|grid|inline-grid|contents|table|flow-root)$/],
  ['justify', /^justify-(start|end|center|between|around|evenly|stretch|normal)$/],
  ['items', /^items-(start|end|center|baseline|stretch)$/],
  ['gap', /^gap-/],
  ['width', /^w-/],
  ['height', /^h-/],
  ['padding', /^p-/],
  ['px', /^px-/],
  ['py', /^py-/],
  ['rounded', /^rounded(-|$)/],
  ['whitespace', /^whitespace-/],
]

function groupOf(token: string): string | null {
  // Only unprefixed utilities conflict this way: `sm:inline-flex` adds a breakpoint and keeps the base.
  if (token.includes(':')) return null
  for (const [name, re] of GROUPS) if (re.test(token)) return name
  return null
}

/**
 * A primitive's base classes, then the caller's: a caller's class wins over the base class of the
 * same group (display, justify, items, gap, size, padding, rounding), whatever the stylesheet order.
 */
export function withOverrides(base: string, override: string | undefined): string {
  if (!override) return base
  const overridden = new Set<string>()
  for (const token of override.split(/\s+/)) {
    const group = groupOf(token)
    // A caller's `p-*` sets all four sides: it replaces the base's `px-*` and `py-*` too.
    if (group === 'padding') for (const g of ['padding', 'px', 'py']) overridden.add(g)
    else if (group) overridden.add(group)
  }
  if (overridden.size === 0) return `${base} ${override}`
  const kept = base.split(/\s+/).filter((token) => {
    const group = groupOf(token)
    return group === null || !overridden.has(group)
  })
  return `${kept.join(' ')} ${override}`
}
