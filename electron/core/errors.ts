import type { ErrorCode, FieldError } from '../shared/result'

/** An error meant for the KAM: its message is shown as is, so it says what is wrong and where. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[]
  ) {
    super(message)
    this.name = 'AppError'
  }
}
