/**
 * Which backups are kept. Scheduled copies: the newest of each of the last 7 days that have one,
 * and the newest of each of the last 4 weeks (Monday to Sunday) that have one, in the KAM's time
 * zone. Copies taken before a database update: the newest 5. Copies taken before an action
 * (deleting a store, an import, a restore, a bulk action) or on request: the newest 10. Everything
 * else in those three groups goes. Files that are not backups are never touched.
 */
import { DateTime } from 'luxon'

export interface RetentionRule {
  daily: number
  weekly: number
  beforeMigration: number
  beforeAction: number
}

export const DEFAULT_RETENTION: RetentionRule = { daily: 7, weekly: 4, beforeMigration: 5, beforeAction: 10 }

export interface RetainedBackup {
  name: string
  takenAt: number
  /** Orders copies taken in the same millisecond (1, 2…). */
  sequence?: number
  kind: string
}

export interface RetentionPlan {
  /** Kept backups by name: 'daily' or 'weekly' for scheduled ones, their own kind for the rest. */
  keep: Map<string, string>
  remove: string[]
}

export function describeRetention(rule: RetentionRule): string {
  return (
    `Storewatch backs up the portfolio every day it runs and keeps the newest copy of each of the last ${rule.daily} days ` +
    `and of each of the last ${rule.weekly} weeks, plus the last ${rule.beforeAction} copies taken before deleting, importing or restoring ` +
    `(or on request) and the last ${rule.beforeMigration} taken before an update of Storewatch.`
  )
}

function newestPerPeriod(backups: RetainedBackup[], periods: number, periodOf: (at: number) => string): RetainedBackup[] {
  const seen = new Set<string>()
  const kept: RetainedBackup[] = []
  for (const backup of backups) {
    const period = periodOf(backup.takenAt)
    if (seen.has(period)) continue
    if (seen.size === periods) break
    seen.add(period)
    kept.push(backup)
  }
  return kept
}

export function planRetention(backups: readonly RetainedBackup[], timeZone: string, rule: RetentionRule = DEFAULT_RETENTION): RetentionPlan {
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt || (b.sequence ?? 1) - (a.sequence ?? 1))
  const local = (at: number) => DateTime.fromMillis(at, { zone: timeZone })
  const keep = new Map<string, string>()

  const scheduled = newestFirst.filter((b) => b.kind === 'daily')
  for (const backup of newestPerPeriod(scheduled, rule.weekly, (at) => (local(at).toISOWeekDate() ?? '').slice(0, 8))) keep.set(backup.name, 'weekly')
  for (const backup of newestPerPeriod(scheduled, rule.daily, (at) => local(at).toISODate() ?? '')) keep.set(backup.name, 'daily')

  const migrations = newestFirst.filter((b) => b.kind === 'before-migration')
  for (const backup of migrations.slice(0, rule.beforeMigration)) keep.set(backup.name, backup.kind)
  const actions = newestFirst.filter((b) => b.kind !== 'daily' && b.kind !== 'before-migration')
  for (const backup of actions.slice(0, rule.beforeAction)) keep.set(backup.name, backup.kind)

  return { keep, remove: newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name) }
}
