/**
 * "Next store": the stores of the list a store page was opened from, in the order the KAM saw
 * them (a portfolio view with its filters and sort, the worklist, or the rows selected in either).
 * Main keeps the order as ids; the store page asks where it stands and who comes next.
 */
import { z } from 'zod'
import { portfolioQuerySchema, storeSelectionSchema } from './portfolio'

/** Where the list was: Back returns there with the store's row highlighted. */
export const SEQUENCE_ORIGINS = ['portfolio', 'worklist'] as const
export type SequenceOrigin = (typeof SEQUENCE_ORIGINS)[number]

/** More than any portfolio the app is built for (bench: 100,000 stores). */
export const MAX_SEQUENCE_IDS = 100_000

const storeIdSchema = z.number().int().positive()

export const sequenceStartSchema = z.union([
  /** A portfolio view in its order; with `selection`, only the rows selected in it, still in its order. */
  z.strictObject({ origin: z.enum(SEQUENCE_ORIGINS), view: portfolioQuerySchema, selection: storeSelectionSchema.optional() }),
  /** Stores in the order given: the worklist as main ranked it, or its selected rows. */
  z.strictObject({ origin: z.enum(SEQUENCE_ORIGINS), ids: z.array(storeIdSchema).min(1).max(MAX_SEQUENCE_IDS) })
])
export type SequenceStart = z.output<typeof sequenceStartSchema>
export type SequenceStartInput = z.input<typeof sequenceStartSchema>

export interface SequenceStarted {
  sequenceId: number
  total: number
}

export interface SequenceNeighbour {
  id: number
  clientName: string
  storeName: string
  country: string
}

export interface SequencePosition {
  sequenceId: number
  origin: SequenceOrigin
  /** 0-based place of the store in the list. */
  index: number
  total: number
  previous: SequenceNeighbour | null
  next: SequenceNeighbour | null
}
