/**
 * How Storewatch connects to the team's PostgreSQL (issue #12): TLS with `verify-full` semantics
 * (the server's certificate must chain to a trusted CA and name the host), except on loopback, where
 * TLS is the caller's choice. A non-loopback host without TLS is refused before anything connects.
 */
import { isIP } from 'node:net'
import type { ClientConfig } from 'pg'

export interface TeamConnectionSettings {
  host: string
  port: number
  database: string
  user: string
  /** `disable` is allowed on loopback only. */
  tls: 'verify-full' | 'disable'
  /** A PEM file of the CA that signed the server's certificate; the system's CAs when absent. */
  caFile?: string
}

export class TeamConnectionRefused extends Error {
  override name = 'TeamConnectionRefused'
}

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (bare === 'localhost' || bare === '::1') return true
  return isIP(bare) === 4 && bare.startsWith('127.')
}

/**
 * The `pg` client settings for `settings`, with `password` from the secret store. `readFile` reads
 * the CA file (a collaborator, so callers and tests choose how).
 */
export function teamConnectionOptions(
  settings: TeamConnectionSettings,
  password: string,
  readFile: (path: string) => string
): ClientConfig {
  const { host, port, database, user } = settings
  return { host, port, database, user, password, ssl: tlsOptions(settings, readFile) }
}

function tlsOptions(settings: TeamConnectionSettings, readFile: (path: string) => string): ClientConfig['ssl'] {
  if (settings.tls === 'disable') {
    if (isLoopbackHost(settings.host)) return false
    throw new TeamConnectionRefused(
      `Storewatch connects to ${settings.host} only over TLS: without it the password and the team's data would cross the network readable. Turn TLS on (verify-full), or use a server on this machine.`
    )
  }
  return {
    rejectUnauthorized: true,
    // Node checks the certificate against the IP itself when the host is an address.
    ...(isIP(settings.host) === 0 ? { servername: settings.host } : {}),
    ...(settings.caFile ? { ca: readFile(settings.caFile) } : {})
  }
}
