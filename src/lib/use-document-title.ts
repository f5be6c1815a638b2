import { useEffect } from 'react'

/** Sets document.title (plain text: the browser never parses it as HTML). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const previous = document.title
    document.title = `${title} · TheEye Jobs`
    return () => {
      document.title = previous
    }
  }, [title])
}
