/**
 * One open run per store and checklist: two laptops that start the same checklist for a store while
 * offline meet here. As for a store's key (store-rows.ts), the run earlier in the team's order stays
 * open; the later one is kept, with its ticks and notes, as cancelled, the same on every laptop.
 */
import type Database from 'better-sqlite3'
import type { Fields } from './rows'
import { statement } from './statements'

/** A pending local change to these makes the local run the later one. */
export const RUN_CLAIM_FIELDS = ['status', 'end_note'] as const

export const SUPERSEDED_NOTE = 'Cancelled by team sync: the same checklist was already open for this store on another laptop.'

export function readRun(sqlite: Database.Database, id: number): Fields | undefined {
  return statement(sqlite, 'SELECT * FROM checklist_runs WHERE id = ?').get(id) as Fields | undefined
}

/** The other open run of the same checklist for the same store, if `run` would be open. */
export function openRunHolder(sqlite: Database.Database, run: Fields, selfId: number | null): number | null {
  if (run.status !== 'open') return null
  const sql = "SELECT id FROM checklist_runs WHERE store_id = ? AND playbook = ? AND status = 'open' AND id <> ?"
  return (statement(sqlite, sql).pluck().get(run.store_id, run.playbook, selfId ?? -1) as number | undefined) ?? null
}

export function supersede(sqlite: Database.Database, id: number): void {
  statement(sqlite, "UPDATE checklist_runs SET status = 'cancelled', end_note = ? WHERE id = ?").run(SUPERSEDED_NOTE, id)
}

export function superseded(fields: Fields): Fields {
  return { ...fields, status: 'cancelled', end_note: SUPERSEDED_NOTE }
}
