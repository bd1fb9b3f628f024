/**
 * The team's stores as Postgres's current rows have them (issue #12), read before joining: its live
 * stores, and which of them the team has a subscription or Lazada answer for. The current rows
 * already obey the rule for two stores with one key (the later one's key is set aside), so a key
 * names at most one team store. Reads one snapshot; writes nothing.
 */
import type { SharedTable, TeamChannel } from '../team-change'

/** Tables with one row per store: named by the store's uid. */
const KEYED_BY_STORE: readonly SharedTable[] = ['subscriptions', 'lazada_subscriptions']

export interface TeamStore {
  uid: string
  fields: Record<string, unknown>
}

export interface TeamPortfolio {
  stores: TeamStore[]
  /** Per store uid, the tables keyed by the store in which the team has its row. */
  keyedRows: Map<string, SharedTable[]>
}

export async function readTeamPortfolio(channel: TeamChannel, clientId: string): Promise<TeamPortfolio> {
  if (!channel.snapshot) throw new Error('This team channel keeps no current rows to preview a join from.')
  const { rows } = await channel.snapshot(clientId)
  const stores: TeamStore[] = []
  const keyedRows = new Map<string, SharedTable[]>()
  for (const row of rows) {
    if (row.fields === null) continue
    if (row.table === 'stores') stores.push({ uid: row.uid, fields: row.fields })
    else if (KEYED_BY_STORE.includes(row.table)) keyedRows.set(row.uid, [...(keyedRows.get(row.uid) ?? []), row.table])
  }
  return { stores, keyedRows }
}
