/** A store's history (audit trail): every change, by whom, when, with before and after. */
import { desc, eq, sql } from 'drizzle-orm'
import type { FieldChange, HistoryKind, StoreHistoryEntry } from '../../shared/portfolio'
import type { AppDatabase } from '../db/open-database'
import { storeHistory } from '../db/schema'

export interface HistoryNote {
  kind: HistoryKind
  summary: string
}

/** Who writes status changes and reminder decisions: the app itself, not the KAM. */
export const SYSTEM_ACTOR = 'Storewatch'

export function createHistory(db: AppDatabase) {
  const insert = db
    .insert(storeHistory)
    .values({
      storeId: sql.placeholder('storeId'),
      at: sql.placeholder('at'),
      actor: sql.placeholder('actor'),
      kind: sql.placeholder('kind'),
      summary: sql.placeholder('summary'),
      changes: sql.placeholder('changes')
    })
    .prepare()
  const ofStore = db
    .select()
    .from(storeHistory)
    .where(eq(storeHistory.storeId, sql.placeholder('storeId')))
    .orderBy(desc(storeHistory.at), desc(storeHistory.id))
    .prepare()

  return {
    add(storeId: number, note: HistoryNote, changes: FieldChange[], at: number, actor: string): void {
      insert.run({ storeId, at, actor, kind: note.kind, summary: note.summary, changes })
    },
    /**
     * One entry per store, all with the same note, in one statement: a bulk action over 10,000
     * stores pays one insert, not 10,000 (issue #10). Callers hold the transaction.
     */
    addMany(entries: readonly { storeId: number; changes: FieldChange[] }[], note: HistoryNote, at: number, actor: string): void {
      if (entries.length === 0) return
      const rows = JSON.stringify(entries.map((e) => [e.storeId, e.changes]))
      db.run(sql`INSERT INTO store_history (store_id, at, actor, kind, summary, changes)
        SELECT j.value ->> 0, ${at}, ${actor}, ${note.kind}, ${note.summary}, j.value -> 1 FROM json_each(${rows}) AS j`)
    },
    /** Newest first. */
    of(storeId: number): StoreHistoryEntry[] {
      return ofStore.all({ storeId })
    }
  }
}

export type History = ReturnType<typeof createHistory>
