/**
 * What Mantine, TanStack Virtual and Testing Library need from jsdom, and a clean slate per test.
 */
// The KAM's own time zone in these tests: UTC, so "your time" differs from every store's country time.
process.env.TZ = 'UTC'

import '@testing-library/jest-dom/vitest'
import { cleanNotifications, notifications } from '@mantine/notifications'
import { act, cleanup, configure } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'
import { assertNoContractViolations } from './support/fake-bridge'
import { installFastLabels } from './support/fast-labels'
import { restoreRealTimers } from './support/fake-timers'
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

installFastLabels()

// Toasts close themselves after 6–15 s of real time. A test on a busy machine can take longer than
// that between the action and its look, so here they stay until the test ends (cleanNotifications).
const showToast = notifications.show
const updateToast = notifications.update
Object.assign(notifications, {
  show: (data: Parameters<typeof showToast>[0]) => showToast({ ...data, autoClose: false }),
  update: (data: Parameters<typeof updateToast>[0]) => updateToast({ ...data, autoClose: false })
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

// A wait (findBy…, waitFor) ends as soon as what it waits for is on screen; its bound only says how
// long a broken test hangs. Testing Library's 1 s let the machine's speed decide the outcome: a busy
// two-core machine can take longer than that to render the settings page once. Races with the app's
// own timers are another matter: those tests run on fake timers (support/fake-timers.ts).
configure({ asyncUtilTimeout: 20_000 })

// The heaviest tests (a whole settings page, typed into) take about 3 s on an idle two-core machine,
// 5–8 times that when the other projects share it, and once 62 s at a load average of 24; a test's
// bound only catches a hang, as in the browser tests. How fast the renderer is belongs to the benchmarks.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 })

beforeEach(() => {
  window.location.hash = '#/'
  resetAllStores()
})

afterEach(() => {
  cleanup()
  act(() => cleanNotifications())
  restoreRealTimers()
  assertNoContractViolations()
})
