import type { RealState } from './stack'

/** Direct calls to the real supervisor, as another client would make them (not through the dashboard). */
export async function supervisor<T = unknown>(real: RealState, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${real.supervisorUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed as T }
}

export interface ServerJob {
  id: string
  name: string
  lifecycle: string
  state: string
  result?: Record<string, unknown>
}

/** The job as the server has it now (read as admin, who may read every job). */
export async function serverJob(real: RealState, id: string): Promise<ServerJob> {
  const r = await supervisor<ServerJob>(real, real.world.users.admin.token, 'GET', `/${real.customer}/job/${id}`)
  if (r.status !== 200) throw new Error(`GET /${real.customer}/job/${id} answered ${r.status}`)
  return r.body
}
