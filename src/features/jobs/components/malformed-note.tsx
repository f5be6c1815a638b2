import type { MalformedJob } from '@/api/schemas/job'
import { Callout } from '@/components/ui/callout'
import { plainText } from '@/lib/text'

/** List items that could not become jobs: shown as such, never silently dropped. */
export function MalformedNote({ items }: { items: MalformedJob[] }) {
  if (items.length === 0) return null
  return (
    <Callout bare>
      <details open={items.length <= 5}>
        <summary className="cursor-pointer font-medium">
          <span aria-hidden="true">⚠ </span>
          {items.length === 1 ? '1 job could not be shown (unexpected data)' : `${items.length} jobs could not be shown (unexpected data)`}
        </summary>
        <ul className="mt-1 list-disc pl-6">
          {items.slice(0, 50).map((m, i) => (
            <li key={`${m.id ?? 'no-id'}-${i}`}>
              {m.id ? <span className="font-mono">{plainText(m.id, 40)}</span> : 'Item without id'}: {plainText(m.reason, 200)}
            </li>
          ))}
          {items.length > 50 && <li>…and {items.length - 50} more</li>}
        </ul>
      </details>
    </Callout>
  )
}
