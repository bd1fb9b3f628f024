import { describe, expect, it } from 'vitest'
import { PORTFOLIO_PATH, entryUrlAt, notificationPath } from '../../../electron/core/navigation/notification-path'

describe('notificationPath', () => {
  it('opens the store of a single-store notification', () => {
    expect(notificationPath({ kind: 'store', storeId: 42 })).toBe('/stores/42')
  })

  it('opens the portfolio narrowed to a digest’s stores, in order, without repeats', () => {
    expect(notificationPath({ kind: 'stores', storeIds: [12, 3, 40, 3] })).toBe('/portfolio?ids=12,3,40')
  })

  it('keeps a one-store digest a list, as the core sent it', () => {
    expect(notificationPath({ kind: 'stores', storeIds: [5] })).toBe('/portfolio?ids=5')
  })

  it('drops anything that is not a store id, falling back to the whole portfolio', () => {
    expect(notificationPath({ kind: 'stores', storeIds: [0, -1, 1.5, Number.NaN, 8] })).toBe('/portfolio?ids=8')
    expect(notificationPath({ kind: 'stores', storeIds: [] })).toBe(PORTFOLIO_PATH)
    expect(notificationPath({ kind: 'store', storeId: 0 })).toBe(PORTFOLIO_PATH)
  })
})

describe('entryUrlAt', () => {
  it('opens a new window directly on a hash route', () => {
    expect(entryUrlAt('app://storewatch/index.html', '/stores/42')).toBe('app://storewatch/index.html#/stores/42')
    expect(entryUrlAt('http://localhost:5173/', '/portfolio?ids=1,2')).toBe('http://localhost:5173/#/portfolio?ids=1,2')
  })

  it('replaces a hash already there, and ignores no or odd paths', () => {
    expect(entryUrlAt('app://storewatch/index.html#/old', '/stores/1')).toBe('app://storewatch/index.html#/stores/1')
    expect(entryUrlAt('app://storewatch/index.html', null)).toBe('app://storewatch/index.html')
    expect(entryUrlAt('app://storewatch/index.html', 'https://evil.example')).toBe('app://storewatch/index.html')
  })
})
