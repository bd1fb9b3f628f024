/**
 * What Mantine, TanStack Virtual and Testing Library need from jsdom, and a clean slate per test.
 */
// The KAM's own time zone in these tests: UTC, so "your time" differs from every store's country time.
process.env.TZ = 'UTC'

import '@testing-library/jest-dom/vitest'
import { cleanNotifications } from '@mantine/notifications'
import { act, cleanup } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'
import { assertNoContractViolations } from './support/fake-bridge'
import { resetAllStores } from './support/reset-stores'

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false
  })
})

class NoopResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = NoopResizeObserver

// Mantine's autosizing Textarea re-measures when web fonts load.
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() }
})

Element.prototype.scrollIntoView = function scrollIntoView() {}
Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number) {
  const top = typeof options === 'number' ? y : options?.top
  if (typeof top === 'number') this.scrollTop = top
} as Element['scrollTo']
window.scrollTo = (() => {}) as typeof window.scrollTo

// jsdom lays nothing out, so every element measures 0×0 and the virtualized table would render no
// rows. Give elements the size of a typical window so it renders a screenful, as in the app.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 720 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1280 })

// Tests that type whole forms take 2–3 s alone; on a two-core build machine running the other
// projects in parallel they need more than vitest's default 5 s.
vi.setConfig({ testTimeout: 15_000 })

beforeEach(() => {
  window.location.hash = '#/'
  resetAllStores()
})

afterEach(() => {
  cleanup()
  act(() => cleanNotifications())
  assertNoContractViolations()
})
