/**
 * How a KAM laid out a list: column order, widths and which columns show. Kept on this computer
 * for this person (the local database), never shared with a team.
 */
import { z } from 'zod'

/** The lists whose columns the KAM can arrange. */
export const LIST_VIEWS = ['portfolio'] as const
export type ListView = (typeof LIST_VIEWS)[number]

export const MIN_COLUMN_WIDTH = 48
export const MAX_COLUMN_WIDTH = 1200

const columnId = z.string().min(1).max(40)

export const columnPrefsSchema = z.strictObject({
  /** Columns in the KAM's order; columns missing here (new in a later version) follow in their own. */
  order: z.array(columnId).max(60).default([]),
  /** Widths the KAM dragged, in px; other columns keep theirs. */
  widths: z.record(columnId, z.number().int().min(MIN_COLUMN_WIDTH).max(MAX_COLUMN_WIDTH)).default({}),
  /** Columns the KAM showed (true) or hid (false); the others follow their default. */
  visible: z.record(columnId, z.boolean()).default({})
})
export type ColumnPrefs = z.output<typeof columnPrefsSchema>

export const EMPTY_COLUMN_PREFS: ColumnPrefs = { order: [], widths: {}, visible: {} }
