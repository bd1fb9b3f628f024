/** CSV export of a view (see export-table.ts for its columns), with formula-looking cells neutralized. */
import { isoInZone } from '../import/date-forms'
import { writeCsv } from './csv-columns'
import { EXPORT_COLUMNS } from './export-table'
import type { ExportCell, StoreExportRow } from './export-table'

/** Dates as ISO 8601 in the store's country time with its offset (`2026-12-03T00:00+08:00`): they read back exact. */
function csvText(cell: ExportCell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return String(cell)
  return isoInZone(cell.instant, cell.timeZone)
}

/** The stores as a CSV file (UTF-8 BOM, CRLF) that re-imports as is. */
export function storesToCsv(rows: readonly StoreExportRow[], now: number): string {
  return writeCsv(
    EXPORT_COLUMNS.map((c) => c.name),
    rows.map((row) => EXPORT_COLUMNS.map((column) => csvText(column.cell(row, now))))
  )
}
