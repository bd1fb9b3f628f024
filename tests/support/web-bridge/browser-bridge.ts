/**
 * Runs in the page served by the browser host: installs `window.storewatch` built by the same
 * `createBridge` as the Electron preload, over HTTP instead of ipcRenderer.
 */
import { BRIDGE_GLOBAL, createBridge } from '../../../electron/shared/bridge'
import type { EventName } from '../../../electron/shared/ipc-contract'
import type { Result } from '../../../electron/shared/result'
import { decode, encode } from './json-codec'
import { EVENTS_PATH, INVOKE_PATH } from './paths'

let events: EventSource | null = null

const api = createBridge({
  async invoke(channel, input) {
    const response = await fetch(INVOKE_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: encode({ channel, input })
    })
    return decode(await response.text()) as Result<unknown>
  },
  subscribe(event: EventName, listener) {
    events ??= new EventSource(EVENTS_PATH)
    const handler = (message: MessageEvent<string>) => listener(decode(message.data))
    events.addEventListener(event, handler)
    return () => events?.removeEventListener(event, handler)
  }
})

Object.defineProperty(window, BRIDGE_GLOBAL, { value: Object.freeze(api), writable: false })
