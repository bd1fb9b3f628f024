/**
 * Fake timers for renderer tests whose subject is a delay — a debounce, "Copied" for 2 s, a refresh
 * coalesced over a burst: the app's timers fire only when the test moves the clock, so how fast the
 * machine runs cannot change the order of events.
 *
 * Testing Library moves fake timers only when it sees Jest's, so `jest.advanceTimersByTime` is
 * vitest's here: its waits and user-event's pauses between keystrokes move the fake clock instead
 * of waiting on the real one. `renderApp` hands the same clock to user-event. The setup file puts
 * the real timers back after each test.
 */
import { act } from '@testing-library/react'
import { vi } from 'vitest'

type Faked = 'setTimeout' | 'clearTimeout' | 'setInterval' | 'clearInterval' | 'Date'

export function installFakeTimers(options: { date?: number } = {}): void {
  const toFake: Faked[] = ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']
  if (options.date !== undefined) toFake.push('Date')
  vi.useFakeTimers({ toFake })
  if (options.date !== undefined) vi.setSystemTime(options.date)
  ;(globalThis as { jest?: unknown }).jest = { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) }
}

/** Stops the clock the app reads (`Date`) at `instant`; timers stay real. */
export function freezeDate(instant: number): void {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(instant)
}

export function restoreRealTimers(): void {
  delete (globalThis as { jest?: unknown }).jest
  vi.useRealTimers()
}

/**
 * Moves the fake clock by `ms`, running what comes due, and lets React render what that changed
 * (the fake bridge answers in microtasks, which act() drains). vitest's async advance waits on
 * timers act() is waiting on too, so the synchronous one is used.
 */
export async function advanceTimers(ms: number): Promise<void> {
  await act(async () => {
    vi.advanceTimersByTime(ms)
  })
}
