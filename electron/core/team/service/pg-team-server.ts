/**
 * The team's PostgreSQL through `pg` (issue #12). Preparing migrates the team schema when it is
 * older than this app and the role may (its owner: a superuser or BYPASSRLS); a plain member cannot,
 * and needs not when the schema is current. A schema newer than the app is refused untouched.
 */
import pg from 'pg'
import { connectTeam } from '../pg-team-connection'
import type { ConnectTeamOptions } from '../pg-team-connection'
import { teamConnectionOptions } from '../server/connection-options'
import { migrateTeamSchema, TeamSchemaTooNew, teamSchemaVersion } from '../server/migrate-team-schema'
import { TEAM_MIGRATIONS } from '../server/team-schema'
import type { TeamMigration } from '../server/team-schema'
import { TeamRefusal } from '../sync-loop'
import type { TeamIdentity, TeamServer } from './team-server'

export const pgTeamServer: TeamServer = {
  prepare: prepareTeam,
  // connectTeam checks the schema version again and turns Postgres's refusals into TeamRefusals.
  connect: connectTeam
}

async function prepareTeam(options: ConnectTeamOptions): Promise<TeamIdentity> {
  const migrations = options.migrations ?? TEAM_MIGRATIONS
  const client = new pg.Client(teamConnectionOptions(options.settings, options.password, options.readFile))
  client.on('error', () => undefined)
  await client.connect()
  try {
    await migrateIfOlder(client, migrations, options.settings.user)
  } finally {
    await client.end().catch(() => undefined)
  }
  // Through connectTeam's checks (version, sign-in, grants), so a refusal reads as the loop's would.
  const connection = await connectTeam(options)
  await connection.close()
  return identify(options)
}

async function migrateIfOlder(client: pg.Client, migrations: readonly TeamMigration[], user: string): Promise<void> {
  const appVersion = migrations.reduce((latest, step) => Math.max(latest, step.version), 0)
  const serverVersion = await teamSchemaVersion(client)
  if (serverVersion > appVersion) throw new TeamRefusal(new TeamSchemaTooNew(serverVersion, appVersion).message)
  if (serverVersion === appVersion) return
  try {
    await migrateTeamSchema(client, migrations)
  } catch (error) {
    if (error instanceof TeamSchemaTooNew) throw new TeamRefusal(error.message)
    const what = serverVersion === 0 ? 'has no Storewatch team schema yet' : `has team schema version ${serverVersion}, older than this Storewatch (${appVersion})`
    throw new TeamRefusal(
      `The team’s database ${what}, and the role ${user} may not create or migrate it (${(error as Error).message}). Ask the team’s admin to open Storewatch once as the schema’s owner.`
    )
  }
}

async function identify(options: ConnectTeamOptions): Promise<TeamIdentity> {
  const client = new pg.Client(teamConnectionOptions(options.settings, options.password, options.readFile))
  client.on('error', () => undefined)
  await client.connect()
  try {
    const result = await client.query<{ team: string | null; role: string }>(
      'SELECT (SELECT name FROM storewatch_team.teams WHERE id = storewatch_team.current_team()) AS team, current_user AS role'
    )
    const row = result.rows[0]
    if (!row?.team) throw new TeamRefusal(`The role ${options.settings.user} is in no Storewatch team. Ask the team’s admin to add it (docs/team-admin.sql).`)
    return { teamName: row.team, role: row.role }
  } finally {
    await client.end().catch(() => undefined)
  }
}
