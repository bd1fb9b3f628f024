/**
 * Upcoming deadlines as an iCalendar file (RFC 5545) that Outlook and Google Calendar import: one
 * event per store deadline, at the deadline (in UTC, so every calendar shows it in its own zone),
 * with the store's country time, the status and the next step in the description. The UID is
 * the store and the deadline, so importing a later export updates an event instead of doubling it.
 */
import { createEvents } from 'ics'
import type { EventAttributes } from 'ics'
import { PORTFOLIO_STATUS_LABELS } from '../../shared/portfolio'
import { DEADLINE_LABELS } from '../../shared/status'
import { formatLocal, timeZoneOf } from '../status/calendar'
import { countryName } from './store-display'
import type { StoreExportRow } from './export-table'

/** The ranges the export offers, in days from today. */
export const ICS_RANGES = [30, 60, 90] as const

export function deadlineUid(storeId: number, deadlineAt: number, kind: string): string {
  return `storewatch-store-${storeId}-${kind}-${deadlineAt}@storewatch.local`
}

function eventOf(row: StoreExportRow): EventAttributes | null {
  const { store } = row
  if (store.deadlineAt === null || store.deadlineKind === null) return null
  const what = DEADLINE_LABELS[store.deadlineKind]
  const country = countryName(store.country)
  const when = `${formatLocal(store.deadlineAt, timeZoneOf(store.country))} (${store.country} time)`
  const next = row.verdict?.nextAction?.label
  const description = [
    `${what}: ${when}`,
    `Store: ${store.storeName} — ${store.clientName}`,
    `Country: ${country}`,
    `Status: ${PORTFOLIO_STATUS_LABELS[store.status]}. ${store.statusReason}`,
    next ? `Next step: ${next}` : null,
    store.ownerKam ? `Owner: ${store.ownerKam}` : null
  ]
    .filter(Boolean)
    .join('\n')
  return {
    uid: deadlineUid(store.id, store.deadlineAt, store.deadlineKind),
    start: store.deadlineAt,
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: 30 },
    title: `${what}: ${store.storeName} (${country})`,
    description,
    categories: ['Storewatch', country],
    alarms: [{ action: 'display', description: `${what}: ${store.storeName}`, trigger: { days: 1, before: true } }]
  }
}

/** The calendar of the rows' deadlines; throws when the ics library refuses an event (a bug, never the KAM's data). */
export function deadlinesToIcs(rows: readonly StoreExportRow[]): { text: string; eventCount: number } {
  const events = rows.map(eventOf).filter((e): e is EventAttributes => e !== null)
  const { error, value } = createEvents(events, { productId: 'storewatch/deadlines', calName: 'Storewatch deadlines' })
  if (error || !value) throw new Error(`the calendar could not be written (${error?.message ?? 'no output'})`)
  return { text: value, eventCount: events.length }
}
