/**
 * Two stores with one key, found on sync (issue #12, point 6), and the KAM's choice. Merging moves
 * the held store's history, records and runs onto the holder, then deletes the held store, all in one
 * transaction: the capture triggers queue every step, so the merge reaches the team as one. Keeping
 * both dismisses the offer on this laptop; the held store stays, without the key.
 */
import type Database from 'better-sqlite3'
import type { CoveredCountry } from '../../../shared/countries'
import type { TeamMergeOffer } from '../../../shared/team'
import { writeTransaction } from '../../db/write-transaction'
import { AppError } from '../../errors'

interface OfferRow {
  id: number
  heldKey: string
  holderId: number
  holderName: string
  heldId: number
  heldName: string
  country: string
}

/** Rows keyed by the store (their primary key is `store_id`): copied to a holder that has none. */
const ONE_PER_STORE = ['subscriptions', 'lazada_subscriptions'] as const
/** Rows that belong to a store by `store_id` and travel with it. */
const MANY_PER_STORE = ['store_history', 'authorizations', 'checklist_runs'] as const
const CLASH_NOTE = 'Cancelled when its store was merged into another store with an open run of this checklist.'

export function listMergeOffers(sqlite: Database.Database): TeamMergeOffer[] {
  const rows = sqlite
    .prepare(
      `SELECT o.id, o.held_key AS heldKey, holder.id AS holderId, holder.store_name AS holderName, held.id AS heldId, held.store_name AS heldName, held.country
         FROM team_merge_offers o JOIN stores holder ON holder.id = o.holder_store_id JOIN stores held ON held.id = o.held_store_id
        ORDER BY o.seq, o.id`
    )
    .all() as OfferRow[]
  return rows.map((row) => {
    const key = JSON.parse(row.heldKey) as { seller_short_code?: string | null; login_email?: string | null }
    const byCode = typeof key.seller_short_code === 'string'
    return {
      id: row.id,
      country: row.country as CoveredCountry,
      by: byCode ? 'short-code' : 'login-email',
      value: String((byCode ? key.seller_short_code : key.login_email) ?? ''),
      holder: { storeId: row.holderId, name: row.holderName },
      held: { storeId: row.heldId, name: row.heldName }
    }
  })
}

/** Resolves one offer; returns the stores it touched (the holder, and the held one if merged away). */
export function resolveMergeOffer(sqlite: Database.Database, offerId: number, action: 'merge' | 'keep-both'): number[] {
  const offer = listMergeOffers(sqlite).find((o) => o.id === offerId)
  if (!offer) throw new AppError('not-found', `Merge offer #${offerId} is gone: it was resolved already, or one of its stores was deleted.`)
  return writeTransaction(sqlite, () => {
    if (action === 'keep-both') {
      sqlite.prepare('DELETE FROM team_merge_offers WHERE id = ?').run(offerId)
      return [offer.held.storeId]
    }
    mergeInto(sqlite, offer.held.storeId, offer.holder.storeId)
    return [offer.holder.storeId, offer.held.storeId]
  })
}

function mergeInto(sqlite: Database.Database, held: number, holder: number): void {
  // One open run per store and checklist: the held store's run gives way to the holder's.
  sqlite
    .prepare(
      `UPDATE checklist_runs SET status = 'cancelled', end_note = ? WHERE store_id = ? AND status = 'open'
         AND playbook IN (SELECT playbook FROM checklist_runs WHERE store_id = ? AND status = 'open')`
    )
    .run(CLASH_NOTE, held, holder)
  for (const table of MANY_PER_STORE) sqlite.prepare(`UPDATE ${table} SET store_id = ? WHERE store_id = ?`).run(holder, held)
  for (const table of ONE_PER_STORE) copyToHolder(sqlite, table, held, holder)
  sqlite.prepare('INSERT OR IGNORE INTO store_watches (store_id, created_at) SELECT ?, created_at FROM store_watches WHERE store_id = ?').run(holder, held)
  // The rest (its merge offers, reminders, status, snoozes) goes with it through ON DELETE CASCADE.
  sqlite.prepare('DELETE FROM stores WHERE id = ?').run(held)
}

/** The held store's row, as a new row of the holder when it has none; the holder's own stays. */
function copyToHolder(sqlite: Database.Database, table: string, held: number, holder: number): void {
  const columns = (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).filter((c) => c !== 'store_id')
  const list = columns.map((c) => `"${c}"`).join(', ')
  sqlite.prepare(`INSERT OR IGNORE INTO ${table} (store_id, ${list}) SELECT ?, ${list} FROM ${table} WHERE store_id = ?`).run(holder, held)
}
