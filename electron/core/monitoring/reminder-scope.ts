/**
 * "Remind me only about my stores" (Settings → You): of the reminders a check hands to the OS,
 * the ones for other KAMs' stores stay in the notification centre, marked `muted`, and raise no
 * native notification. The owner rule is shared/my-stores.ts `isOwnedBy`, as everywhere; a store
 * this person watches (`store_watches`, issue #12) counts as theirs.
 */
import type Database from 'better-sqlite3'
import { effectiveScope, isOwnedBy } from '../../shared/my-stores'
import type { SettingsService } from '../settings/settings-service'
import type { Delivery } from './delivery'

export interface NarrowedDeliveries {
  /** What goes to the OS. */
  shown: Delivery[]
  /** Reminder ids kept in the notification centre only. */
  muted: number[]
}

export type NarrowDeliveries = (deliveries: readonly Delivery[]) => NarrowedDeliveries

export function createReminderScope(sqlite: Database.Database, settings: Pick<SettingsService, 'get'>): NarrowDeliveries {
  const owners = sqlite
    .prepare('SELECT id, owner_kam, EXISTS (SELECT 1 FROM store_watches w WHERE w.store_id = stores.id) FROM stores WHERE id IN (SELECT value FROM json_each(?))')
    .raw()
  return (deliveries) => {
    const { name, remindersFor } = settings.get().you
    if (effectiveScope(remindersFor, name) === 'all' || deliveries.length === 0) return { shown: [...deliveries], muted: [] }
    const storeIds = [...new Set(deliveries.map((d) => d.storeId))]
    const rows = owners.all(JSON.stringify(storeIds)) as [number, string | null, number][]
    const ownerOf = new Map(rows.map(([id, owner]) => [id, owner]))
    const watched = new Set(rows.filter(([, , watching]) => watching === 1).map(([id]) => id))
    const shown: Delivery[] = []
    const muted: number[] = []
    for (const delivery of deliveries) {
      if (watched.has(delivery.storeId) || isOwnedBy(ownerOf.get(delivery.storeId), name)) shown.push(delivery)
      else muted.push(delivery.reminderId)
    }
    return { shown, muted }
  }
}
