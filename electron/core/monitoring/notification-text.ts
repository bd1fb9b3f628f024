/**
 * What reminders say, in the notification centre and on the OS notification. Short (Windows
 * guidance is under ~200 characters, macOS cuts at 256 bytes) and plain: a store's name and
 * country, a date, the next step — never tokens, e-mails or phone numbers (lock screens show them).
 */
import type { DeadlineKind } from '../../shared/status'
import { formatLocal, timeZoneOf } from '../status/calendar'

export interface ReminderSubject {
  storeName: string
  country: string
  kind: DeadlineKind
  deadline: number
  /** Calendar days from today's date to the deadline's date in the store's country time (0: its date; negative: after it). */
  daysLeft: number
}

export interface NotificationText {
  title: string
  body: string
}

/** Above this many reminders in one go, the OS gets one digest instead. */
export const DIGEST_THRESHOLD = 3

const STORE_NAME_MAX = 40
const DIGEST_NAME_MAX = 28
const DIGEST_NAMED = 3
const ORDER = '“Authorization Only”'

function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`
}

function storeRef(storeName: string, country: string, max: number): string {
  return `${clip(storeName, max)} (${country})`
}

function inDays(days: number): string {
  if (days <= 0) return 'today'
  if (days === 1) return 'tomorrow'
  return `in ${days} days`
}

export function reminderText(subject: ReminderSubject, now: number): NotificationText {
  const { kind, deadline, country } = subject
  const when = `${formatLocal(deadline, timeZoneOf(country))} (${country} time)`
  const passed = now >= deadline
  const store = storeRef(subject.storeName, country, STORE_NAME_MAX)
  const soon = inDays(subject.daysLeft)
  switch (kind) {
    case 'subscription-end':
      return passed
        ? { title: `${store}: subscription has ended`, body: `It ended ${when}, so orders no longer sync. Order ${ORDER} again on Service Market.` }
        : { title: `${store}: subscription ends ${soon}`, body: `Renew ${ORDER} on Service Market before ${when}.` }
    case 'grace-end':
      return passed
        ? { title: `${store}: legacy grace has ended`, body: `It ended ${when}. Order ${ORDER} on Service Market, then have the seller authorize again.` }
        : { title: `${store}: legacy grace ends ${soon}`, body: `Order ${ORDER} on Service Market before ${when} to keep the store connected.` }
    case 'authorization-deadline':
      return passed
        ? { title: `${store}: authorization has lapsed`, body: `It lapsed ${when}. Have the seller authorize the app again.` }
        : { title: `${store}: authorization lapses ${soon}`, body: `Have the seller authorize the app again before ${when}.` }
  }
}

export interface DigestEntry {
  storeName: string
  country: string
  daysLeft: number
  passed: boolean
}

/** One notification for many reminders: how many stores, how soon, and the first few by name. */
export function digestText(entries: readonly DigestEntry[]): NotificationText {
  const sorted = [...entries].sort((a, b) => a.daysLeft - b.daysLeft || a.storeName.localeCompare(b.storeName))
  const count = sorted.length
  const upcoming = sorted.filter((e) => !e.passed)
  const latest = Math.max(0, ...upcoming.map((e) => e.daysLeft))
  const horizon = latest === 0 ? 'today' : latest === 1 ? 'by tomorrow' : `within ${latest} days`
  const title =
    upcoming.length === 0
      ? `${count} client stores have expired`
      : upcoming.length === count
        ? `${count} client stores expire ${horizon}`
        : `${count} client stores have expired or expire ${horizon}`
  const named = sorted.slice(0, DIGEST_NAMED).map((e) => storeRef(e.storeName, e.country, DIGEST_NAME_MAX))
  const rest = count - named.length
  const list = rest > 0 ? `${named.join(', ')} and ${rest} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named.join('')
  return { title, body: `${list}. Open Storewatch for the list.` }
}
