/**
 * .xlsx export of a view, in the same columns as the CSV (export-table.ts): dates are real date
 * cells holding the store's country wall-clock time (Excel cells have no zone), so the file
 * sorts and filters as dates and re-imports to the same instants. Text cells are neutralized as
 * in the CSV, so one import rule reads both back.
 */
import ExcelJS from 'exceljs'
import { zoneCalendar } from '../status/calendar'
import { neutralizeCell } from './csv-columns'
import { EXPORT_COLUMNS } from './export-table'
import type { ExportCell, StoreExportRow } from './export-table'

const DATE_FORMAT = 'yyyy-mm-dd hh:mm'

function cellValue(cell: ExportCell): ExcelJS.CellValue {
  if (cell === null) return null
  if (typeof cell === 'string') return neutralizeCell(cell)
  if (typeof cell === 'number') return cell
  return new Date(cell.instant + zoneCalendar(cell.timeZone).offsetAt(cell.instant))
}

/** The stores as an .xlsx workbook: one sheet, a bold frozen header row, date cells formatted as dates. */
export async function storesToXlsx(rows: readonly StoreExportRow[], now: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Storewatch'
  workbook.created = new Date(now)
  const sheet = workbook.addWorksheet('Stores', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = EXPORT_COLUMNS.map((column) => ({ header: column.name, key: column.name, width: column.width }))
  sheet.getRow(1).font = { bold: true }
  for (const row of rows) {
    const added = sheet.addRow(EXPORT_COLUMNS.map((column) => cellValue(column.cell(row, now))))
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT
    })
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}
