/**
 * What applying a remote change to `stores` does beyond writing its fields: the search text is
 * recomputed here from the row (it never travels), and a store whose key (country and short code,
 * or country and login e-mail) another store already holds is kept, with its key set aside in a
 * merge offer for the KAM, never dropped and never failing the pull.
 *
 * The rule, the same on every laptop: the store earlier in the team's order keeps the key. A local
 * store not yet seen back from the team is later than anything being pulled, so it is the one set aside.
 */
import type Database from 'better-sqlite3'
import { searchTextOf } from '../../portfolio/store-display'
import type { ContactChannel } from '../../../shared/store-fields'
import { keyHeldByPendingDelete } from './pending'
import { statement } from './statements'

export type Row = Record<string, unknown>

const KEY_COLUMNS = ['seller_short_code', 'login_email'] as const
/** A pending local change to one of these makes the local store the later one for its key. */
export const KEY_FIELDS = ['country', ...KEY_COLUMNS] as const
const NO_KEY = { seller_short_code: null, login_email: null }

export function readStore(sqlite: Database.Database, id: number): Row | undefined {
  return statement(sqlite, 'SELECT * FROM stores WHERE id = ?').get(id) as Row | undefined
}

/** The other store holding the key `row` would have, if any. */
export function keyHolder(sqlite: Database.Database, row: Row, selfId: number | null): number | null {
  const self = selfId ?? -1
  const byCode = row.seller_short_code !== null && row.seller_short_code !== undefined
  const sql = byCode
    ? 'SELECT id FROM stores WHERE country = ? AND seller_short_code = ? AND id <> ?'
    : 'SELECT id FROM stores WHERE country = ? AND seller_short_code IS NULL AND login_email = ? AND id <> ?'
  const key = byCode ? row.seller_short_code : row.login_email
  if (key === null || key === undefined) return null
  return (statement(sqlite, sql).pluck().get(row.country, key, self) as number | undefined) ?? null
}

/** The store `row` would be, with its key: a store deleted here, its delete not handed back, holds that key still. */
export function keyHeldByDeleted(sqlite: Database.Database, row: Row): boolean {
  const byCode = row.seller_short_code !== null && row.seller_short_code !== undefined
  const key = byCode ? row.seller_short_code : row.login_email
  if (key === null || key === undefined) return false
  return keyHeldByPendingDelete(sqlite, row.country, byCode ? 'seller_short_code' : 'login_email', key)
}

/** The key fields of `row`, as the merge offer keeps them. */
export function keyOf(row: Row): Row {
  return Object.fromEntries(KEY_COLUMNS.map((c) => [c, row[c] ?? null]))
}

/** Sets a store's key aside; it keeps every other field. */
export function clearKey(sqlite: Database.Database, id: number): void {
  statement(sqlite, 'UPDATE stores SET seller_short_code = NULL, login_email = NULL WHERE id = ?').run(id)
}

export function offerMerge(sqlite: Database.Database, held: number, holder: number, key: Row, seq: number): void {
  statement(sqlite, 'INSERT INTO team_merge_offers (held_store_id, holder_store_id, held_key, seq) VALUES (?, ?, ?, ?)').run(held, holder, JSON.stringify(key), seq)
}

export function withoutKey(fields: Row): Row {
  return { ...fields, ...NO_KEY }
}

export function refreshSearchText(sqlite: Database.Database, id: number): void {
  const row = readStore(sqlite, id)
  if (row) statement(sqlite, 'UPDATE stores SET search_text = ? WHERE id = ?').run(searchTextOfRow(row), id)
}

/** The search text of a store's row, by SQLite column name (`tags` as its JSON text). */
export function searchTextOfRow(row: Row): string {
  return searchTextOf({
    clientName: String(row.client_name),
    storeName: String(row.store_name),
    country: String(row.country),
    sellerShortCode: row.seller_short_code as string | null,
    sellerId: row.seller_id as string | null,
    loginEmail: row.login_email as string | null,
    contactName: row.contact_name as string | null,
    contactEmail: row.contact_email as string | null,
    contactPhone: row.contact_phone as string | null,
    contactChannel: row.contact_channel as ContactChannel | null,
    omsStoreRef: row.oms_store_ref as string | null,
    ownerKam: row.owner_kam as string | null,
    tags: JSON.parse(String(row.tags ?? '[]')) as string[],
    notes: row.notes as string | null
  })
}
