/** Collaborators that core modules receive instead of reaching for globals or Electron. */
import type { EventName, EventPayload } from '../shared/ipc-contract'
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

/** Sends an event to every app window (the scheduler's results have no caller to answer). */
export type Broadcast = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** Where a click on a notification leads. */
export type NotificationTarget = { kind: 'store'; storeId: number } | { kind: 'stores'; storeIds: number[] }

export interface NotificationRequest {
  title: string
  body: string
  target: NotificationTarget
}

export type NotificationOutcome = { delivered: true } | { delivered: false; error: string }

/** Native OS notifications (Electron's Notification in the app). */
export interface Notifier {
  show(request: NotificationRequest): Promise<NotificationOutcome>
}

/** Repeating timers, injected so tests can drive time. Returns the function that stops it. */
export interface Ticker {
  every(intervalMs: number, tick: () => void): () => void
}
