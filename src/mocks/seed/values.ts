// Small value shapes the server writes into jobs: the result user, output strings, ANSI colours.

import type { GatewayUser, ResultUser } from '../types'

// ---------------------------------------------------------------------------------------------------------------
// small helpers


export function resultUser(user: Pick<GatewayUser, 'email' | 'username' | 'id'>): ResultUser {
  return { email: user.email, id: user.id, username: user.username }
}

/** index.js parseOutputParameters: every element a string; non-strings JSON.stringify'd. */
export function toOutputStrings(value: unknown): string[] {
  if (value === undefined || value === null) return []
  const items = Array.isArray(value) ? value : [value]
  return items.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
}

export const ANSI = {
  reset: '\x1b[0m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
}

export function userFor(u: GatewayUser): Pick<GatewayUser, 'id' | 'email' | 'username'> {
  return { id: u.id, email: u.email, username: u.username }
}
