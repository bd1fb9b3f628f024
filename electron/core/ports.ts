/** Collaborators that core modules receive instead of reaching for globals or Electron. */
import type { SaveFileResult } from '../shared/portfolio'

export interface Clock {
  /** Current UTC instant in epoch milliseconds. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }

/** Who is acting, for history entries: the KAM's name or their OS account. */
export interface Actor {
  name(): string
}


/** Lets the KAM pick where a file goes (a native save dialog in the app). */
export interface FileSaver {
  saveText(request: { suggestedName: string; content: string; filterName: string; extensions: string[] }): Promise<SaveFileResult>
}
