import { afterEach, describe, expect, it, vi } from 'vitest'
import { closeTestSessions, startTestSession } from '../../support/test-session'
import type { Logger } from '../../../electron/core/ports'
import { registerIpcHandlers } from '../../../electron/main/ipc'
import type { IpcInvokeEvent, IpcMainLike } from '../../../electron/main/ipc'
import { CHANNELS } from '../../../electron/shared/ipc-contract'
import type { Result } from '../../../electron/shared/result'

const APP_PAGE = 'app://storewatch/index.html'
const TRUSTED = ['app://storewatch']

type Listener = Parameters<IpcMainLike['handle']>[1]

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>()
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, listener)
  }
  async call(channel: string, input: unknown, event: IpcInvokeEvent): Promise<Result<unknown>> {
    const listener = this.handlers.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return (await listener(event, input)) as Result<unknown>
  }
}

function fakeEvent(frame: { url: string; parent: unknown } | null, destroyed = false) {
  const send = vi.fn()
  const event: IpcInvokeEvent = { senderFrame: frame, sender: { send, isDestroyed: () => destroyed } }
  return { event, send }
}

const topFrame = (url = APP_PAGE) => fakeEvent({ url, parent: null })

afterEach(closeTestSessions)

/** What main registers: the app session's dispatcher, over an open core. */
function setUp() {
  const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  const { session } = startTestSession({ logger, core: { logger, appInfo: { version: '1.2.3', dataDir: '/data', databasePath: '/data/storewatch.db' } } })
  const ipcMain = new FakeIpcMain()
  registerIpcHandlers({ ipcMain, dispatcher: session.dispatcher, trustedOrigins: TRUSTED, logger })
  return { ipcMain, logger }
}

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipcMain } = setUp()
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('registers only what the dispatcher serves, so a contract entry without a handler cannot go unnoticed', () => {
    const ipcMain = new FakeIpcMain()
    const partial = { channels: CHANNELS.filter((c) => c !== 'stores:archive'), dispatch: vi.fn() }
    registerIpcHandlers({ ipcMain, dispatcher: partial, trustedOrigins: TRUSTED, logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } })
    expect(CHANNELS.filter((c) => !ipcMain.handlers.has(c))).toEqual(['stores:archive'])
  })

  it('answers the app’s own top-level page', async () => {
    const { ipcMain } = setUp()
    const result = await ipcMain.call('app:info', undefined, topFrame().event)
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ version: '1.2.3' }) })
  })

  it.each([
    ['a page on another origin', { url: 'https://evil.example/page?code=secret123', parent: null }],
    ['a look-alike origin', { url: 'app://storewatch.evil/index.html', parent: null }],
    ['a subframe of the app', { url: APP_PAGE, parent: { url: APP_PAGE } }],
    ['a frame that is gone', null]
  ])('refuses %s with forbidden-sender and never dispatches', async (_what, frame) => {
    const { ipcMain, logger } = setUp()
    const { event, send } = fakeEvent(frame)
    const result = await ipcMain.call('stores:delete', { id: 1, confirmed: true }, event)
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } })
    expect(send).not.toHaveBeenCalled()
    expect(logger.warn).toHaveBeenCalledWith('IPC call refused', expect.objectContaining({ channel: 'stores:delete' }))
    expect(JSON.stringify(vi.mocked(logger.warn).mock.calls)).not.toContain('secret123')
  })

  it.each([
    ['a wrong type', { id: 'x' }],
    ['an unknown key', { id: 1, extra: true }],
    ['a prototype key', JSON.parse('{"id":1,"__proto__":{"polluted":true}}')],
    ['no payload', undefined]
  ])('answers %s with an invalid-input envelope', async (_what, input) => {
    const { ipcMain } = setUp()
    const result = await ipcMain.call('stores:get', input, topFrame().event)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('delivers events a handler emits to the calling window', async () => {
    const { ipcMain } = setUp()
    const { event, send } = topFrame()
    const csv = 'Client name,Store name,Country,Seller short code\nAcme,Acme SG,SG,SG1234\n'
    const result = await ipcMain.call('import:preview', { requestId: 'r1', fileName: 'stores.csv', bytes: new TextEncoder().encode(csv) }, event)
    expect(result.ok).toBe(true)
    expect(send).toHaveBeenCalledWith('import:progress', expect.objectContaining({ requestId: 'r1' }))
    expect(send.mock.calls.every(([name]) => name === 'import:progress')).toBe(true)
  })

  it('stops sending events once the window is gone', async () => {
    const { ipcMain } = setUp()
    const { event, send } = fakeEvent({ url: APP_PAGE, parent: null }, true)
    const csv = 'Client name,Store name,Country,Seller short code\nAcme,Acme SG,SG,SG1234\n'
    const result = await ipcMain.call('import:preview', { requestId: 'r2', fileName: 'stores.csv', bytes: new TextEncoder().encode(csv) }, event)
    expect(result.ok).toBe(true)
    expect(send).not.toHaveBeenCalled()
  })
})
