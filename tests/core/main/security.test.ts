import { EventEmitter } from 'node:events'
import type { App, Session, Shell, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { installSecurityPolicy } from '../../../electron/main/security'

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
}

function setUp(allowedOrigins = ['app://storewatch'], ownPolicy?: (contents: WebContents) => boolean) {
  const app = new EventEmitter()
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
  const shell = { openExternal: vi.fn(async () => undefined) }
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
  installSecurityPolicy({
    app: app as unknown as App,
    session: session as unknown as Session,
    shell: shell as unknown as Shell,
    allowedOrigins,
    logger,
    ownPolicy
  })
  const contents = new FakeContents()
  app.emit('web-contents-created', {}, contents)
  return { app, contents, session, shell, logger }
}

function navigate(contents: FakeContents, eventName: string, url: string): boolean {
  const event = { url, preventDefault: vi.fn() }
  contents.emit(eventName, event)
  return event.preventDefault.mock.calls.length > 0
}

describe('installSecurityPolicy', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: stays on the app origin, blocks everything else', (eventName) => {
    const { contents } = setUp()
    expect(navigate(contents, eventName, 'app://storewatch/index.html')).toBe(false)
    for (const url of ['https://evil.example/', 'app://storewatch.evil/', 'file:///etc/passwd', 'javascript:alert(1)', 'http://localhost:5173/']) {
      expect(navigate(contents, eventName, url), url).toBe(true)
    }
  })

  it('lets the dev server load when it is trusted', () => {
    const { contents } = setUp(['app://storewatch', 'http://localhost:5173'])
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/')).toBe(false)
  })

  it('blocks <webview>', () => {
    const { contents } = setUp()
    const event = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies every new window and opens nothing externally today', () => {
    const { contents, shell } = setUp()
    for (const url of ['https://sellercenter.lazada.sg/', 'file:///C:/Windows/calc.exe', 'smb://host/share', 'ms-msdt:/id x', 'javascript:alert(1)']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' })
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('attaches nothing to a page that brings its own policy (the authorization window)', () => {
    const { contents } = setUp(['app://storewatch'], () => true)
    expect(contents.listenerCount('will-navigate')).toBe(0)
    expect(contents.listenerCount('will-redirect')).toBe(0)
    expect(contents.openHandler).toBeNull()
    expect(navigate(contents, 'will-navigate', 'https://auth.lazada.com/')).toBe(false)
  })

  it('steps aside for a page claimed after its creation, and only for that page', () => {
    const claimed = new Set<unknown>()
    const { app, contents } = setUp(['app://storewatch'], (c) => claimed.has(c))
    const other = new FakeContents()
    app.emit('web-contents-created', {}, other)
    expect(navigate(contents, 'will-navigate', 'https://auth.lazada.com/')).toBe(true)
    claimed.add(contents)
    expect(navigate(contents, 'will-navigate', 'https://auth.lazada.com/')).toBe(false)
    expect(navigate(other, 'will-navigate', 'https://auth.lazada.com/')).toBe(true)
  })

  it('denies every permission but clipboard writing from the app’s own page', () => {
    const { session } = setUp()
    type Request = (c: unknown, p: string, cb: (granted: boolean) => void, details?: { requestingUrl?: string }) => void
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as Request
    const callback = vi.fn()
    request({}, 'notifications', callback, { requestingUrl: 'app://storewatch/index.html' })
    request({}, 'geolocation', callback, { requestingUrl: 'app://storewatch/index.html' })
    request({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'https://evil.example/' })
    request({}, 'clipboard-sanitized-write', callback, {})
    request({}, 'clipboard-sanitized-write', callback, { requestingUrl: 'app://storewatch/index.html#/stores/1' })
    expect(callback.mock.calls).toEqual([[false], [false], [false], [false], [true]])
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string, origin: string) => boolean
    expect(check({}, 'clipboard-sanitized-write', 'app://storewatch')).toBe(true)
    expect(check({}, 'clipboard-read', 'app://storewatch')).toBe(false)
    expect(check({}, 'clipboard-sanitized-write', 'app://storewatch.evil')).toBe(false)
  })

  it('hands a mailto: e-mail draft to the mail client and nothing else outside the app', () => {
    const { contents, shell } = setUp()
    const draft = 'mailto:jane@acme.sg?subject=Renew%20Anchanto%20OM&body=Step%201'
    expect(navigate(contents, 'will-navigate', draft)).toBe(true)
    expect(contents.openHandler!({ url: draft })).toEqual({ action: 'deny' })
    for (const url of ['mailto://evil.example/x', 'mailto:jane@acme.sg?subject=a%0D%0ABcc:x@evil.test', 'file:///etc/passwd', 'ms-msdt:/id', 'smb://host/share']) {
      expect(navigate(contents, 'will-navigate', url)).toBe(true)
      contents.openHandler!({ url })
    }
    expect(shell.openExternal.mock.calls).toEqual([[draft], [draft]])
  })

  it('passes to, cc, subject and body only: attach= and the like never reach the OS', () => {
    const { contents, shell, logger } = setUp()
    const draft = 'mailto:jane@acme.sg?subject=Renew&body=Step%201'
    expect(navigate(contents, 'will-navigate', `${draft}&attach=/etc/passwd&BCC=spy@evil.test`)).toBe(true)
    expect(contents.openHandler!({ url: `${draft}&Attach=C:%5Cid_rsa` })).toEqual({ action: 'deny' })
    expect(shell.openExternal.mock.calls).toEqual([[draft], [draft]])
    expect(logger.warn).toHaveBeenCalledWith('e-mail draft: fields left out', { fields: 'attach, bcc' })
  })
})
