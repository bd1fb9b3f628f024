/**
 * A transaction on the team's PostgreSQL (issue #12). This is Postgres, not the laptop's SQLite:
 * `writeTransaction()` does not apply here, and this file is the one place a Postgres BEGIN is written.
 */
import type { ClientBase } from 'pg'

export function inPgTransaction<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  return inPg(client, 'BEGIN', work)
}

/** A read-only transaction whose every query sees one snapshot of the server (REPEATABLE READ). */
export function inPgSnapshot<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  return inPg(client, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work)
}

async function inPg<T>(client: ClientBase, begin: string, work: () => Promise<T>): Promise<T> {
  await client.query(begin)
  try {
    const result = await work()
    await client.query('COMMIT')
    return result
  } catch (error) {
    // A connection that broke mid-transaction has rolled back on the server already.
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}
