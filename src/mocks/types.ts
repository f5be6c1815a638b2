// Shapes of the mock world. Job and task documents are kept loose on purpose: the mock stores raw JSON exactly as
// the real supervisor serialises it (including malformed documents in the `hostile` scenario), so every field other
// than `id` and `_type` is `unknown` and read through small helpers.

export type Credential = 'viewer' | 'user' | 'agent' | 'manager' | 'admin' | 'integration' | 'owner' | 'root'

/** core/lib/acl.js order: requireCredential(x) means level >= x. */
export const CREDENTIAL_LEVEL: Record<Credential, number> = {
  viewer: 0,
  user: 1,
  agent: 2,
  manager: 3,
  admin: 4,
  integration: 5,
  owner: 6,
  root: 7,
}

export interface Customer {
  id: string
  name: string
  display_name: string
}

export interface Membership {
  /** organisation name */
  customer: string
  credential: Credential
  /** gateway member id (distinct from the user id) */
  member_id: string
}

export interface GatewayUser {
  id: string
  username: string
  name: string
  email: string
  password: string
  memberships: Membership[]
}

export interface Session {
  token: string
  userId: string
  customerName: string
  credential: Credential
}

export interface Host {
  id: string
  hostname: string
  customer_id: string
  /** 'normal' = agent reporting; 'updates_stopped' = agent down (jobs stay queued) */
  state: 'normal' | 'updates_stopped'
}

export interface TaskArgument {
  id: number
  order: number
  type: string
  label: string
  value?: unknown
  help?: string
  readonly?: boolean
  required?: boolean
  multiple?: boolean
  masked?: boolean
  charsmin?: number
  charsmax?: number
  charset?: string | null
  pattern?: string
  options?: unknown[]
  [key: string]: unknown
}

/** A Task as stored by the mock. `secret` is internal: it is stripped whenever a task is serialised. */
export interface TaskDoc {
  id: string
  _type: string
  type: string
  name: string
  customer_id: string
  secret: string
  task_arguments: TaskArgument[]
  [key: string]: unknown
}

/** A job document exactly as the real server's toJSON() produces it. */
export interface JobDoc {
  id: string
  _type: string
  [key: string]: unknown
}

export interface ResultUser {
  email?: string
  username?: string
  id?: string
}
