/**
 * Paths built from ids. Ids come from the server (or a crafted URL) and are data: each one is a
 * single, encoded path segment, so `../approvals?view=decided` as an id stays an id (a link to a
 * "not a valid job id" page) instead of becoming a link to the inbox.
 */
export function pathSegment(id: string): string {
  // A segment that is only dots ("." or "..", even written %2E) is resolved away by the URL
  // parser: such an id (never a real one) is kept visibly escaped instead.
  if (/^\.+$/.test(id)) return id.replace(/\./g, '%252E')
  return encodeURIComponent(id)
}

export function jobPath(id: string): string {
  return `/jobs/${pathSegment(id)}`
}

export function workflowPath(id: string): string {
  return `/workflows/${pathSegment(id)}`
}

export function taskRunPath(id: string): string {
  return `/tasks/${pathSegment(id)}/run`
}

/** The run form of a workflow (its start task's arguments). */
export function workflowRunFormPath(id: string): string {
  return `/workflows/${pathSegment(id)}/run`
}

/** Whether an id has the shape of the server's ids (a MongoDB ObjectId: 24 hexadecimal characters). */
export function isObjectId(id: string | null | undefined): id is string {
  return !!id && /^[0-9a-f]{24}$/i.test(id)
}
