// The preload is the one boundary tested with a mocked `electron`: it is nothing but wiring to
// contextBridge and ipcRenderer.
import { EventEmitter } from 'node:events'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS, EVENT_NAMES } from '../../../electron/shared/ipc-contract'

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>()
  return { exposed, emitter: null as unknown as EventEmitter, invoke: null as unknown as ReturnType<typeof vi.fn> }
})

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  const emitter = new EventEmitter()
  const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }))
  electron.emitter = emitter
  electron.invoke = invoke
  return {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        electron.exposed.set(key, api)
      }
    },
    ipcRenderer: {
      invoke,
      on: (channel: string, listener: (...args: unknown[]) => void) => emitter.on(channel, listener),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => emitter.removeListener(channel, listener)
    }
  }
})

type AnyApi = Record<string, unknown> & {
  stores: Record<string, (input?: unknown) => Promise<unknown>>
  on: (event: string, listener: (payload: unknown) => void) => () => void
}

let api: AnyApi

beforeAll(async () => {
  await import('../../../electron/preload/index')
  api = electron.exposed.get('storewatch') as AnyApi
})

/** Written out independently of the bridge: `stores:export-csv` → stores.exportCsv. */
function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {}
  for (const channel of CHANNELS) {
    const [domain, action] = channel.split(':') as [string, string]
    const method = action.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())
    ;(shape[domain] ??= []).push(method)
  }
  return shape
}

describe('preload', () => {
  it('exposes exactly one global, storewatch', () => {
    expect([...electron.exposed.keys()]).toEqual(['storewatch'])
  })

  it('has exactly the contract’s shape: one function per channel, plus on', () => {
    const shape = expectedShape()
    expect(Object.keys(api).sort()).toEqual([...Object.keys(shape), 'on'].sort())
    for (const [domain, methods] of Object.entries(shape)) {
      const group = api[domain] as Record<string, unknown>
      expect(Object.keys(group).sort(), domain).toEqual([...methods].sort())
      for (const method of methods) expect(typeof group[method], `${domain}.${method}`).toBe('function')
    }
    expect(typeof api.on).toBe('function')
  })

  it('turns api.stores.list(q) into ipcRenderer.invoke("stores:list", q)', async () => {
    const query = { search: 'acme' }
    const answer = await api.stores.list!(query)
    expect(electron.invoke).toHaveBeenCalledWith('stores:list', query)
    expect(answer).toEqual({ ok: true, value: { channel: 'stores:list', input: query } })
  })

  it('passes only the payload to event listeners and unsubscribes', () => {
    const listener = vi.fn()
    const stop = api.on('import:progress', listener)
    const progress = { requestId: 'r1', phase: 'parsing', done: 0, total: 0 }
    electron.emitter.emit('import:progress', { sender: 'the IpcRendererEvent' }, progress)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener.mock.calls[0]).toEqual([progress])

    stop()
    electron.emitter.emit('import:progress', { sender: 'the IpcRendererEvent' }, progress)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(electron.emitter.listenerCount('import:progress')).toBe(0)
  })

  it('refuses event names outside the contract', () => {
    expect(EVENT_NAMES).not.toContain('stores:list')
    expect(() => api.on('stores:list', vi.fn())).toThrow(/Unknown event/)
  })
})
