/**
 * A row's record cells (subscription, last authorization, reconnect) read into the records the
 * import writes, checked by the same schemas the store page's forms go through. Dates are read in
 * the store's country time (see date-forms.ts); a date that reads two ways is a problem, not a guess.
 */
import { RECORD_COLUMNS } from '../../shared/csv-import'
import type { ImportProblem, RecordColumnKey } from '../../shared/csv-import'
import { authorizationInputSchema, subscriptionInputSchema } from '../../shared/records'
import type { ServiceVersion, SubscriptionInput, SubscriptionPeriod } from '../../shared/records'
import { timeZoneOf } from '../status/calendar'
import { readDate } from './date-forms'

/** What a row says about a store's records; null parts are left as the store has them. */
export interface ImportedRecords {
  subscription: SubscriptionInput | null
  /** The store's last authorization, and when it was reconnected after it. */
  authorization: { authorizedAt: number; account: string | null; reconnectedAt: number | null } | null
}

export type RecordCells = Partial<Record<RecordColumnKey, string>>

type CellProblem = Pick<ImportProblem, 'message' | 'kind'> & { key: RecordColumnKey }

const VERSION_WORDS: Record<string, ServiceVersion> = {
  authorizationonly: 'authorization-only',
  authonly: 'authorization-only',
  free: 'authorization-only',
  paid: 'paid',
  paidversion: 'paid'
}

const PERIOD_WORDS: Record<string, SubscriptionPeriod> = {
  halfayear: 'half-year',
  halfyear: 'half-year',
  '6months': 'half-year',
  sixmonths: 'half-year',
  oneyear: 'one-year',
  '1year': 'one-year',
  '12months': 'one-year',
  year: 'one-year',
  annual: 'one-year',
  other: 'other'
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '')
const labelOf = (key: RecordColumnKey) => RECORD_COLUMNS.find((c) => c.key === key)!.label

function readWord<T>(key: RecordColumnKey, text: string, words: Record<string, T>, allowed: string, problems: CellProblem[]): T | undefined {
  const value = words[squash(text)]
  if (value === undefined) problems.push({ key, kind: 'invalid-value', message: `${labelOf(key)} "${text}" is not one this app knows: use ${allowed}` })
  return value
}

/** True when the row has anything in a record column. */
export function hasRecordCells(cells: RecordCells): boolean {
  return Object.values(cells).some((v) => v !== undefined && v.trim() !== '')
}

/** Reads the record cells of a store in `country`; problems name the column they are about. */
export function readRecordCells(cells: RecordCells, country: string): { records: ImportedRecords; problems: CellProblem[] } {
  const zone = timeZoneOf(country)
  const problems: CellProblem[] = []
  const text = (key: RecordColumnKey) => (cells[key] ?? '').trim()

  const dateOf = (key: RecordColumnKey): number | null => {
    const reading = readDate(text(key), zone)
    switch (reading.kind) {
      case 'blank':
        return null
      case 'date':
        return reading.instant
      case 'invalid':
        problems.push({ key, kind: 'invalid-value', message: `${labelOf(key)}: ${reading.message}` })
        return null
      case 'ambiguous': {
        const [dayFirst, monthFirst] = reading.readings
        problems.push({
          key,
          kind: 'ambiguous-date',
          message:
            `${labelOf(key)} "${text(key)}" reads two ways: ${dayFirst.label} (day first) or ${monthFirst.label} (month first). ` +
            `Write it with the month's name (${dayFirst.label}) or as year-month-day so it cannot be misread.`
        })
        return null
      }
    }
  }

  const startAt = dateOf('startAt')
  const endAt = dateOf('endAt')
  const authorizedAt = dateOf('authorizedAt')
  const reconnectedAt = dateOf('reconnectedAt')
  const version = text('serviceVersion') ? readWord('serviceVersion', text('serviceVersion'), VERSION_WORDS, 'Authorization Only or Paid version', problems) : undefined
  const period = text('period') ? readWord('period', text('period'), PERIOD_WORDS, 'Half a year, One year or Other', problems) : undefined

  let subscription: SubscriptionInput | null = null
  if (['serviceVersion', 'period', 'startAt', 'endAt'].some((k) => text(k as RecordColumnKey) !== '')) {
    const checked = subscriptionInputSchema.safeParse({ serviceVersion: version, period, startAt, endAt, source: 'kam' })
    if (checked.success) subscription = checked.data
    else for (const issue of checked.error.issues) problems.push({ key: 'endAt', kind: 'invalid-value', message: issue.message })
  }

  let authorization: ImportedRecords['authorization'] = null
  const account = text('authorizedAccount')
  if (authorizedAt !== null) {
    const checked = authorizationInputSchema.safeParse({ authorizedAt, account: account || null })
    if (!checked.success) for (const issue of checked.error.issues) problems.push({ key: 'authorizedAccount', kind: 'invalid-value', message: issue.message })
    else if (reconnectedAt !== null && reconnectedAt < authorizedAt) {
      problems.push({ key: 'reconnectedAt', kind: 'invalid-value', message: 'The reconnect is dated before the authorization: a store is reconnected after the seller authorizes.' })
    } else authorization = { authorizedAt, account: checked.data.account, reconnectedAt }
  } else if (text('authorizedAt') === '' && (account || text('reconnectedAt'))) {
    const key: RecordColumnKey = account ? 'authorizedAccount' : 'reconnectedAt'
    problems.push({ key, kind: 'invalid-value', message: `${labelOf(key)} needs the date of the authorization in the "authorized_at" column.` })
  }
  return { records: { subscription, authorization }, problems }
}
