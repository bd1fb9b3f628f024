/**
 * The core's Broadcast port: sends an event to every live window, then to listeners inside main
 * (the tray refreshes its count when a check run completes). Windows come from a function, so a
 * Node test can pass fakes; a window or page that is gone is skipped.
 */
import type { Broadcast, Logger } from '../core/ports'
import type { EventName, EventPayload } from '../shared/ipc-contract'

export interface BroadcastWindow {
  isDestroyed(): boolean
  readonly webContents: {
    isDestroyed(): boolean
    send(channel: string, ...args: unknown[]): void
  }
}

type Listener = (payload: unknown) => void

export interface Broadcaster {
  broadcast: Broadcast
  /** Hears `event` in main after the windows were sent it; returns the function that stops it. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

export function createBroadcaster(options: { windows: () => readonly BroadcastWindow[]; logger: Logger }): Broadcaster {
  const { windows, logger } = options
  const listeners = new Map<EventName, Set<Listener>>()

  const broadcast: Broadcast = (event, payload) => {
    for (const window of windows()) {
      if (window.isDestroyed() || window.webContents.isDestroyed()) continue
      try {
        window.webContents.send(event, payload)
      } catch (error) {
        logger.warn('event not sent to a window', { event, message: (error as Error).message })
      }
    }
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload)
      } catch (error) {
        logger.error('event listener in main failed', { event, message: (error as Error).message })
      }
    }
  }

  return {
    broadcast,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      const entry = listener as Listener
      set.add(entry)
      return () => set.delete(entry)
    }
  }
}
