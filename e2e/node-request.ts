import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * A Node request as a fetch Request, so the journeys' HTTP servers (a supervisor and gateway on
 * another origin) can answer with the mock's own MSW handlers through `getResponse`.
 */
export async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const item of v) headers.append(k, item)
    else if (v !== undefined) headers.set(k, v)
  }
  const body = chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body })
}

/** Writes a fetch Response (a handler's answer, or `null`: "not mocked", 599) back to the Node response. */
export async function sendFetchResponse(res: ServerResponse, response: Response | null | undefined): Promise<void> {
  const answer = response ?? new Response('not mocked', { status: 599 })
  const headers: Record<string, string> = {}
  answer.headers.forEach((v, k) => (headers[k] = v))
  res.writeHead(answer.status, headers)
  res.end(Buffer.from(await answer.arrayBuffer()))
}
