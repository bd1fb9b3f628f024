/**
 * The one-time `state` of an authorization attempt: 128 random bits from the OS CSPRNG, written as
 * 22 base64url characters. Only its SHA-256 is stored, so a copy of the database cannot replay it.
 */
import { createHash, randomBytes } from 'node:crypto'

export const STATE_BYTES = 16

/** What a state looks like: exactly 22 base64url characters (16 bytes, no padding). */
export const STATE_PATTERN = /^[A-Za-z0-9_-]{22}$/

export function newState(random: (size: number) => Buffer = randomBytes): string {
  return random(STATE_BYTES).toString('base64url')
}

/** Hex SHA-256 of a state, as stored and looked up. */
export function hashState(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex')
}
