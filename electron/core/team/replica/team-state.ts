/** The replica's own small facts in `team_state`; reads and single writes, callers hold the transaction. */
import type Database from 'better-sqlite3'
import { statement } from './statements'

export type StateKey = 'client_id' | 'joined' | 'last_seq' | 'pushed_through'

export function readState(sqlite: Database.Database, key: StateKey): string | null {
  const row = statement(sqlite, 'SELECT value FROM team_state WHERE key = ?').get(key) as { value: string } | undefined
  return row?.value ?? null
}

export function writeState(sqlite: Database.Database, key: StateKey, value: string): void {
  statement(sqlite, 'INSERT INTO team_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
}

export function readNumber(sqlite: Database.Database, key: 'last_seq' | 'pushed_through'): number {
  return Number(readState(sqlite, key) ?? 0)
}
