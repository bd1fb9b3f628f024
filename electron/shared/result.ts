/** Every IPC call answers with an envelope instead of throwing: thrown errors lose all but their message. */

export type ErrorCode =
  | 'invalid-input'
  | 'forbidden-sender'
  | 'unknown-channel'
  | 'not-found'
  | 'duplicate'
  | 'conflict'
  | 'import-invalid'
  | 'import-expired'
  /** The data file is not open yet: the start-up screen is waiting for the KAM's choice. */
  | 'not-open'
  /** Another program held the data file's write lock for longer than the busy timeout. */
  | 'database-busy'
  /** The data file is damaged: nothing more is saved until a backup is restored. */
  | 'database-damaged'
  | 'backup-failed'
  | 'restore-failed'
  /** The import's worker stopped, or the write lock stayed taken: nothing was written. */
  | 'import-failed'
  /** The KAM cancelled an import commit: it rolled back, nothing was written. */
  | 'import-cancelled'
  | 'internal'

export interface FieldError {
  field: string
  message: string
}

export interface AppErrorInfo {
  code: ErrorCode
  message: string
  /** Per-field problems, when the error is about a form or a row. */
  fields?: FieldError[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorInfo }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string, fields?: FieldError[]): Result<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } }
}
