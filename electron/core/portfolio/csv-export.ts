/** CSV export of a view, in the template's columns, with formula-looking cells neutralized. */
import type { Store } from '../../shared/portfolio'
import { STORE_FIELDS } from '../../shared/store-fields'
import { EXPORT_ONLY_COLUMNS, TEMPLATE_COLUMNS, cellOf, writeCsv } from './csv-columns'

function isoUtc(instant: number | null): string {
  return instant === null ? '' : new Date(instant).toISOString()
}

/**
 * The stores as a CSV file (UTF-8 BOM, CRLF): the template's columns, so the file re-imports
 * as is, then the read-only `status`, `created_at` and `updated_at` (ISO 8601 UTC).
 */
export function storesToCsv(stores: readonly Store[]): string {
  const header = [...TEMPLATE_COLUMNS, ...EXPORT_ONLY_COLUMNS]
  const rows = stores.map((store) => [
    ...STORE_FIELDS.map((field) => cellOf(store, field)),
    store.status,
    isoUtc(store.createdAt),
    isoUtc(store.updatedAt)
  ])
  return writeCsv(header, rows)
}
