/** Keeps each API under Lazada's per-API calls-per-second cap and bounds how many calls are in flight. */
import type { Clock } from '../ports'
import type { Sleep } from './retry'

/**
 * The bucket refills a little slower than the configured rate: network jitter can bunch calls
 * sent exactly at the limit into one of the gateway's seconds, and one call too many costs a
 * one-second ban for every caller of the API.
 */
export const RATE_HEADROOM = 0.95

/** A token bucket; callers are served in arrival order. */
export class TokenBucket {
  private tokens: number
  private refilledAt: number
  private pausedUntil = 0
  private queue: Promise<void> = Promise.resolve()
  private readonly perMs: number

  constructor(
    callsPerSecond: number,
    private readonly burst: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep
  ) {
    if (!(callsPerSecond > 0) || !(burst >= 1)) throw new RangeError('A rate limit needs more than 0 calls per second and a burst of at least 1.')
    this.perMs = (callsPerSecond * RATE_HEADROOM) / 1000
    this.tokens = burst
    this.refilledAt = clock.now()
  }

  /** Resolves when the caller may send one call. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken())
    this.queue = turn
    return turn
  }

  /** Lazada banned the API for `ms`: nobody calls it before the ban is over. */
  pause(ms: number): void {
    const now = this.clock.now()
    this.refill(now)
    this.tokens = 0
    this.pausedUntil = Math.max(this.pausedUntil, now + ms)
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      const now = this.clock.now()
      this.refill(now)
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now)
      } else if (this.tokens >= 1) {
        this.tokens -= 1
        return
      } else {
        await this.sleep(Math.ceil((1 - this.tokens) / this.perMs))
      }
    }
  }

  private refill(now: number): void {
    // A clock set back must not take tokens away.
    this.tokens = Math.min(this.burst, this.tokens + Math.max(0, now - this.refilledAt) * this.perMs)
    this.refilledAt = now
  }
}

/** At most `limit` holders at once; waiting callers are served in arrival order. */
export class Semaphore {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('A concurrency cap must be at least 1.')
  }

  /** Resolves with the function that gives the slot back (safe to call twice). */
  async acquire(): Promise<() => void> {
    if (this.active < this.limit) this.active++
    // A released slot is handed straight to the next waiter, so `active` stays counted.
    else await new Promise<void>((resolve) => this.waiting.push(resolve))
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }
}
