/** Shapes of the portfolio as the renderer sees it. */
import { z } from 'zod'
import type { StoreInput } from './store-fields'

/** Where a store stands in the portfolio (issue #3 adds the subscription statuses). */
export const PORTFOLIO_STATUSES = ['active', 'out-of-scope', 'archived'] as const
export type PortfolioStatus = (typeof PORTFOLIO_STATUSES)[number]

export const PORTFOLIO_STATUS_LABELS: Record<PortfolioStatus, string> = {
  active: 'Active',
  'out-of-scope': 'Out of scope',
  archived: 'Archived'
}

export interface Store extends StoreInput {
  id: number
  status: PortfolioStatus
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

export const HISTORY_KINDS = ['created', 'updated', 'archived', 'restored', 'imported', 'import-updated'] as const
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
  'createdAt',
  'updatedAt'
] as const
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number]

/** An empty string in `owners` stands for "no owner". */
export const portfolioQuerySchema = z.strictObject({
  search: z.string().max(200).default(''),
  countries: z.array(z.string().max(2)).max(300).default([]),
  owners: z.array(z.string().max(200)).max(1000).default([]),
  tags: z.array(z.string().max(40)).max(1000).default([]),
  statuses: z.array(z.enum(PORTFOLIO_STATUSES)).max(PORTFOLIO_STATUSES.length).default(['active', 'out-of-scope']),
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

export interface StoreDetail {
  store: Store
  history: StoreHistoryEntry[]
}

export type SaveFileResult = { saved: true; path: string } | { saved: false }

export interface ExportResult {
  file: SaveFileResult
  rowCount: number
}
