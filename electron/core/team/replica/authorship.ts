/**
 * Authorship in history is what Postgres says (issue #12, point 3): a history row that comes from the
 * team takes the change's author (`current_user` of the pusher) as its actor, whatever the pushing
 * laptop wrote; the laptop's own history row takes it too when its echo comes back. The team's
 * current rows (team-schema-projection.ts) apply the same rule.
 */
import type Database from 'better-sqlite3'
import type { TeamChange } from '../team-change'
import { statement } from './statements'
import { localIdOf } from './uids'

/** The change with its history actor replaced by its author. */
export function authored(change: TeamChange): TeamChange {
  if (change.table !== 'store_history' || change.fields === null || !('actor' in change.fields)) return change
  return { ...change, fields: { ...change.fields, actor: change.author } }
}

/** The laptop's own history row, seen back from the team: its actor becomes the author. */
export function settleAuthor(sqlite: Database.Database, change: TeamChange): void {
  if (change.table !== 'store_history' || change.fields === null || !('actor' in change.fields)) return
  const id = localIdOf(sqlite, 'store_history', change.uid)
  if (id !== null) statement(sqlite, 'UPDATE store_history SET actor = ? WHERE id = ?').run(change.author, id)
}
