/** Prepared statements kept per connection: applying 10,000 changes must not compile 60,000. */
import type Database from 'better-sqlite3'

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>()

export function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = prepared.get(sqlite)
  if (!cache) {
    cache = new Map()
    prepared.set(sqlite, cache)
  }
  let found = cache.get(sql)
  if (!found) {
    found = sqlite.prepare(sql)
    cache.set(sql, found)
  }
  return found
}
