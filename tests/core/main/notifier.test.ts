import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Logger, NotificationRequest, NotificationTarget } from '../../../electron/core/ports'
import { DELIVERY_GRACE_MS, MAX_LIVE_NOTIFICATIONS, createNativeNotifier } from '../../../electron/main/notifier'

/** Stands in for Electron's Notification: records what was shown, lets the test emit its events. */
class FakeNotification extends EventEmitter {
  static supported = true
  static instances: FakeNotification[] = []
  static throwOnShow: Error | null = null
  static isSupported(): boolean {
    return FakeNotification.supported
  }
  shown = 0
  constructor(readonly options: { title: string; body: string }) {
    super()
    FakeNotification.instances.push(this)
  }
  show(): void {
    if (FakeNotification.throwOnShow) throw FakeNotification.throwOnShow
    this.shown += 1
  }
}

const request = (target: NotificationTarget = { kind: 'store', storeId: 7 }): NotificationRequest => ({
  title: 'Tan Brothers SG: subscription ends in 7 days',
  body: 'Renew on Lazada Service Market and reauthorize.',
  target
})

function setup() {
  const onClick = vi.fn()
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies Logger
  const notifier = createNativeNotifier({ Notification: FakeNotification, onClick, logger })
  const last = () => {
    const notification = FakeNotification.instances.at(-1)
    if (!notification) throw new Error('nothing was shown')
    return notification
  }
  return { notifier, onClick, logger, last }
}

beforeEach(() => {
  FakeNotification.supported = true
  FakeNotification.instances = []
  FakeNotification.throwOnShow = null
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('native notifier', () => {
  it('shows the title and body as given and resolves delivered on `show`', async () => {
    const { notifier, last } = setup()
    const outcome = notifier.show(request())
    expect(last().options).toEqual({ title: request().title, body: request().body })
    expect(last().shown).toBe(1)
    last().emit('show', {})
    await expect(outcome).resolves.toEqual({ delivered: true })
  })

  it('reports an unsupported system without creating a notification', async () => {
    FakeNotification.supported = false
    const { notifier, logger } = setup()
    const outcome = await notifier.show(request())
    expect(outcome).toEqual({ delivered: false, error: expect.stringMatching(/not supported/) })
    expect(FakeNotification.instances).toHaveLength(0)
    expect(logger.warn).toHaveBeenCalledOnce()
  })

  it('resolves not delivered on `failed` (an unsigned macOS build) and logs no title or body', async () => {
    const { notifier, logger, last } = setup()
    const outcome = notifier.show(request())
    last().emit('failed', {}, 'Notifications are not allowed for this application')
    await expect(outcome).resolves.toEqual({ delivered: false, error: 'Notifications are not allowed for this application' })
    expect(notifier.liveCount).toBe(0)
    const logged = JSON.stringify(logger.warn.mock.calls)
    expect(logged).toContain('not allowed')
    expect(logged).not.toContain('Tan Brothers')
    expect(logged).not.toContain('Renew')
  })

  it('counts silence as delivered after the grace period (platforms that never emit `show`)', async () => {
    const { notifier } = setup()
    let outcome: unknown = null
    void notifier.show(request()).then((value) => (outcome = value))
    await vi.advanceTimersByTimeAsync(DELIVERY_GRACE_MS - 1)
    expect(outcome).toBeNull()
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome).toEqual({ delivered: true })
  })

  it('settles once: a `failed` after `show` changes nothing for the caller but is still logged', async () => {
    const { notifier, logger, last } = setup()
    const outcome = notifier.show(request())
    last().emit('show', {})
    last().emit('failed', {}, 'late failure')
    await expect(outcome).resolves.toEqual({ delivered: true })
    expect(logger.warn).toHaveBeenCalledWith('notification not delivered', expect.objectContaining({ error: 'late failure' }))
  })

  it('turns a throwing `show()` into not delivered', async () => {
    FakeNotification.throwOnShow = new Error('DBus is not running')
    const { notifier } = setup()
    await expect(notifier.show(request())).resolves.toEqual({ delivered: false, error: 'DBus is not running' })
    expect(notifier.liveCount).toBe(0)
  })

  it('gives a failure without a message a readable one', async () => {
    const { notifier, last } = setup()
    const outcome = notifier.show(request())
    last().emit('failed', {}, '')
    await expect(outcome).resolves.toEqual({ delivered: false, error: expect.stringMatching(/did not show/) })
  })

  it('passes the clicked notification’s target to onClick', async () => {
    const { notifier, onClick } = setup()
    const digest: NotificationTarget = { kind: 'stores', storeIds: [3, 9, 12, 40] }
    void notifier.show(request({ kind: 'store', storeId: 7 }))
    void notifier.show(request(digest))
    FakeNotification.instances[1]?.emit('click', {})
    expect(onClick).toHaveBeenCalledExactlyOnceWith(digest)
    FakeNotification.instances[0]?.emit('click', {})
    expect(onClick).toHaveBeenLastCalledWith({ kind: 'store', storeId: 7 })
  })

  it('keeps each notification referenced until it closes, is clicked or fails, then lets it go', async () => {
    const { notifier } = setup()
    for (let i = 0; i < 3; i++) void notifier.show(request())
    const [closed, clicked, failed] = FakeNotification.instances
    for (const notification of FakeNotification.instances) notification.emit('show', {})
    await vi.advanceTimersByTimeAsync(DELIVERY_GRACE_MS * 10)
    // Shown and long past the grace period: still referenced, or a later click would be lost.
    expect(notifier.liveCount).toBe(3)
    closed?.emit('close', {})
    expect(notifier.liveCount).toBe(2)
    clicked?.emit('click', {})
    expect(notifier.liveCount).toBe(1)
    failed?.emit('failed', {}, 'gone')
    expect(notifier.liveCount).toBe(0)
  })

  it('keeps at most MAX_LIVE_NOTIFICATIONS, letting the oldest go first', () => {
    const { notifier } = setup()
    for (let i = 0; i < MAX_LIVE_NOTIFICATIONS + 5; i++) void notifier.show(request())
    expect(notifier.liveCount).toBe(MAX_LIVE_NOTIFICATIONS)
  })

  it('survives an onClick that throws', () => {
    const { notifier, onClick, logger, last } = setup()
    onClick.mockImplementation(() => {
      throw new Error('no window')
    })
    void notifier.show(request())
    expect(() => last().emit('click', {})).not.toThrow()
    expect(logger.error).toHaveBeenCalledOnce()
  })

  it('shows app notices with a click handler of their own', async () => {
    const { notifier, onClick, last } = setup()
    const clicked = vi.fn()
    const outcome = notifier.notice({ title: 'Storewatch is still running', body: 'Find it in the tray.' }, clicked)
    last().emit('show', {})
    await expect(outcome).resolves.toEqual({ delivered: true })
    last().emit('click', {})
    expect(clicked).toHaveBeenCalledOnce()
    expect(onClick).not.toHaveBeenCalled()
  })
})
