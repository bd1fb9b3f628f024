/** Shapes of the portfolio as the renderer sees it. */
import { z } from 'zod'
import type { ReminderItem, Snooze } from './monitoring'
import type { Authorization, Subscription } from './records'
import { STATUS_LABELS, STORE_STATUSES } from './status'
import type { DeadlineKind, StatusVerdict, StoreStatus } from './status'
import type { StoreInput } from './store-fields'

/** A store's status as the portfolio shows it: the derived status, or archived. */
export const PORTFOLIO_STATUSES = [...STORE_STATUSES, 'archived'] as const
export type PortfolioStatus = StoreStatus | 'archived'

export const PORTFOLIO_STATUS_LABELS: Record<PortfolioStatus, string> = { ...STATUS_LABELS, archived: 'Archived' }

export interface Store extends StoreInput {
  id: number
  status: PortfolioStatus
  /** Why the derived status holds (kept for archived stores too). */
  statusReason: string
  deadlineAt: number | null
  deadlineKind: DeadlineKind | null
  archivedAt: number | null
  createdAt: number
  updatedAt: number
}

export interface FieldChange {
  field: string
  label: string
  before: string | null
  after: string | null
}

export const HISTORY_KINDS = [
  'created',
  'updated',
  'archived',
  'restored',
  'imported',
  'import-updated',
  'status-changed',
  'subscription-updated',
  'subscription-removed',
  'authorized',
  'authorization-removed',
  'reconnected',
  'snoozed',
  'checklist',
  'client-message',
  'authorization-attempt',
  /** A bulk action taken back (issue #10). */
  'undone'
] as const
export type HistoryKind = (typeof HISTORY_KINDS)[number]

export interface StoreHistoryEntry {
  id: number
  storeId: number
  /** UTC instant, epoch milliseconds. */
  at: number
  actor: string
  kind: HistoryKind
  summary: string
  changes: FieldChange[]
}

export const SORTABLE_COLUMNS = [
  'clientName',
  'storeName',
  'country',
  'sellerShortCode',
  'loginEmail',
  'ownerKam',
  'status',
  'deadlineAt',
  'createdAt',
  'updatedAt'
] as const
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number]

/** The longest "ends within N days" the filter takes: ten years is beyond any subscription. */
export const MAX_ENDS_WITHIN_DAYS = 3650

/** The most store ids a view can be narrowed to (`?ids=` in the portfolio's address): a reminder's or a grid cell's stores. */
export const MAX_ADDRESS_STORE_IDS = 10_000

/**
 * An empty string in `owners` stands for "no owner". No status picked means every status but
 * archived: archived stores show only when "archived" is picked. `storeIds` narrows the view to
 * given stores (the stores of a digest notification). `endsWithinDays` keeps the stores whose
 * deadline is still ahead and at most that many days left (0: today is its day).
 */
export const portfolioQuerySchema = z.strictObject({
  search: z.string().max(200).default(''),
  countries: z.array(z.string().max(2)).max(300).default([]),
  owners: z.array(z.string().max(200)).max(1000).default([]),
  tags: z.array(z.string().max(40)).max(1000).default([]),
  statuses: z.array(z.enum(PORTFOLIO_STATUSES)).max(PORTFOLIO_STATUSES.length).default([]),
  storeIds: z.array(z.number().int().positive()).max(MAX_ADDRESS_STORE_IDS).default([]),
  endsWithinDays: z.number().int().min(0).max(MAX_ENDS_WITHIN_DAYS).nullable().default(null),
  sort: z
    .strictObject({ column: z.enum(SORTABLE_COLUMNS), direction: z.enum(['asc', 'desc']) })
    .default({ column: 'clientName', direction: 'asc' })
})
export type PortfolioQuery = z.output<typeof portfolioQuerySchema>
export type PortfolioQueryInput = z.input<typeof portfolioQuerySchema>

export const DEFAULT_PORTFOLIO_QUERY: PortfolioQuery = portfolioQuerySchema.parse({})

export interface PortfolioFacets {
  countries: string[]
  owners: string[]
  tags: string[]
}

/** The most rows one request may ask for: a screenful is ~30, a page 100, the bench reads 10,000. */
export const MAX_PAGE_ROWS = 10_000

/** A window of a view: the rows from `offset` on, at most `limit` of them, in the view's order. */
export const storeWindowSchema = portfolioQuerySchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE_ROWS).default(100)
})
export type StoreWindow = z.output<typeof storeWindowSchema>
export type StoreWindowInput = z.input<typeof storeWindowSchema>

export interface StorePage {
  /** Index of the first row in the whole view. */
  offset: number
  stores: Store[]
  /** Rows in the whole view (every page of it). */
  total: number
  /** Stores in the portfolio whatever the filters, archived ones included: tells "empty" from "no match". */
  portfolioSize: number
}

export interface StoreIdPage {
  offset: number
  ids: number[]
  total: number
}

/**
 * Which stores a KAM picked in a list: the ones named, or every store of a view but some. Main
 * resolves either to store ids in one query, so "all 10,000 matching" never travels as a list.
 */
export const storeSelectionSchema = z.union([
  z.strictObject({ ids: z.array(z.number().int().positive()).max(100_000) }),
  z.strictObject({ allMatching: portfolioQuerySchema, except: z.array(z.number().int().positive()).max(100_000).default([]) })
])
export type StoreSelection = z.output<typeof storeSelectionSchema>
export type StoreSelectionInput = z.input<typeof storeSelectionSchema>

export interface StoreVerdict extends StatusVerdict {
  /** Calendar days from today's date to the deadline's date in the store's country time (DESIGN.md §6); negative once that date passed. */
  daysLeft: number | null
}

export interface StoreDetail {
  store: Store
  history: StoreHistoryEntry[]
  subscription: Subscription | null
  /** Newest first. */
  authorizations: Authorization[]
  verdict: StoreVerdict
  snooze: Snooze | null
  /** The store's latest reminders, newest first. */
  reminders: ReminderItem[]
}

export type SaveFileResult = { saved: true; path: string } | { saved: false }

export interface ExportResult {
  file: SaveFileResult
  rowCount: number
}
