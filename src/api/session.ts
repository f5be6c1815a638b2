import { z } from 'zod'
import { request } from './client'

/** The gateway: sign-in, who am I, organization switch. */

export interface Organization {
  id: string
  name: string
  displayName: string
}

const org = z
  .object({ id: z.string().optional(), _id: z.string().optional(), name: z.string(), display_name: z.string().nullish() })
  .loose()
  .transform((o): Organization => ({ id: o.id ?? o._id ?? o.name, name: o.name, displayName: o.display_name || o.name }))

const profileSchema = z
  .object({
    id: z.string(),
    name: z.string().nullish(),
    username: z.string().nullish(),
    email: z.string().nullish(),
    credential: z.string().nullish(),
    member_id: z.string().nullish(),
    customers: z.array(z.unknown()).nullish(),
    current_customer: org.nullish(),
  })
  .loose()
  .transform((p) => ({
    id: p.id,
    name: p.name ?? p.username ?? p.email ?? p.id,
    username: p.username ?? undefined,
    email: p.email ?? undefined,
    credential: p.credential ?? undefined,
    memberId: p.member_id ?? undefined,
    organizations: (p.customers ?? []).flatMap((c) => {
      const r = org.safeParse(c)
      return r.success ? [r.data] : []
    }),
    currentOrganization: p.current_customer ?? undefined,
  }))

export type Profile = z.output<typeof profileSchema>

export function getProfile({ signal }: { signal?: AbortSignal } = {}): Promise<Profile> {
  return request({ server: 'gateway', path: ['api', 'session', 'profile'], signal, schema: profileSchema })
}

const tokenSchema = z.object({ access_token: z.string().min(1) }).loose().transform((t) => t.access_token)

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** Username + password through the gateway (Basic auth); returns an access token. */
export function login(username: string, password: string, organization?: string): Promise<string> {
  return request({
    method: 'POST',
    server: 'gateway',
    path: ['api', 'auth', 'login'],
    query: organization ? { customer: organization } : undefined,
    auth: { basic: base64Utf8(`${username}:${password}`) },
    schema: tokenSchema,
  })
}

/** Switching organization issues a new token. */
export function switchOrganization(organizationId: string): Promise<string> {
  return request({ method: 'PUT', server: 'gateway', path: ['api', 'session', 'customer', organizationId], schema: tokenSchema })
}
