/**
 * Watches every call on a connection for SQLITE_CORRUPT and SQLITE_NOTADB, whoever makes it (an
 * IPC handler, a scheduled check, a token refresh, the authorization window) and whatever catches
 * the error afterwards: the first one is reported once, so the session can stop writes and tell
 * the KAM. Errors still reach their callers unchanged.
 */
import type Database from 'better-sqlite3'
import { isDamage } from '../db/sqlite-errors'

type AnyFunction = (...args: unknown[]) => unknown

const STATEMENT_METHODS = ['run', 'get', 'all', 'iterate'] as const
const DATABASE_METHODS = ['exec', 'pragma'] as const

export function watchForDamage(sqlite: Database.Database, onDamage: (error: Error) => void): void {
  let reported = false
  const observed = <F extends AnyFunction>(fn: F, self: unknown): F =>
    function (...args: unknown[]) {
      try {
        return fn.apply(self, args)
      } catch (error) {
        if (!reported && isDamage(error)) {
          reported = true
          onDamage(error as Error)
        }
        throw error
      }
    } as F

  const target = sqlite as unknown as Record<string, AnyFunction>
  for (const method of DATABASE_METHODS) target[method] = observed(target[method]!, sqlite)
  const prepare = observed(target.prepare!, sqlite)
  // drizzle and the services prepare their statements through this; `raw()`, `pluck()` and
  // `expand()` return the same statement, so its methods stay observed (an iterator's later steps
  // are not: the core does not iterate).
  target.prepare = (...args: unknown[]) => {
    const statement = prepare(...args) as Record<string, AnyFunction>
    for (const method of STATEMENT_METHODS) statement[method] = observed(statement[method]!, statement)
    return statement
  }
}
