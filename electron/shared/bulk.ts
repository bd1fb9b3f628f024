/**
 * Actions on many stores at once (issue #10): what the KAM asks for, and what main answers. The
 * stores come as a `StoreSelection` (ids, or "all matching but some"), resolved in main inside the
 * action's one transaction. Text follows the store fields' own rules (store-fields.ts,
 * text-rules.ts), so a tag or owner a form would refuse is refused here too.
 */
import { z } from 'zod'
import { PLAYBOOKS } from './checklists'
import { storeSelectionSchema } from './portfolio'
import { authorizationInputSchema } from './records'
import { storeInputSchema } from './store-fields'

const instant = z.number().int().min(0).max(8_640_000_000_000)

/** The store form's own Owner KAM rule, but required: a bulk "assign owner" to nobody says nothing. */
const ownerSchema = storeInputSchema.shape.ownerKam.refine((owner) => owner !== null, { error: 'Owner KAM is required: type the KAM’s name' })

/** One tag, by the store form's tag rules (no control or direction characters, under 40 characters). */
const tagSchema = z
  .string({ error: 'Tag is required' })
  .refine((tag) => !/[|,]/.test(tag), { error: 'A tag cannot contain | or , (they separate tags in a CSV file)' })
  .transform((tag, ctx) => {
    const parsed = storeInputSchema.shape.tags.safeParse([tag])
    const problem = parsed.success ? (parsed.data.length === 1 ? null : 'Tag is required: type the tag') : (parsed.error.issues[0]?.message ?? 'Not a valid tag')
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem })
      return z.NEVER
    }
    return parsed.data![0]!
  })

export const MAX_SNOOZE_DAYS = 365

export const bulkActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('assign-owner'), owner: ownerSchema }),
  z.strictObject({ kind: z.literal('add-tag'), tag: tagSchema }),
  z.strictObject({ kind: z.literal('remove-tag'), tag: tagSchema }),
  z.strictObject({ kind: z.literal('archive') }),
  z.strictObject({ kind: z.literal('restore') }),
  z.strictObject({
    kind: z.literal('snooze'),
    /** For this many days from now, or until an instant (the end of a day the KAM picked). */
    days: z
      .number()
      .int({ error: 'Snooze for a whole number of days' })
      .min(1, { error: 'Snooze for at least 1 day' })
      .max(MAX_SNOOZE_DAYS, { error: `Snooze for at most ${MAX_SNOOZE_DAYS} days` })
      .nullish(),
    until: instant.nullish()
  }),
  z.strictObject({ kind: z.literal('start-checklist'), playbook: z.enum(PLAYBOOKS) }),
  z.strictObject({ kind: z.literal('mark-reconnected'), reconnectedAt: instant }),
  z.strictObject({
    kind: z.literal('record-authorization'),
    /** "Authorized and reconnected as of" this instant. */
    authorizedAt: instant,
    account: authorizationInputSchema.shape.account
  })
])
export type BulkAction = z.output<typeof bulkActionSchema>
export type BulkActionInput = z.input<typeof bulkActionSchema>
export type BulkActionKind = BulkAction['kind']

export const BULK_ACTION_KINDS = [
  'assign-owner',
  'add-tag',
  'remove-tag',
  'archive',
  'restore',
  'snooze',
  'start-checklist',
  'mark-reconnected',
  'record-authorization'
] as const satisfies readonly BulkActionKind[]

export const bulkRequestSchema = z.strictObject({ selection: storeSelectionSchema, action: bulkActionSchema })
export type BulkRequestInput = z.input<typeof bulkRequestSchema>

/** Stores the action left as they were, for one reason ("already archived"). */
export interface BulkUnchanged {
  reason: string
  count: number
  /** A few of them by label, so the KAM can find them. */
  examples: string[]
}

export interface BulkResult {
  /** The batch to undo, or null when nothing changed. */
  batchId: number | null
  /** "Owner set to Dana Lee" */
  label: string
  selected: number
  changed: number
  unchanged: BulkUnchanged[]
}

export interface BulkUndoResult {
  batchId: number
  label: string
  restored: number
}

export interface BulkExportResult {
  file: { saved: true; path: string } | { saved: false }
  rowCount: number
}

/** How many stores a selection holds now: what the confirmation states before anything is written. */
export interface BulkCount {
  count: number
}
