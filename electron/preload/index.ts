/**
 * The preload: exposes the contract-derived bridge as `window.storewatch` and nothing else. The
 * page never sees ipcRenderer or an IpcRendererEvent (its `sender` would reach ipcRenderer).
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { BRIDGE_GLOBAL, createBridge } from '../shared/bridge'
import type { Result } from '../shared/result'

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
    subscribe: (event, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
      ipcRenderer.on(event, forward)
      return () => {
        ipcRenderer.removeListener(event, forward)
      }
    }
  })
)
