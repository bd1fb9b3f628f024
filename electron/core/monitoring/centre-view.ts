/**
 * The notification centre's view, pure over its rows: the filter (all/unread, status, owner), the
 * facet counts, the groups (one per check run and rung) and their order by urgency, and a window of
 * the entries. Main feeds it from the database; the renderer's test bridge feeds it its fakes.
 */
import type { CentreEntry, FacetCount, ReminderCentre, ReminderCentreFilter, ReminderGroup } from '../../shared/monitoring'
import { RUNG_PASSED } from '../../shared/monitoring'
import { STORE_STATUSES } from '../../shared/status'
import type { StoreStatus } from '../../shared/status'
import { compareDeadlineUrgency, compareReminderUrgency } from './reminder-urgency'

/** A centre entry before grouping, with when its run started (null: no run recorded). */
export interface CentreRow extends Omit<CentreEntry, 'groupKey'> {
  runAt: number | null
}

/** The rung a reminder belongs to: its ladder days, or RUNG_PASSED when it fired once the deadline had passed. */
export function rungOf(row: Pick<CentreRow, 'firedAt' | 'deadlineAt' | 'rungDays'>): number {
  return row.firedAt >= row.deadlineAt ? RUNG_PASSED : row.rungDays
}

export function groupKeyOf(runId: number | null, rung: number): string {
  return `${runId ?? 'none'}:${rung}`
}

function inView(row: CentreRow, filter: ReminderCentreFilter, now: number): boolean {
  if (row.state === 'skipped') return false
  return !filter.unreadOnly || (row.readAt === null && !(row.snoozedUntil !== null && row.snoozedUntil > now))
}

const statusMatches = (row: CentreRow, filter: ReminderCentreFilter) => filter.statuses.length === 0 || filter.statuses.includes(row.status)
const ownerMatches = (row: CentreRow, filter: ReminderCentreFilter) => filter.owners.length === 0 || filter.owners.includes(row.ownerKam)

function countBy<V>(rows: readonly CentreRow[], valueOf: (row: CentreRow) => V): Map<V, number> {
  const counts = new Map<V, number>()
  for (const row of rows) counts.set(valueOf(row), (counts.get(valueOf(row)) ?? 0) + 1)
  return counts
}

/** Each facet counted under the other's filter; a chosen value stays listed at 0 so it can be unchosen. */
function facetsOf(view: readonly CentreRow[], filter: ReminderCentreFilter): ReminderCentre['facets'] {
  const statusCounts = countBy(
    view.filter((row) => ownerMatches(row, filter)),
    (row) => row.status
  )
  const ownerCounts = countBy(
    view.filter((row) => statusMatches(row, filter)),
    (row) => row.ownerKam
  )
  for (const status of filter.statuses) if (!statusCounts.has(status)) statusCounts.set(status, 0)
  for (const owner of filter.owners) if (!ownerCounts.has(owner)) ownerCounts.set(owner, 0)
  const statuses: FacetCount<StoreStatus>[] = STORE_STATUSES.filter((s) => statusCounts.has(s)).map((value) => ({ value, count: statusCounts.get(value)! }))
  const owners: FacetCount<string | null>[] = [...ownerCounts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (a.value === null ? -1 : b.value === null ? 1 : a.value.localeCompare(b.value)))
  return { statuses, owners }
}

interface Grouped {
  groups: ReminderGroup[]
  /** Every entry the filter matches, group after group, each group most urgent first. */
  entries: CentreEntry[]
}

/** Groups by run and rung; groups ordered by their most urgent entry, then the newer run (the same deadline twice), then the nearer rung. */
export function groupEntries(rows: readonly CentreRow[], now: number): Grouped {
  const byKey = new Map<string, CentreEntry[]>()
  const runAt = new Map<string, number>()
  for (const { runAt: startedAt, ...row } of rows) {
    const rung = rungOf(row)
    const groupKey = groupKeyOf(row.runId, rung)
    const entry: CentreEntry = { ...row, groupKey }
    const list = byKey.get(groupKey)
    if (list) list.push(entry)
    else byKey.set(groupKey, [entry])
    runAt.set(groupKey, Math.max(runAt.get(groupKey) ?? 0, startedAt ?? row.firedAt))
  }
  const ordered = [...byKey].map(([key, list]) => ({ key, list: list.sort((a, b) => compareReminderUrgency(a, b, now)) }))
  ordered.sort(
    (a, b) =>
      compareDeadlineUrgency(a.list[0]!, b.list[0]!, now) ||
      runAt.get(b.key)! - runAt.get(a.key)! ||
      rungOf(a.list[0]!) - rungOf(b.list[0]!)
  )
  const groups: ReminderGroup[] = []
  const entries: CentreEntry[] = []
  for (const { key, list } of ordered) {
    const head = list[0]!
    groups.push({
      key,
      runId: head.runId,
      runAt: runAt.get(key)!,
      rung: rungOf(head),
      total: list.length,
      unread: list.filter((e) => e.readAt === null).length,
      first: entries.length
    })
    entries.push(...list)
  }
  return { groups, entries }
}

/** The entries the filter shows (optionally of one group), in the centre's order. */
export function filteredEntries(rows: readonly CentreRow[], filter: ReminderCentreFilter, now: number, group?: string): CentreEntry[] {
  const shown = rows.filter((row) => inView(row, filter, now) && statusMatches(row, filter) && ownerMatches(row, filter))
  const { entries } = groupEntries(shown, now)
  return group === undefined ? entries : entries.filter((e) => e.groupKey === group)
}

/** A filter's whole view, every page of it: what a page is sliced from. */
export interface CentreView extends Omit<ReminderCentre, 'offset' | 'entries' | 'unread'> {
  entries: CentreEntry[]
}

/** The filter's groups, entries in the centre's order, counts and facets, at `now`. */
export function centreView(rows: readonly CentreRow[], filter: ReminderCentreFilter, now: number): CentreView {
  const view = rows.filter((row) => inView(row, filter, now))
  const shown = view.filter((row) => statusMatches(row, filter) && ownerMatches(row, filter))
  const { groups, entries } = groupEntries(shown, now)
  return { groups, entries, shown: shown.length, total: view.length, facets: facetsOf(view, filter) }
}

/** One window of a view. */
export function centrePage(view: CentreView, window: { offset: number; limit: number }, unread: number): ReminderCentre {
  const { entries, ...summary } = view
  return { ...summary, offset: window.offset, entries: entries.slice(window.offset, window.offset + window.limit), unread }
}

export function buildCentre(
  rows: readonly CentreRow[],
  filter: ReminderCentreFilter,
  window: { offset: number; limit: number },
  now: number,
  unread: number
): ReminderCentre {
  return centrePage(centreView(rows, filter, now), window, unread)
}

/**
 * The first instant after `now` at which the rows' view can change by the clock alone: a deadline
 * passing moves its entries from "ahead" to "passed" (compareDeadlines' tiers). Snoozes ending are
 * the caller's to add (the unread rows leave snoozed stores out).
 */
export function nextDeadlineAfter(rows: readonly CentreRow[], now: number): number {
  let next = Infinity
  for (const row of rows) if (row.deadlineAt > now && row.deadlineAt < next) next = row.deadlineAt
  return next
}
