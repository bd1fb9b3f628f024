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
    /** Newest first. */
    of(storeId: number): StoreHistoryEntry[] {
      return ofStore.all({ storeId })
    }
  }
}

export type History = ReturnType<typeof createHistory>
