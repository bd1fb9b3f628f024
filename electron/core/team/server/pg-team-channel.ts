/**
 * The team's channel over PostgreSQL (issue #12). Postgres gives every change its place in the
 * team's order (`seq`), the author (`current_user`) and the commit time; the laptop gives only what
 * changed. Push takes a per-team advisory lock for the length of its transaction, so seq order is
 * commit order: a puller that has seen seq N never later finds a committed change below N.
 */
import pg from 'pg'
import type { ClientBase, Pool } from 'pg'
import type { OutgoingChange, SharedTable, TeamChange, TeamChannel } from '../team-change'
import { inPgTransaction } from './pg-transaction'
import { currentTeam } from './current-team'
import { readSnapshot } from './pg-team-snapshot'

export { NotATeamMember } from './current-team'

/** Namespace of the per-team push lock (the second key is the team's hash). */
const PUSH_LOCK_NAMESPACE = 0x53_57_50_53 // "SWPS"

export interface TeamListener {
  /** Ends the listening connection. */
  stop(): Promise<void>
}

export interface PgTeamChannel extends Required<TeamChannel> {
  /**
   * Calls `onChange` with the highest seq of every push the team commits, over a dedicated
   * connection (LISTEN/NOTIFY). `onLost` hears when that connection breaks; pulling still works.
   */
  listen(onChange: (seq: number) => void, onLost: (error: Error) => void): Promise<TeamListener>
}

export interface PgTeamChannelOptions {
  /** Connections for push and pull, as the person's own role. The caller owns the pool and its errors. */
  pool: Pick<Pool, 'connect'>
  /** A new connection of its own for LISTEN (a transaction-pooling proxy would break it). */
  connectListener(): Promise<pg.Client>
}

export function pgTeamChannel(options: PgTeamChannelOptions): PgTeamChannel {
  return {
    push: (changes) => (changes.length === 0 ? Promise.resolve() : withPoolClient(options.pool, (client) => pushChanges(client, changes))),
    pull: (afterSeq, limit) => withPoolClient(options.pool, (client) => pullChanges(client, afterSeq, limit)),
    snapshot: (clientId) => withPoolClient(options.pool, (client) => readSnapshot(client, clientId)),
    listen: (onChange, onLost) => listenForChanges(options.connectListener, onChange, onLost)
  }
}

async function withPoolClient<T>(pool: Pick<Pool, 'connect'>, work: (client: ClientBase) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  // A connection that breaks while checked out emits 'error'; the query in flight rejects with it.
  const ignore = (): void => undefined
  client.on('error', ignore)
  try {
    const result = await work(client)
    client.release()
    return result
  } catch (error) {
    // A connection that failed mid-query is not given back for reuse.
    client.release(error instanceof Error ? error : true)
    throw error
  } finally {
    client.off('error', ignore)
  }
}

async function pushChanges(client: ClientBase, changes: readonly OutgoingChange[]): Promise<void> {
  await inPgTransaction(client, async () => {
    const team = await currentTeam(client)
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PUSH_LOCK_NAMESPACE, team])
    const highest = await insertChanges(client, team, changes)
    if (highest !== null) await client.query('SELECT pg_notify($1, $2)', [channelName(team), String(highest)])
  })
}

/** Inserts in the given order; repeats are skipped. Returns the highest new seq, or null if all were repeats. */
async function insertChanges(client: ClientBase, team: string, changes: readonly OutgoingChange[]): Promise<number | null> {
  const result = await client.query<{ highest: string | null }>(
    `WITH inserted AS (
       INSERT INTO storewatch_team.changes (team_id, client_id, client_seq, table_name, uid, fields)
       SELECT $1, c.client_id, c.client_seq, c.table_name, c.uid, c.fields::jsonb
         FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
              AS c(client_id, client_seq, table_name, uid, fields, position)
        ORDER BY c.position
       ON CONFLICT (team_id, client_id, client_seq) DO NOTHING
       RETURNING seq)
     SELECT max(seq)::text AS highest FROM inserted`,
    [
      team,
      changes.map((change) => change.clientId),
      changes.map((change) => change.clientSeq),
      changes.map((change) => change.table),
      changes.map((change) => change.uid),
      changes.map((change) => (change.fields === null ? null : JSON.stringify(change.fields)))
    ]
  )
  const highest = result.rows[0]?.highest
  return highest == null ? null : Number(highest)
}

interface ChangeRow {
  seq: string
  client_id: string
  client_seq: string
  table_name: string
  uid: string
  fields: Record<string, unknown> | null
  author: string
  committed_at: Date
}

async function pullChanges(client: ClientBase, afterSeq: number, limit: number): Promise<TeamChange[]> {
  const result = await client.query<ChangeRow>(
    `SELECT seq, client_id, client_seq, table_name, uid, fields, author, committed_at
       FROM storewatch_team.changes
      WHERE team_id = storewatch_team.current_team() AND seq > $1
      ORDER BY seq LIMIT $2`,
    [afterSeq, limit]
  )
  return result.rows.map(teamChange)
}

function teamChange(row: ChangeRow): TeamChange {
  return {
    seq: Number(row.seq),
    clientId: row.client_id,
    clientSeq: Number(row.client_seq),
    table: row.table_name as SharedTable,
    uid: row.uid,
    fields: row.fields,
    author: row.author,
    committedAt: row.committed_at.toISOString()
  }
}

async function listenForChanges(
  connect: () => Promise<pg.Client>,
  onChange: (seq: number) => void,
  onLost: (error: Error) => void
): Promise<TeamListener> {
  const client = await connect()
  let stopping = false
  client.on('error', (error) => stopping || onLost(error))
  try {
    const channel = channelName(await currentTeam(client))
    client.on('notification', (message) => message.channel === channel && onChange(Number(message.payload)))
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
  } catch (error) {
    await client.end()
    throw error
  }
  return {
    stop: async () => {
      stopping = true
      await client.end()
    }
  }
}

/** One NOTIFY channel per team; an identifier of at most 63 bytes. */
function channelName(team: string): string {
  return `storewatch_team_${team.replaceAll('-', '')}`
}
