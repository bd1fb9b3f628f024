/**
 * The team's stores as its order of changes has them (issue #12), read before joining: every
 * change to `stores` folded per uid in seq order (a delete removes the store), and which stores the
 * team has a subscription or Lazada answer for. Reads through the channel; writes nothing.
 */
import type { SharedTable, TeamChannel } from '../team-change'

const PAGE = 1_000
/** Tables with one row per store: named by the store's uid. */
const KEYED_BY_STORE: readonly SharedTable[] = ['subscriptions', 'lazada_subscriptions']

export interface TeamStore {
  uid: string
  /** The seq of its first change: the earlier store keeps a key two claim. */
  firstSeq: number
  fields: Record<string, unknown>
}

export interface TeamPortfolio {
  stores: TeamStore[]
  /** Per store uid, the tables keyed by the store in which the team has its row. */
  keyedRows: Map<string, SharedTable[]>
}

export async function readTeamPortfolio(channel: TeamChannel): Promise<TeamPortfolio> {
  const stores = new Map<string, TeamStore>()
  const keyed = new Map<SharedTable, Set<string>>(KEYED_BY_STORE.map((table) => [table, new Set<string>()]))
  let after = 0
  for (;;) {
    const changes = await channel.pull(after, PAGE)
    for (const change of changes) {
      after = change.seq
      const rows = keyed.get(change.table)
      if (rows) {
        if (change.fields === null) rows.delete(change.uid)
        else rows.add(change.uid)
      }
      if (change.table !== 'stores') continue
      if (change.fields === null) stores.delete(change.uid)
      else {
        const known = stores.get(change.uid)
        stores.set(change.uid, { uid: change.uid, firstSeq: known?.firstSeq ?? change.seq, fields: { ...known?.fields, ...change.fields } })
      }
    }
    if (changes.length < PAGE) break
  }
  const keyedRows = new Map<string, SharedTable[]>()
  for (const [table, uids] of keyed) for (const uid of uids) keyedRows.set(uid, [...(keyedRows.get(uid) ?? []), table])
  return { stores: [...stores.values()].sort((a, b) => a.firstSeq - b.firstSeq), keyedRows }
}
