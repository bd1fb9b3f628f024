/**
 * Lazada's clock as seen through the `Date` header of its answers. The gateway refuses a
 * `timestamp` more than 7200 s away from its own time, and token lifetimes are relative, so both
 * are computed from this corrected time rather than the local clock (lazada-open-platform.md §12).
 */
import type { Clock } from '../ports'

/** `Date` has whole seconds: the server read its clock somewhere in the second it names. */
const DATE_RESOLUTION_MS = 1000

export class ClockOffset {
  private offset = 0
  private seen = false

  constructor(private readonly clock: Clock) {}

  /** Lazada's time now, in epoch ms. */
  now(): number {
    return this.clock.now() + this.offset
  }

  /** Lazada's clock minus the local clock, in ms. */
  get offsetMs(): number {
    return this.offset
  }

  /** Whether any answer with a usable `Date` header has been seen yet. */
  get measured(): boolean {
    return this.seen
  }

  /**
   * Takes one answer's `Date` header; `sentAt` and `receivedAt` are local (uncorrected) times
   * around the exchange. The offset only moves when the answer contradicts it beyond what the
   * header's resolution and the round trip allow, so a correct clock keeps an offset of 0.
   */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    const stamped = dateHeader === null ? Number.NaN : Date.parse(dateHeader)
    if (Number.isNaN(stamped)) return
    const measured = stamped + DATE_RESOLUTION_MS / 2 - (sentAt + receivedAt) / 2
    const uncertainty = DATE_RESOLUTION_MS / 2 + (receivedAt - sentAt) / 2
    this.seen = true
    if (Math.abs(measured - this.offset) > uncertainty) this.offset = Math.round(measured)
  }
}
