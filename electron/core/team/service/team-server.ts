/**
 * How the team service reaches the team's PostgreSQL (issue #12), passed in by main, the browser
 * host and the tests (`pgTeamServer`). `prepare` creates or migrates the team schema where the role
 * may and says who Postgres takes this person for; `connect` opens the sync loop's connection.
 */
import type { ConnectTeamOptions } from '../pg-team-connection'
import type { TeamConnection } from '../sync-loop'

export interface TeamIdentity {
  teamName: string
  /** `current_user`: the author of this person's changes. */
  role: string
}

export interface TeamServer {
  /** Throws a `TeamRefusal` for what retrying cannot fix (schema newer than the app, not a member…). */
  prepare(options: ConnectTeamOptions): Promise<TeamIdentity>
  connect(options: ConnectTeamOptions): Promise<TeamConnection>
}
