/**
 * Creates and migrates the team schema (issue #12), in one transaction that holds an advisory lock,
 * so two apps starting at once apply each step once. A schema newer than this app is refused before
 * anything changes: this app must not write rows it does not understand.
 */
import type { ClientBase } from 'pg'
import { inPgTransaction } from './pg-transaction'
import { TEAM_MIGRATIONS, type TeamMigration } from './team-schema'

/** Any fixed key: it serialises migrations across every app on the server. */
const MIGRATION_LOCK_KEY = 0x53_57_54_4d // "SWTM"

export class TeamSchemaTooNew extends Error {
  override name = 'TeamSchemaTooNew'
  constructor(
    readonly serverVersion: number,
    readonly appVersion: number
  ) {
    super(
      `The team's database has schema version ${serverVersion}, newer than this Storewatch knows (${appVersion}). Update Storewatch to sync with the team; your local portfolio keeps working meanwhile.`
    )
  }
}

export interface TeamSchemaMigrated {
  from: number
  to: number
}

export async function migrateTeamSchema(client: ClientBase, migrations: readonly TeamMigration[] = TEAM_MIGRATIONS): Promise<TeamSchemaMigrated> {
  const appVersion = latestVersion(migrations)
  return inPgTransaction(client, async () => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
    const from = await teamSchemaVersion(client)
    if (from > appVersion) throw new TeamSchemaTooNew(from, appVersion)
    for (const step of migrations.filter((migration) => migration.version > from)) await client.query(step.sql)
    if (appVersion > from) await saveVersion(client, appVersion)
    return { from, to: appVersion }
  })
}

/** The version the server holds; 0 when the schema has never been created. */
export async function teamSchemaVersion(client: ClientBase): Promise<number> {
  const exists = await client.query<{ present: boolean }>(`SELECT to_regclass('storewatch_team.schema_version') IS NOT NULL AS present`)
  if (!exists.rows[0]?.present) return 0
  const result = await client.query<{ version: number }>('SELECT version FROM storewatch_team.schema_version')
  return result.rows[0]?.version ?? 0
}

function latestVersion(migrations: readonly TeamMigration[]): number {
  return migrations.reduce((latest, migration) => Math.max(latest, migration.version), 0)
}

async function saveVersion(client: ClientBase, version: number): Promise<void> {
  await client.query(
    'INSERT INTO storewatch_team.schema_version (version) VALUES ($1) ON CONFLICT (only_row) DO UPDATE SET version = EXCLUDED.version',
    [version]
  )
}
