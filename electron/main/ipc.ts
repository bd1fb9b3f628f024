/**
 * Connects the contract's channels to Electron's ipcMain. Each call is answered only for the
 * app's own top-level page; everything else about a call (validation, envelopes) is the
 * dispatcher's job. ipcMain comes in as a parameter, typed by the little this module uses, so
 * Node tests can pass a fake.
 */
import type { Dispatcher } from '../core/ipc/dispatcher'
import { isTrustedSender } from '../core/ipc/trusted-sender'
import type { Logger } from '../core/ports'
import { urlForLog } from '../core/security/redact'
import { fail } from '../shared/result'

export interface IpcInvokeEvent {
  /** Null once the frame navigated away or was destroyed. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
  readonly sender: {
    send(channel: string, ...args: unknown[]): void
    isDestroyed(): boolean
  }
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, input: unknown) => unknown): void
}

export interface RegisterIpcOptions {
  ipcMain: IpcMainLike
  dispatcher: Pick<Dispatcher, 'channels' | 'dispatch'>
  trustedOrigins: readonly string[]
  logger: Logger
}

export function registerIpcHandlers({ ipcMain, dispatcher, trustedOrigins, logger }: RegisterIpcOptions): void {
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event, input) => {
      const frame = event.senderFrame
      const sender = { url: frame?.url, isTopFrame: frame != null && frame.parent === null }
      if (!isTrustedSender(sender, trustedOrigins)) {
        logger.warn('IPC call refused', { channel, sender: urlForLog(sender.url), topFrame: sender.isTopFrame })
        return fail('forbidden-sender', 'This request did not come from Storewatch’s own window.')
      }
      return dispatcher.dispatch(channel, input, {
        // A long import may outlive its window; a closed window simply stops getting progress.
        emit: (name, payload) => {
          if (!event.sender.isDestroyed()) event.sender.send(name, payload)
        }
      })
    })
  }
}
