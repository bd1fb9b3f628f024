/**
 * The team's PostgreSQL connection as Settings → Team saved it (issue #12): one row in
 * `team_connection`, on this laptop only (not a shared table). Saving checks what can be checked
 * without connecting: a plain (non-TLS) connection is allowed to a loopback host only.
 */
import { eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../db/open-database'
import { teamConnection } from '../../db/schema'
import { AppError } from '../../errors'
import type { TeamConnectionSettings } from '../../../shared/team'
import { isLoopbackHost } from '../server/connection-options'
import type { TeamConnectionSettings as PgConnectionSettings } from '../server/connection-options'

const ONLY_ROW = 1

export function readSavedConnection(database: Pick<DatabaseHandle, 'db'>): TeamConnectionSettings | null {
  const row = database.db.select().from(teamConnection).where(eq(teamConnection.id, ONLY_ROW)).get()
  if (!row) return null
  return { host: row.host, port: row.port, database: row.database, user: row.user, tls: row.tls, caFile: row.caFile }
}

/** Refuses, naming the field, a connection Storewatch would never open. */
export function checkConnection(settings: TeamConnectionSettings): void {
  if (settings.tls === 'disable' && !isLoopbackHost(settings.host)) {
    throw new AppError('invalid-input', `TLS can be turned off only for a server on this machine; ${settings.host} is not one.`, [
      { field: 'tls', message: `Turn TLS on (verify-full) to connect to ${settings.host}: without it the password and the team’s data would cross the network readable.` }
    ])
  }
}

export function saveConnection(database: Pick<DatabaseHandle, 'db'>, settings: TeamConnectionSettings, at: number): void {
  checkConnection(settings)
  const values = { host: settings.host, port: settings.port, database: settings.database, user: settings.user, tls: settings.tls, caFile: settings.caFile || null, updatedAt: at }
  database.db
    .insert(teamConnection)
    .values({ id: ONLY_ROW, ...values })
    .onConflictDoUpdate({ target: teamConnection.id, set: values })
    .run()
}

/** Who Postgres took this person for at the last preview or join; null before. */
export function readIdentity(database: Pick<DatabaseHandle, 'db'>): { teamName: string | null; role: string | null } {
  const row = database.db.select({ teamName: teamConnection.teamName, role: teamConnection.role }).from(teamConnection).where(eq(teamConnection.id, ONLY_ROW)).get()
  return row ?? { teamName: null, role: null }
}

export function saveIdentity(database: Pick<DatabaseHandle, 'db'>, identity: { teamName: string; role: string }): void {
  database.db.update(teamConnection).set(identity).where(eq(teamConnection.id, ONLY_ROW)).run()
}

/** The settings as the pg connection reads them. */
export function pgSettingsOf(settings: TeamConnectionSettings): PgConnectionSettings {
  return { host: settings.host, port: settings.port, database: settings.database, user: settings.user, tls: settings.tls, ...(settings.caFile ? { caFile: settings.caFile } : {}) }
}
