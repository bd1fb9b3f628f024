/**
 * The "My stores" rule (shared/my-stores.ts `isOwnedBy`) inside SQL: registered on the
 * connection as a function, so a query narrows with the very rule the rest of the app uses
 * (SQLite's own lower() folds ASCII only, and trim() only spaces).
 */
import type Database from 'better-sqlite3'
import { isOwnedBy } from '../../shared/my-stores'

const FUNCTION_NAME = 'storewatch_owned_by'

export function registerOwnedBy(sqlite: Database.Database): void {
  sqlite.function(FUNCTION_NAME, { deterministic: true }, (owner: unknown, kamName: unknown) =>
    isOwnedBy(typeof owner === 'string' ? owner : null, typeof kamName === 'string' ? kamName : null) ? 1 : 0
  )
}

/** The SQL test that the store owner in `ownerColumn` is the KAM named by `kamParam`. */
export function ownedBySql(ownerColumn: string, kamParam: string): string {
  return `${FUNCTION_NAME}(${ownerColumn}, ${kamParam}) = 1`
}
