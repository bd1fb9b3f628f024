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
  'authorization-attempt'
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

/**
 * An empty string in `owners` stands for "no owner". No status picked means every status but
 * archived: archived stores show only when "archived" is picked. `storeIds` narrows the view to
 * given stores (the stores of a digest notification).
 */
export const portfolioQuerySchema = z.strictObject({
  search: z.string().max(200).default(''),
  countries: z.array(z.string().max(2)).max(300).default([]),
  owners: z.array(z.string().max(200)).max(1000).default([]),
  tags: z.array(z.string().max(40)).max(1000).default([]),
  statuses: z.array(z.enum(PORTFOLIO_STATUSES)).max(PORTFOLIO_STATUSES.length).default([]),
  storeIds: z.array(z.number().int().positive()).max(1000).default([]),
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

export interface StoreListResult {
  stores: Store[]
  /** Stores in the portfolio whatever the filters, archived ones included: tells "empty" from "no match". */
  portfolioSize: number
  facets: PortfolioFacets
}

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
