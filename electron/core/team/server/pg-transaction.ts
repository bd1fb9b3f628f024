/**
 * A transaction on the team's PostgreSQL (issue #12). This is Postgres, not the laptop's SQLite:
 * `writeTransaction()` does not apply here, and this file is the one place a Postgres BEGIN is written.
 */
import type { ClientBase } from 'pg'

export async function inPgTransaction<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN')
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
