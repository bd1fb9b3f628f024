/**
 * A connection to the team's PostgreSQL for the sync loop (issue #12): a small pool for push and
 * pull, and a dedicated client for LISTEN. Before the loop uses it, the team schema's version is
 * checked against this app's.
 *
 * What retrying cannot fix becomes a `TeamRefusal` with a sentence for the header: a schema newer
 * or older than the app, a role in no team or without the member's grants, a plain connection to a
 * remote host, a sign-in Postgres refused. Anything else (no route, a cut, a server restarting) is
 * left as is: the loop is offline and retries.
 */
import pg from 'pg'
import type { ClientConfig } from 'pg'
import { teamConnectionOptions, TeamConnectionRefused } from './server/connection-options'
import type { TeamConnectionSettings } from './server/connection-options'
import { TeamSchemaTooNew, teamSchemaVersion } from './server/migrate-team-schema'
import { NotATeamMember, pgTeamChannel } from './server/pg-team-channel'
import type { TeamListener } from './server/pg-team-channel'
import { TEAM_MIGRATIONS } from './server/team-schema'
import type { TeamMigration } from './server/team-schema'
import { TeamRefusal } from './sync-loop'
import type { TeamConnection } from './sync-loop'
import type { TeamChannel } from './team-change'

export interface ConnectTeamOptions {
  settings: TeamConnectionSettings
  /** From the secret store. */
  password: string
  /** Reads the CA file named in the settings. */
  readFile: (path: string) => string
  /** The team schema this app knows; the app's own steps unless a test says otherwise. */
  migrations?: readonly TeamMigration[]
}

/** Postgres's codes for a sign-in it refused: wrong password or unknown role, and not allowed in. */
const AUTHENTICATION_FAILED = new Set(['28P01', '28000'])
/** A role without the team member's grants, or writing past row-level security. */
const INSUFFICIENT_PRIVILEGE = '42501'

export async function connectTeam(options: ConnectTeamOptions): Promise<TeamConnection> {
  const config = await refusing(options.settings, async () => teamConnectionOptions(options.settings, options.password, options.readFile))
  const pool = new pg.Pool({ ...config, max: 2 })
  // An idle connection the server drops: the next query fails and the loop goes offline.
  pool.on('error', () => undefined)
  try {
    await refusing(options.settings, () => checkSchema(pool, options.migrations ?? TEAM_MIGRATIONS))
  } catch (error) {
    await pool.end().catch(() => undefined)
    throw error
  }
  return pgConnection(pool, config, options.settings)
}

function pgConnection(pool: pg.Pool, config: ClientConfig, settings: TeamConnectionSettings): TeamConnection {
  const pgChannel = pgTeamChannel({ pool, connectListener: () => connectClient(config) })
  const listeners = new Set<TeamListener>()
  let lost: Error | null = null
  const usable = <T>(work: () => Promise<T>): Promise<T> => (lost ? Promise.reject(lost) : refusing(settings, work))
  const channel: TeamChannel = {
    push: (changes) => usable(() => pgChannel.push(changes)),
    pull: (afterSeq, limit) => usable(() => pgChannel.pull(afterSeq, limit)),
    snapshot: (clientId) => usable(() => pgChannel.snapshot(clientId))
  }
  return {
    channel,
    listen: async (onNotify) => {
      const listener = await refusing(settings, () =>
        pgChannel.listen(onNotify, (error) => {
          // Without the listener, teammates' changes would wait for the fallback pull: reconnect now.
          lost = error
          onNotify()
        })
      )
      listeners.add(listener)
      return async () => {
        listeners.delete(listener)
        await listener.stop()
      }
    },
    close: async () => {
      const stopping = [...listeners].map((listener) => listener.stop())
      listeners.clear()
      await Promise.allSettled([...stopping, pool.end()])
    }
  }
}

/** A client connected, or ended if it could not connect. */
export async function connectClient(config: ClientConfig): Promise<pg.Client> {
  const client = new pg.Client(config)
  try {
    await client.connect()
  } catch (error) {
    await client.end().catch(() => undefined)
    throw error
  }
  return client
}

async function checkSchema(pool: pg.Pool, migrations: readonly TeamMigration[]): Promise<void> {
  const appVersion = migrations.reduce((latest, migration) => Math.max(latest, migration.version), 0)
  const client = await pool.connect()
  // A connection cut while checked out emits 'error' besides failing the query: unheard, it would crash the process.
  const ignore = (): void => undefined
  client.on('error', ignore)
  try {
    const serverVersion = await teamSchemaVersion(client)
    if (serverVersion > appVersion) throw new TeamSchemaTooNew(serverVersion, appVersion)
    if (serverVersion < appVersion) {
      throw new TeamRefusal(
        `The team's database has schema version ${serverVersion}, older than this Storewatch (${appVersion}). Ask the team's admin to update the team schema; your local portfolio keeps working meanwhile.`
      )
    }
    client.release()
  } catch (error) {
    client.release(true)
    throw error
  } finally {
    client.off('error', ignore)
  }
}

/** Runs `work`, turning what retrying cannot fix into a `TeamRefusal`. */
async function refusing<T>(settings: TeamConnectionSettings, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw refusalOf(error, settings) ?? error
  }
}

function refusalOf(error: unknown, settings: TeamConnectionSettings): TeamRefusal | null {
  if (error instanceof TeamRefusal) return error
  if (error instanceof TeamSchemaTooNew || error instanceof NotATeamMember || error instanceof TeamConnectionRefused) return new TeamRefusal(error.message, { cause: error })
  const code = pgCode(error)
  if (code === INSUFFICIENT_PRIVILEGE) {
    return new TeamRefusal(
      `Postgres refused the role ${settings.user} the team's data (${(error as Error).message}): it is not a member of a Storewatch team, or was removed. Ask the team's admin to add it (docs/team-admin.sql).`,
      { cause: error }
    )
  }
  if (code !== undefined && AUTHENTICATION_FAILED.has(code)) {
    return new TeamRefusal(
      `Postgres at ${settings.host}:${settings.port} refused the sign-in of ${settings.user}: the password or the user is wrong, or the role may not connect. Check them in Settings → Team.`,
      { cause: error }
    )
  }
  return null
}

/** The SQLSTATE of an error from Postgres. */
function pgCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined
  return typeof code === 'string' ? code : undefined
}
