/** A glyph per task type (the icon comes from `value.type`, else `_type`, as in theeye-web). Always paired with words. */
const ICONS: Record<string, string> = {
  script: '⌨',
  nodejs: '⬢',
  scraper: '⇄',
  approval: '☑',
  dummy: '✎',
  notification: '✉',
}

export function taskIcon(type: string | undefined): string {
  return (type && ICONS[type]) || '◇'
}

export function taskTypeLabel(type: string | undefined): string {
  if (!type) return 'task'
  if (type === 'dummy') return 'input'
  return type
}
