import { useEffect, useSyncExternalStore } from 'react'
import { plainText } from './text'

/*
 * The document title: "<page> · TheEye Jobs", with the number of approvals waiting on the user
 * in front on every other page ("(3) Jobs · TheEye Jobs"), so a background tab shows it too.
 * Plain text: the browser never parses a title as HTML; control, invisible and bidi characters
 * are removed here for every page (a name's U+202E must not flip the tab's title).
 */
let pendingApprovals = 0
const listeners = new Set<() => void>()
const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function setTitleApprovalsCount(count: number | undefined): void {
  const next = count ?? 0
  if (next === pendingApprovals) return
  pendingApprovals = next
  for (const l of listeners) l()
}

export function useDocumentTitle(rawTitle: string): void {
  const title = plainText(rawTitle, 200)
  const count = useSyncExternalStore(subscribe, () => pendingApprovals, () => 0)
  useEffect(() => {
    const previous = document.title
    const badge = count > 0 && !title.startsWith('Approvals') ? `(${count}) ` : ''
    document.title = `${badge}${title} · TheEye Jobs`
    return () => {
      document.title = previous
    }
  }, [title, count])
}
