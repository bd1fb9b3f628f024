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
import type { PullResult } from './apply'
import { installCapture, removeCapture } from './capture'
import { pushOutbox, unpushedCount } from './push'
import type { ReplicaContext } from './push'
import { linkStores, notQueued } from './store-links'
import type { StoreLink } from './store-links'
import { readSharedTables } from './tables'
import type { SharedTables } from './tables'
import { readState, writeState } from './team-state'
import type { NewUid } from './uids'

export interface TeamReplica {
  /** This laptop's name in the team's order; null until it first joins. */
  clientId(): string | null
  joined(): boolean
  /**
   * Starts capturing; with `shareLocal`, the rows already here are queued for the team too, but for
   * the stores linked to team stores (`links`, store-links.ts).
   */
  join(options: { shareLocal: boolean; links?: readonly StoreLink[] }): void
  leave(): void
  /** Sends what is pending; nothing while not joined. */
  push(): Promise<number>
  /** Applies what the team has that this laptop has not; nothing while not joined. */
  pull(): Promise<PullResult>
  /** Changes captured here that the team has not acknowledged yet. */
  unpushed(): number
}

export interface TeamReplicaDeps {
  sqlite: Database.Database
  channel: TeamChannel
  newUid?: NewUid
}

/**
 * The channel of a replica that only joins and leaves: its pushes and pulls go through the sync
 * loop, which hands each the channel of its current connection (replica-port.ts).
 */
export const LOOP_ONLY_CHANNEL: TeamChannel = {
  push: () => Promise.reject(new Error('team changes go through the sync loop')),
  pull: () => Promise.reject(new Error('team changes go through the sync loop'))
}

/** Creating it reads and writes nothing: solo stays as it was. */
export function createTeamReplica(deps: TeamReplicaDeps): TeamReplica {
  const { sqlite, channel } = deps
  const newUid = deps.newUid ?? randomUUID
  const joined = () => readState(sqlite, 'joined') === '1'
  const context = (): ReplicaContext | null => {
    const clientId = readState(sqlite, 'client_id')
    return joined() && clientId ? { sqlite, tables: readSharedTables(sqlite), clientId, newUid } : null
  }
  return {
    clientId: () => readState(sqlite, 'client_id'),
    joined,
    join: ({ shareLocal, links = [] }) =>
      writeTransaction(sqlite, () => {
        if (joined()) return
        const tables = readSharedTables(sqlite)
        ensureClientId(sqlite, newUid)
        linkStores(sqlite, links)
        installCapture(sqlite, tables)
        if (shareLocal) queueLocalRows(sqlite, tables, links)
        writeState(sqlite, 'joined', '1')
      }),
    leave: () =>
      writeTransaction(sqlite, () => {
        removeCapture(sqlite, readSharedTables(sqlite))
        writeState(sqlite, 'joined', '0')
      }),
    push: async () => {
      const joinedContext = context()
      return joinedContext ? pushOutbox(joinedContext, channel) : 0
    },
    pull: async () => {
      const joinedContext = context()
      return joinedContext ? pullAndApply(joinedContext, channel) : { pulled: 0, storeIds: [] }
    },
    unpushed: () => unpushedCount(sqlite)
  }
}

function ensureClientId(sqlite: Database.Database, newUid: NewUid): void {
  if (!readState(sqlite, 'client_id')) writeState(sqlite, 'client_id', newUid())
}

/** Every row already here as an insert, parents before children (SHARED_TABLES is in that order). */
function queueLocalRows(sqlite: Database.Database, tables: SharedTables, links: readonly StoreLink[]): void {
  for (const name of SHARED_TABLES) {
    const info = tables.get(name)
    if (!info) continue
    const fields = `json_object(${info.columns.map((c) => `'${c}', "${c}"`).join(', ')})`
    sqlite
      .prepare(
        `INSERT INTO team_outbox (table_name, local_id, op, fields) SELECT '${name}', ${info.key}, 'insert', ${fields} FROM ${name}
         WHERE ${info.key} NOT IN (SELECT value FROM json_each(?)) ORDER BY ${info.key}`
      )
      .run(notQueued(info, links))
  }
}
