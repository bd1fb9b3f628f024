/**
 * Reaching the team with the saved connection (issue #12): the connection and its sealed password
 * as `connectTeam` takes them, and errors turned into messages for Settings → Team.
 */
import type { DatabaseHandle } from '../../db/open-database'
import { AppError } from '../../errors'
import type { ConnectTeamOptions } from '../pg-team-connection'
import type { TeamMigration } from '../server/team-schema'
import { TeamRefusal } from '../sync-loop'
import { pgSettingsOf, readSavedConnection } from './saved-connection'
import type { TeamPassword } from './team-password'

export interface TeamAccessDeps {
  database: Pick<DatabaseHandle, 'db'>
  password: TeamPassword
  readFile: (path: string) => string
  /** The team schema this app knows; the app's own unless a test says otherwise. */
  migrations?: readonly TeamMigration[]
}

/** What the saved connection connects with; a missing connection or password is a refusal. */
export async function accessOptions(deps: TeamAccessDeps): Promise<ConnectTeamOptions> {
  const settings = readSavedConnection(deps.database)
  if (!settings) throw new TeamRefusal('No team connection is saved: enter it in Settings → Team.')
  const password = await deps.password.read().catch((error: unknown) => {
    throw new TeamRefusal((error as Error).message)
  })
  return { settings: pgSettingsOf(settings), password, readFile: deps.readFile, ...(deps.migrations ? { migrations: deps.migrations } : {}) }
}

/** Runs `work` against the team; what went wrong becomes an AppError naming the server. */
export async function withTeam<T>(deps: TeamAccessDeps, work: (options: ConnectTeamOptions) => Promise<T>): Promise<T> {
  try {
    return await work(await accessOptions(deps))
  } catch (error) {
    if (error instanceof AppError) throw error
    if (error instanceof TeamRefusal) throw new AppError('conflict', error.message)
    const settings = readSavedConnection(deps.database)
    const where = settings ? `${settings.host}:${settings.port}` : 'the team’s server'
    throw new AppError('conflict', `Storewatch could not reach the team’s database at ${where}: ${(error as Error).message}. Nothing was changed here.`)
  }
}
