/** The scheduler's due time and last start, kept in `app_meta` so they survive restarts. */
import type Database from 'better-sqlite3'
import { writeTransaction } from '../db/write-transaction'
import type { ScheduleState, ScheduleStore } from './scheduler'

const NEXT_DUE_KEY = 'checks.next_due_at'
const LAST_START_KEY = 'checks.last_run_started_at'

export function appMetaScheduleStore(sqlite: Database.Database): ScheduleStore {
  const read = sqlite.prepare('SELECT value FROM app_meta WHERE key = ?').pluck()
  const write = sqlite.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
  const remove = sqlite.prepare('DELETE FROM app_meta WHERE key = ?')
  const instant = (key: string): number | null => {
    const value = Number(read.get(key) ?? Number.NaN)
    return Number.isSafeInteger(value) ? value : null
  }
  const put = (key: string, value: number | null) => (value === null ? remove.run(key) : write.run(key, String(value)))
  return {
    load: () => ({ nextDueAt: instant(NEXT_DUE_KEY), lastRunStartedAt: instant(LAST_START_KEY) }),
    save: (state: ScheduleState) =>
      writeTransaction(sqlite, () => {
        put(NEXT_DUE_KEY, state.nextDueAt)
        put(LAST_START_KEY, state.lastRunStartedAt)
      })
  }
}
