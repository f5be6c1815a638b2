import { lifecycleLabel, stateLabel } from '@/components/ui/status'
import { plainText } from '@/lib/text'
import { SINCE_PRESETS, type JobFilters } from './use-job-filters'

/** The active filters in words, for an empty result: the user sees which one to loosen. */
export function filterSummary(f: JobFilters, names: Map<string, string>, loadedCount: number, more: boolean): string[] {
  const out: string[] = []
  if (f.task.length) out.push(`Task: ${f.task.map((id) => plainText(names.get(id) ?? id, 60)).join(', ')}`)
  if (f.state.length) out.push(`State: ${f.state.map((s) => plainText(stateLabel(s), 40)).join(', ')}`)
  if (f.lifecycle.length) out.push(`Lifecycle: ${f.lifecycle.map((l) => plainText(lifecycleLabel(l), 40)).join(', ')}`)
  if (f.type) out.push(`Type: ${plainText(f.type, 40)}`)
  if (f.since) out.push(`Created: ${SINCE_PRESETS.find((p) => p.value === f.since)?.label.toLowerCase() ?? `last ${f.since}`}`)
  if (f.from || f.to) {
    const at = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '…')
    const inverted = !!f.from && !!f.to && Date.parse(f.from) > Date.parse(f.to)
    out.push(`Created: ${at(f.from)} – ${at(f.to)}${inverted ? ' (the start is after the end)' : ''}`)
  }
  if (f.q.trim()) {
    out.push(`Text “${plainText(f.q.trim(), 60)}”: searched the ${loadedCount} loaded ${loadedCount === 1 ? 'job' : 'jobs'}${more ? '; older jobs are not loaded yet' : ''}`)
  }
  return out
}
