import * as z from 'zod/mini'
import { request } from './client'

/** The gateway: sign-in, who am I, organization switch. */

export interface Organization {
  id: string
  name: string
  displayName: string
}

const org = z.pipe(
  z.looseObject({ id: z.optional(z.string()), _id: z.optional(z.string()), name: z.string(), display_name: z.nullish(z.string()) }),
  z.transform((o): Organization => ({ id: o.id ?? o._id ?? o.name, name: o.name, displayName: o.display_name || o.name })),
)

const profileSchema = z.pipe(
  z.looseObject({
    id: z.string(),
    name: z.nullish(z.string()),
    username: z.nullish(z.string()),
    email: z.nullish(z.string()),
    credential: z.nullish(z.string()),
    member_id: z.nullish(z.string()),
    customers: z.nullish(z.array(z.unknown())),
    current_customer: z.nullish(org),
  }),
  z.transform((p) => ({
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
  })),
)

export type Profile = z.output<typeof profileSchema>

export function getProfile({ signal }: { signal?: AbortSignal } = {}): Promise<Profile> {
  return request({ server: 'gateway', path: ['api', 'session', 'profile'], signal, schema: profileSchema })
}

const tokenSchema = z.pipe(z.looseObject({ access_token: z.string().check(z.minLength(1)) }), z.transform((t) => t.access_token))

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
