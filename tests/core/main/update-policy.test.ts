import { describe, expect, it } from 'vitest'
import { UPDATE_CHECK_INTERVAL_MS, autoUpdateSupport } from '../../../electron/core/update-policy'

describe('autoUpdateSupport', () => {
  it('runs in packaged builds on macOS, Windows and the Linux AppImage', () => {
    expect(autoUpdateSupport({ isPackaged: true, platform: 'darwin', env: {} })).toEqual({ enabled: true })
    expect(autoUpdateSupport({ isPackaged: true, platform: 'win32', env: {} })).toEqual({ enabled: true })
    expect(autoUpdateSupport({ isPackaged: true, platform: 'linux', env: { APPIMAGE: '/opt/Storewatch.AppImage' } })).toEqual({ enabled: true })
  })

  it.each([
    ['development', { isPackaged: false, platform: 'darwin', env: {} }],
    ['STOREWATCH_DISABLE_UPDATES=1', { isPackaged: true, platform: 'darwin', env: { STOREWATCH_DISABLE_UPDATES: '1' } }],
    ['STOREWATCH_DISABLE_UPDATES=true', { isPackaged: true, platform: 'win32', env: { STOREWATCH_DISABLE_UPDATES: 'true' } }],
    ['Linux outside an AppImage', { isPackaged: true, platform: 'linux', env: {} }]
  ])('is off in %s, with a reason for the log', (_what, options) => {
    const support = autoUpdateSupport(options)
    expect(support.enabled).toBe(false)
    expect(support.enabled === false && support.reason.length).toBeGreaterThan(0)
  })

  it('treats STOREWATCH_DISABLE_UPDATES=0 or false as not set', () => {
    expect(autoUpdateSupport({ isPackaged: true, platform: 'darwin', env: { STOREWATCH_DISABLE_UPDATES: '0' } }).enabled).toBe(true)
    expect(autoUpdateSupport({ isPackaged: true, platform: 'darwin', env: { STOREWATCH_DISABLE_UPDATES: 'false' } }).enabled).toBe(true)
  })

  it('checks every six hours', () => {
    expect(UPDATE_CHECK_INTERVAL_MS).toBe(6 * 60 * 60 * 1000)
  })
})
