/**
 * The centre's one virtualized list: each group's header row, then (unless folded) a row for each of
 * its entries, by index among the filter's entries. One flat list, however many groups, so 10,000
 * entries scroll as 40 do.
 */
import type { ReminderGroup } from '../../../../electron/shared/monitoring'
import { RUNG_PASSED } from '../../../../electron/shared/monitoring'

export type CentreRowModel = { kind: 'group'; group: ReminderGroup } | { kind: 'entry'; index: number; group: ReminderGroup }

export function centreRows(groups: readonly ReminderGroup[], collapsed: Readonly<Record<string, true>>): CentreRowModel[] {
  const rows: CentreRowModel[] = []
  for (const group of groups) {
    rows.push({ kind: 'group', group })
    if (collapsed[group.key]) continue
    for (let index = group.first; index < group.first + group.total; index++) rows.push({ kind: 'entry', index, group })
  }
  return rows
}

/** The entries (first and last index) the rows `start … end` show, or null when they show none. */
export function entriesInRows(rows: readonly CentreRowModel[], start: number, end: number): [number, number] | null {
  let first = -1
  let last = -1
  for (let i = Math.max(start, 0); i <= Math.min(end, rows.length - 1); i++) {
    const row = rows[i]!
    if (row.kind !== 'entry') continue
    if (first < 0) first = row.index
    last = row.index
  }
  return first < 0 ? null : [first, last]
}

/** The row of the entry with this reminder id, if it is loaded and not folded away. */
export function rowOfEntry(rows: readonly CentreRowModel[], entries: readonly ({ id: number } | undefined)[], id: number | null): number | undefined {
  if (id === null) return undefined
  const at = rows.findIndex((row) => row.kind === 'entry' && entries[row.index]?.id === id)
  return at < 0 ? undefined : at
}

/** "14 days before", "1 day before", "On the deadline day", "Deadline passed". */
export function rungLabel(rung: number): string {
  if (rung === RUNG_PASSED) return 'Deadline passed'
  if (rung === 0) return 'On the deadline day'
  return rung === 1 ? '1 day before' : `${rung} days before`
}
