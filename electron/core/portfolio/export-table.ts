/**
 * What an export of a view holds, once for both file kinds (CSV, .xlsx): the template's columns
 * (the store's fields, then its records: subscription, last authorization, reconnect), so the
 * file re-imports as is, then what the view is about — status and its reason, the deadline in
 * the store's country time, days left, the next step — and when the store was created and changed.
 */
import { RECORD_COLUMNS } from '../../shared/csv-import'
import type { RecordColumnKey } from '../../shared/csv-import'
import { PORTFOLIO_STATUS_LABELS } from '../../shared/portfolio'
import type { Store } from '../../shared/portfolio'
import { SERVICE_VERSION_LABELS, SUBSCRIPTION_PERIOD_LABELS } from '../../shared/records'
import type { Authorization, Subscription } from '../../shared/records'
import type { StatusVerdict } from '../../shared/status'
import { STORE_FIELDS } from '../../shared/store-fields'
import { daysLeft, timeZoneOf } from '../status/calendar'
import { EXPORT_ONLY_COLUMNS, cellOf } from './csv-columns'

/** A store as an export row: its records and its verdict now. */
export interface StoreExportRow {
  store: Store
  subscription: Subscription | null
  /** The store's newest authorization. */
  lastAuthorization: Authorization | null
  verdict: StatusVerdict | null
}

/** A cell: text, a whole number, or an instant shown in a zone's wall-clock time. */
export type ExportCell = string | number | { instant: number; timeZone: string } | null

export interface ExportColumn {
  name: string
  /** How wide the column shows in a workbook (characters). */
  width: number
  cell(row: StoreExportRow, now: number): ExportCell
}

export interface ExportReaders {
  subscription(storeId: number): Subscription | null
  authorizations(storeId: number): Authorization[]
  evaluate(storeId: number, now: number): StatusVerdict | null
}

/** Each store's records and verdict, read through the same services the store page uses. */
export function exportRowsOf(stores: readonly Store[], readers: ExportReaders, now: number): StoreExportRow[] {
  return stores.map((store) => ({
    store,
    subscription: readers.subscription(store.id),
    lastAuthorization: readers.authorizations(store.id)[0] ?? null,
    verdict: readers.evaluate(store.id, now)
  }))
}

const at = (instant: number | null | undefined, store: Store): ExportCell => (instant == null ? null : { instant, timeZone: timeZoneOf(store.country) })

const RECORD_CELLS: Record<RecordColumnKey, (row: StoreExportRow) => ExportCell> = {
  serviceVersion: (r) => (r.subscription ? SERVICE_VERSION_LABELS[r.subscription.serviceVersion] : null),
  period: (r) => (r.subscription ? SUBSCRIPTION_PERIOD_LABELS[r.subscription.period] : null),
  startAt: (r) => at(r.subscription?.startAt, r.store),
  endAt: (r) => at(r.subscription?.endAt, r.store),
  authorizedAt: (r) => at(r.lastAuthorization?.authorizedAt, r.store),
  authorizedAccount: (r) => r.lastAuthorization?.account ?? null,
  reconnectedAt: (r) => at(r.lastAuthorization?.reconnectedAt, r.store)
}

type ViewColumn = (typeof EXPORT_ONLY_COLUMNS)[number]

const VIEW_CELLS: Partial<Record<ViewColumn, [number, (row: StoreExportRow, now: number) => ExportCell]>> = {
  status: [14, (r) => r.store.status],
  status_label: [18, (r) => PORTFOLIO_STATUS_LABELS[r.store.status]],
  status_reason: [48, (r) => r.store.statusReason],
  deadline: [18, (r) => at(r.store.deadlineAt, r.store)],
  days_left: [9, (r, now) => (r.store.deadlineAt === null ? null : daysLeft(r.store.deadlineAt, now, timeZoneOf(r.store.country)))],
  next_step: [40, (r) => (r.store.status === 'archived' ? null : (r.verdict?.nextAction?.label ?? null))],
  created_at: [22, (r) => new Date(r.store.createdAt).toISOString()],
  updated_at: [22, (r) => new Date(r.store.updatedAt).toISOString()]
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  ...STORE_FIELDS.map((field): ExportColumn => ({ name: field.csvColumn, width: field.key === 'notes' ? 40 : 18, cell: (r) => cellOf(r.store, field) })),
  ...RECORD_COLUMNS.map((column): ExportColumn => ({ name: column.csvColumn, width: 18, cell: RECORD_CELLS[column.key] })),
  ...EXPORT_ONLY_COLUMNS.flatMap((name): ExportColumn[] => {
    const spec = VIEW_CELLS[name]
    return spec ? [{ name, width: spec[0], cell: spec[1] }] : []
  })
]
