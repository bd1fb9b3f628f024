/**
 * The laptop's side of team sync (issue #12; docs/team-sync.md, "The laptop's side"). Solo, none of
 * it runs: no triggers, no extra writes. `join` installs the capture triggers and queues the local
 * portfolio for the team; `leave` drops the triggers and keeps every row.
 */
import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import { writeTransaction } from '../../db/write-transaction'
import { SHARED_TABLES } from '../team-change'
import type { TeamChannel } from '../team-change'
import { pullAndApply } from './apply'
import { installCapture, removeCapture } from './capture'
import { pushOutbox, unpushedCount } from './push'
import type { ReplicaContext } from './push'
import { readSharedTables } from './tables'
import { readState, writeState } from './team-state'
import type { NewUid } from './uids'

export interface TeamReplica {
  readonly clientId: string
  joined(): boolean
  /** Starts capturing; with `shareLocal`, the rows already here are queued for the team too. */
  join(options: { shareLocal: boolean }): void
  leave(): void
  push(): Promise<number>
  pull(): Promise<number>
  /** Changes captured here that the team has not acknowledged yet. */
  unpushed(): number
}

export interface TeamReplicaDeps {
  sqlite: Database.Database
  channel: TeamChannel
  newUid?: NewUid
}

export function createTeamReplica(deps: TeamReplicaDeps): TeamReplica {
  const { sqlite, channel } = deps
  const newUid = deps.newUid ?? randomUUID
  const tables = readSharedTables(sqlite)
  const clientId = writeTransaction(sqlite, () => ensureClientId(sqlite, newUid))
  const context: ReplicaContext = { sqlite, tables, clientId, newUid }
  return {
    clientId,
    joined: () => readState(sqlite, 'joined') === '1',
    join: ({ shareLocal }) =>
      writeTransaction(sqlite, () => {
        if (readState(sqlite, 'joined') === '1') return
        installCapture(sqlite, tables)
        if (shareLocal) queueLocalRows(sqlite, tables)
        writeState(sqlite, 'joined', '1')
      }),
    leave: () =>
      writeTransaction(sqlite, () => {
        removeCapture(sqlite, tables)
        writeState(sqlite, 'joined', '0')
      }),
    push: () => pushOutbox(context, channel),
    pull: () => pullAndApply(context, channel),
    unpushed: () => unpushedCount(sqlite)
  }
}

function ensureClientId(sqlite: Database.Database, newUid: NewUid): string {
  const known = readState(sqlite, 'client_id')
  if (known) return known
  const id = newUid()
  writeState(sqlite, 'client_id', id)
  return id
}

/** Every row already here as an insert, parents before children (SHARED_TABLES is in that order). */
function queueLocalRows(sqlite: Database.Database, tables: ReturnType<typeof readSharedTables>): void {
  for (const name of SHARED_TABLES) {
    const info = tables.get(name)
    if (!info) continue
    const fields = `json_object(${info.columns.map((c) => `'${c}', "${c}"`).join(', ')})`
    sqlite.exec(`INSERT INTO team_outbox (table_name, local_id, op, fields) SELECT '${name}', ${info.key}, 'insert', ${fields} FROM ${name} ORDER BY ${info.key}`)
  }
}
