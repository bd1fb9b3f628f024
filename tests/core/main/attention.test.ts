import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { attentionSummary, overlayIconFile, trayMenu } from '../../../electron/core/navigation/attention'
import { silentLogger } from '../../../electron/core/ports'
import { createAttentionRefresher, createBadge } from '../../../electron/main/attention'
import type { OverlayWindow } from '../../../electron/main/attention'
import { createAppTray } from '../../../electron/main/tray'
import type { TrayHandle } from '../../../electron/main/tray'

describe('attentionSummary', () => {
  it('says all is fine and clears every badge at 0', () => {
    expect(attentionSummary(0)).toEqual({
      count: 0,
      label: 'All stores fine',
      tooltip: 'Storewatch — all stores fine',
      trayTitle: '',
      badgeCount: 0,
      overlay: null
    })
  })

  it('counts one store in the singular', () => {
    const summary = attentionSummary(1)
    expect(summary.tooltip).toBe('Storewatch — 1 store needs action')
    expect(summary.overlay).toEqual({ icon: 'badge-1.png', description: '1 store needs action' })
    expect(summary.badgeCount).toBe(1)
    expect(summary.trayTitle).toBe('1')
  })

  it('counts several stores in the plural, with the exact number on the dock and "9+" on the taskbar', () => {
    expect(attentionSummary(7).tooltip).toBe('Storewatch — 7 stores need action')
    const many = attentionSummary(128)
    expect(many.tooltip).toBe('Storewatch — 128 stores need action')
    expect(many.badgeCount).toBe(128)
    expect(many.overlay).toEqual({ icon: 'badge-9plus.png', description: '128 stores need action' })
  })

  it('shows no number when the count is unknown, rather than a wrong one', () => {
    for (const count of [null, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(attentionSummary(count)).toMatchObject({ count: null, tooltip: 'Storewatch', badgeCount: 0, overlay: null })
    }
  })

  it('treats negative counts as none', () => {
    expect(attentionSummary(-2).count).toBe(0)
  })

  it('names a taskbar badge drawn for every count', () => {
    expect([1, 2, 9, 10, 5000].map(overlayIconFile)).toEqual(['badge-1.png', 'badge-2.png', 'badge-9.png', 'badge-9plus.png', 'badge-9plus.png'])
  })
})

describe('trayMenu', () => {
  it('heads the menu with the count, then Open, Check now and Quit', () => {
    expect(trayMenu(attentionSummary(3), { checking: false })).toEqual([
      { type: 'status', label: '3 stores need action' },
      { type: 'separator' },
      { type: 'action', action: 'open', label: 'Open Storewatch', enabled: true },
      { type: 'action', action: 'check-now', label: 'Check now', enabled: true },
      { type: 'separator' },
      { type: 'action', action: 'quit', label: 'Quit', enabled: true }
    ])
  })

  it('greys out Check now while that check runs', () => {
    expect(trayMenu(attentionSummary(0), { checking: true })).toContainEqual({ type: 'action', action: 'check-now', label: 'Checking…', enabled: false })
  })
})

class FakeTray implements TrayHandle {
  toolTip = ''
  title: string | null = null
  menu: MenuItemConstructorOptions[] = []
  clickListeners: (() => void)[] = []
  destroyed = 0
  setToolTip(toolTip: string) {
    this.toolTip = toolTip
  }
  setTitle(title: string) {
    this.title = title
  }
  setContextMenu(menu: Menu | null) {
    this.menu = (menu as unknown as { template: MenuItemConstructorOptions[] } | null)?.template ?? []
  }
  on(_event: 'click', listener: () => void) {
    this.clickListeners.push(listener)
  }
  destroy() {
    this.destroyed += 1
  }
  item(label: string) {
    const item = this.menu.find((entry) => entry.label === label)
    if (!item) throw new Error(`no menu item ${label}: ${this.menu.map((entry) => entry.label).join(', ')}`)
    return item
  }
  clickItem(label: string) {
    const click = this.item(label).click as (() => void) | undefined
    click?.()
  }
}

function trayWith(platform: string, checkNow: () => Promise<unknown> = async () => undefined) {
  const fake = new FakeTray()
  const actions = { open: vi.fn(), checkNow: vi.fn(checkNow), quit: vi.fn() }
  const tray = createAppTray({
    createTray: () => fake,
    buildMenu: (template) => ({ template }) as unknown as Menu,
    platform,
    actions,
    logger: silentLogger
  })
  return { fake, tray, actions }
}

describe('app tray', () => {
  it('starts without a count, then shows the tooltip and menu header of each summary', () => {
    const { fake, tray } = trayWith('win32')
    expect(fake.toolTip).toBe('Storewatch')
    tray.show(attentionSummary(2))
    expect(fake.toolTip).toBe('Storewatch — 2 stores need action')
    expect(fake.menu[0]).toEqual({ label: '2 stores need action', enabled: false })
    expect(fake.title).toBeNull()
  })

  it('writes the count beside the icon in the macOS menu bar, and opens the menu (not the window) on click', () => {
    const { fake, tray } = trayWith('darwin')
    tray.show(attentionSummary(4))
    expect(fake.title).toBe('4')
    tray.show(attentionSummary(0))
    expect(fake.title).toBe('')
    expect(fake.clickListeners).toHaveLength(0)
  })

  it('opens the window on a left click on Windows and Linux', () => {
    for (const platform of ['win32', 'linux']) {
      const { fake, actions } = trayWith(platform)
      fake.clickListeners.forEach((listener) => listener())
      expect(actions.open).toHaveBeenCalledOnce()
    }
  })

  it('runs Open, Quit and Check now from the menu, greying Check now until the check is done', async () => {
    let finish = () => {}
    const { fake, actions } = trayWith('linux', () => new Promise<void>((resolve) => (finish = resolve)))
    fake.clickItem('Open Storewatch')
    expect(actions.open).toHaveBeenCalledOnce()
    fake.clickItem('Check now')
    expect(actions.checkNow).toHaveBeenCalledOnce()
    expect(fake.item('Checking…').enabled).toBe(false)
    finish()
    await vi.waitFor(() => expect(fake.item('Check now').enabled).toBe(true))
    fake.clickItem('Quit')
    expect(actions.quit).toHaveBeenCalledOnce()
  })

  it('gives Check now back after a check that throws at once', async () => {
    const { fake } = trayWith('win32', () => {
      throw new Error('Scheduled checks are not built yet')
    })
    expect(() => fake.clickItem('Check now')).not.toThrow()
    await vi.waitFor(() => expect(fake.item('Check now').enabled).toBe(true))
  })

  it('gives Check now back after a failed check', async () => {
    const { fake } = trayWith('win32', async () => {
      throw new Error('database is locked')
    })
    fake.clickItem('Check now')
    await vi.waitFor(() => expect(fake.item('Check now').enabled).toBe(true))
  })

  it('destroys the icon once and ignores updates after', () => {
    const { fake, tray } = trayWith('win32')
    tray.destroy()
    tray.destroy()
    tray.show(attentionSummary(5))
    expect(fake.destroyed).toBe(1)
    expect(fake.toolTip).toBe('Storewatch')
  })
})

describe('badge', () => {
  const image = (file: string) => ({ file }) as unknown as NativeImage

  const overlayWindow = (destroyed = false) => ({ isDestroyed: () => destroyed, setOverlayIcon: vi.fn<OverlayWindow['setOverlayIcon']>() })

  function badgeOn(platform: string, window: OverlayWindow | null = null) {
    const app = { setBadgeCount: vi.fn(() => true) }
    const badge = createBadge({ platform, app, window: () => window, overlayImage: image, logger: silentLogger })
    return { app, badge }
  }

  it('sets the dock / launcher count on macOS and Linux, 0 clearing it', () => {
    for (const platform of ['darwin', 'linux']) {
      const { app, badge } = badgeOn(platform)
      badge.show(attentionSummary(12))
      badge.show(attentionSummary(0))
      expect(app.setBadgeCount.mock.calls).toEqual([[12], [0]])
    }
  })

  it('draws the numbered overlay on the Windows taskbar button, with its description, and clears it at 0', () => {
    const window = overlayWindow()
    const { app, badge } = badgeOn('win32', window)
    badge.show(attentionSummary(3))
    badge.show(attentionSummary(0))
    expect(window.setOverlayIcon.mock.calls).toEqual([
      [{ file: 'badge-3.png' }, '3 stores need action'],
      [null, '']
    ])
    expect(app.setBadgeCount).not.toHaveBeenCalled()
  })

  it('draws the last overlay again when asked (the window was shown again)', () => {
    const window = overlayWindow()
    const { badge } = badgeOn('win32', window)
    badge.reapply()
    expect(window.setOverlayIcon).not.toHaveBeenCalled()
    badge.show(attentionSummary(11))
    badge.reapply()
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith({ file: 'badge-9plus.png' }, '11 stores need action')
    expect(window.setOverlayIcon).toHaveBeenCalledTimes(2)
  })

  it('skips a missing or destroyed window and survives an image that cannot load', () => {
    expect(() => badgeOn('win32', null).badge.show(attentionSummary(1))).not.toThrow()
    const gone = overlayWindow(true)
    badgeOn('win32', gone).badge.show(attentionSummary(1))
    expect(gone.setOverlayIcon).not.toHaveBeenCalled()
    const window = overlayWindow()
    const broken = createBadge({
      platform: 'win32',
      app: { setBadgeCount: () => false },
      window: () => window,
      overlayImage: () => {
        throw new Error('Not a tray icon file')
      },
      logger: silentLogger
    })
    expect(() => broken.show(attentionSummary(2))).not.toThrow()
  })
})

describe('attention refresher', () => {
  it('reads the count and shows the same summary in every view', () => {
    const views = [{ show: vi.fn() }, { show: vi.fn() }]
    const refresh = createAttentionRefresher({ count: () => 4, views, logger: silentLogger })
    expect(refresh().tooltip).toBe('Storewatch — 4 stores need action')
    for (const view of views) expect(view.show).toHaveBeenCalledWith(attentionSummary(4))
  })

  it('shows an unknown count when it cannot be read', () => {
    const view = { show: vi.fn() }
    const logger = { ...silentLogger, warn: vi.fn() }
    const refresh = createAttentionRefresher({
      count: () => {
        throw new Error('database is closed')
      },
      views: [view],
      logger
    })
    expect(refresh().count).toBeNull()
    expect(view.show).toHaveBeenCalledWith(attentionSummary(null))
    expect(logger.warn).toHaveBeenCalledOnce()
  })
})
