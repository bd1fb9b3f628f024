/** How numbers, dates and field values read in the UI: the KAM's own time zone. */
import { DateTime } from 'luxon'
import { countryInfo } from '../../../electron/shared/countries'
import { CONTACT_CHANNEL_LABELS } from '../../../electron/shared/store-fields'
import type { ContactChannel } from '../../../electron/shared/store-fields'

const numberFormat = new Intl.NumberFormat()
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

export const EMPTY_VALUE = '—'

export function formatCount(n: number): string {
  return numberFormat.format(n)
}

/** "3 stores", "1 store". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

/** "27 Nov 2026, 14:05" in the KAM's time: the one way the app writes a moment (see lib/dates.ts). */
export function formatDateTime(instant: number): string {
  return DateTime.fromMillis(instant).toFormat('d LLL yyyy, HH:mm')
}

/** "27 Nov 2026" in the KAM's time. */
export function formatDate(instant: number): string {
  return DateTime.fromMillis(instant).toFormat('d LLL yyyy')
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000]
]

/** "2 hours ago", "yesterday", "just now". */
export function formatRelative(instant: number, now: number = Date.now()): string {
  const diff = instant - now
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relativeFormat.format(Math.round(diff / ms), unit)
  }
  return 'just now'
}

export function countryName(code: string): string {
  return countryInfo(code).name
}

export function channelLabel(channel: ContactChannel | null): string | null {
  return channel ? CONTACT_CHANNEL_LABELS[channel] : null
}

/** "Acme Pte Ltd — Acme Official (SG)", the way main names stores in its messages. */
export function storeLabel(store: { clientName: string; storeName: string; country: string }): string {
  return `${store.clientName} — ${store.storeName} (${store.country})`
}

/** "just now", "5 min ago", "3 h ago", "2 days ago": for the header, where room is short. */
export function formatAgoShort(instant: number, now: number = Date.now()): string {
  const minutes = Math.floor((now - instant) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  const days = Math.floor(hours / 24)
  return days === 1 ? 'yesterday' : `${days} days ago`
}
