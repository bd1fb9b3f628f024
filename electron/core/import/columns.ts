/** The header row: which column fills which store field, and what is wrong with the header. */
import { MAX_LISTED_COLUMNS } from '../../shared/csv-import'
import type { RecordColumnKey } from '../../shared/csv-import'
import { STORE_FIELDS } from '../../shared/store-fields'
import type { StoreFieldKey, StoreFieldSpec } from '../../shared/store-fields'
import { fieldForHeader, isExportOnlyColumn, recordColumnForHeader } from '../portfolio/csv-columns'
import { echo } from './echo'

const REQUIRED_FIELDS: readonly StoreFieldSpec[] = STORE_FIELDS.filter((f) => f.required)
/** Headers a "missing column" message names from the file, and doubled columns named one by one. */
const NAMED_IN_MESSAGE = 20
const DOUBLED_IN_MESSAGES = 10

export interface ColumnMap {
  /** For each CSV column, the field it fills (undefined: ignored). */
  fields: (StoreFieldSpec | undefined)[]
  /** The header text (as written in the file, cut for display) of each mapped field. */
  headerOf: Map<StoreFieldKey, string>
  /** The column index of each mapped field. */
  indexOf: Map<StoreFieldKey, number>
  /** The column index and header of each record column (subscription, authorization, reconnect). */
  recordIndexOf: Map<RecordColumnKey, number>
  recordHeaderOf: Map<RecordColumnKey, string>
  /** Columns in the header. */
  width: number
  /** Columns up to the last named one: a row needs at least this many cells. */
  namedWidth: number
  recognized: string[]
  /** The first `MAX_LISTED_COLUMNS` ignored headers; `ignoredCount` counts them all. */
  ignored: string[]
  ignoredCount: number
  /** Columns with no name in the header: ignored, and listed only when a row has something in them. */
  unnamed: number[]
  problems: string[]
}

function listed(headers: readonly string[]): string {
  const named = headers.map((h) => h.trim()).filter(Boolean)
  const shown = named.slice(0, NAMED_IN_MESSAGE).map((h) => `"${echo(h)}"`)
  const more = named.length - shown.length
  return shown.join(', ') + (more > 0 ? ` and ${more} more` : '') || 'nothing'
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = {
    fields: [],
    headerOf: new Map(),
    indexOf: new Map(),
    recordIndexOf: new Map(),
    recordHeaderOf: new Map(),
    width: headers.length,
    namedWidth: 0,
    recognized: [],
    ignored: [],
    ignoredCount: 0,
    unnamed: [],
    problems: []
  }
  let doubled = 0
  headers.forEach((raw, index) => {
    const header = raw.trim()
    if (header) map.namedWidth = index + 1
    const field = header ? fieldForHeader(header) : undefined
    const recordColumn = !field && header ? recordColumnForHeader(header) : undefined
    if (recordColumn) {
      map.fields.push(undefined)
      const earlier = map.recordHeaderOf.get(recordColumn.key)
      if (earlier !== undefined) {
        if (++doubled <= DOUBLED_IN_MESSAGES) {
          map.problems.push(`The columns "${earlier}" and "${echo(header)}" both hold ${recordColumn.label}: keep one of them and delete the other.`)
        }
        return
      }
      map.recordIndexOf.set(recordColumn.key, index)
      map.recordHeaderOf.set(recordColumn.key, echo(header))
      map.recognized.push(echo(header))
      return
    }
    if (!field) {
      map.fields.push(undefined)
      if (!header) map.unnamed.push(index)
      else if (!isExportOnlyColumn(header)) {
        if (map.ignored.length < MAX_LISTED_COLUMNS) map.ignored.push(echo(header))
        map.ignoredCount++
      }
      return
    }
    const shown = echo(header)
    const earlier = map.headerOf.get(field.key)
    if (earlier !== undefined) {
      if (++doubled <= DOUBLED_IN_MESSAGES) {
        map.problems.push(`The columns "${earlier}" and "${shown}" both hold ${field.label}: keep one of them and delete the other.`)
      }
      map.fields.push(undefined)
      return
    }
    map.headerOf.set(field.key, shown)
    map.indexOf.set(field.key, index)
    map.recognized.push(shown)
    map.fields.push(field)
  })
  if (doubled > DOUBLED_IN_MESSAGES) {
    map.problems.push(`${doubled - DOUBLED_IN_MESSAGES} more columns repeat a field named by an earlier column: keep one column per field.`)
  }
  const missing = REQUIRED_FIELDS.filter((f) => !map.headerOf.has(f.key))
  if (missing.length) {
    const names = missing.map((f) => `"${f.csvColumn}" (${f.label})`).join(', ')
    map.problems.push(
      `The file has no ${names} column${missing.length > 1 ? 's' : ''}. The first row must name the columns; ` +
        `required: ${REQUIRED_FIELDS.map((f) => f.csvColumn).join(', ')}. Found: ${listed(headers)}. ` +
        'Start from the template to get them right.'
    )
  } else if (!map.headerOf.has('sellerShortCode') && !map.headerOf.has('loginEmail')) {
    map.problems.push('The file needs a "seller_short_code" or a "login_email" column, so each store can be told apart from the others.')
  }
  return map
}
