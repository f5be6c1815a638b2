/*
 * A few lines of DOM building for the first paint of src/boot.ts (before React has loaded): every
 * child string becomes a text node, so names and other data from the server are never parsed as HTML.
 */

export type Child = Node | string | number | null | undefined | false
export type Attrs = Record<string, string | number | boolean | null | undefined>

/** `<tag class=… attrs…>children</tag>`; a false/null/undefined attribute is left out, true is "". */
export function h(tag: string, attrs: Attrs | null, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag)
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === false || value === null || value === undefined) continue
      el.setAttribute(name, value === true ? '' : String(value))
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.append(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
  return el
}
