/**
 * Stores this person watches (issue #12): their reminders cover a watched store as if they owned
 * it (reminder-scope.ts). Kept in `store_watches`, on this laptop only, never shared.
 */
import type Database from 'better-sqlite3'
import type { StoreWatch } from '../../../shared/team'
import { AppError } from '../../errors'
import type { Clock } from '../../ports'

export function createWatchList(sqlite: Database.Database, clock: Clock) {
  const exists = (storeId: number) => sqlite.prepare('SELECT 1 FROM stores WHERE id = ?').get(storeId) !== undefined
  const watched = (storeId: number): StoreWatch => ({ storeId, watched: sqlite.prepare('SELECT 1 FROM store_watches WHERE store_id = ?').get(storeId) !== undefined })
  return {
    watched,
    watch(storeId: number, watch: boolean): StoreWatch {
      if (!exists(storeId)) throw new AppError('not-found', `Store #${storeId} does not exist; it may have been deleted`)
      if (watch) sqlite.prepare('INSERT OR IGNORE INTO store_watches (store_id, created_at) VALUES (?, ?)').run(storeId, clock.now())
      else sqlite.prepare('DELETE FROM store_watches WHERE store_id = ?').run(storeId)
      return watched(storeId)
    }
  }
}

export type WatchList = ReturnType<typeof createWatchList>
