/**
 * The review after a check asked Lazada: stores Lazada says are subscribed whose authorization is
 * not confirmed here, confirmed for many at once ("authorized as of <date>").
 */
import { z } from 'zod'

export interface ReviewStore {
  id: number
  clientName: string
  storeName: string
  country: string
  /** Lazada's End Time for the subscription, and when it said so. */
  lazadaEndAt: number | null
  checkedAt: number | null
  /** Why the status asks for an authorization. */
  reason: string
}

export interface AuthorizationReview {
  stores: ReviewStore[]
}

const instant = z.number().int().min(0).max(8_640_000_000_000)

export const confirmAuthorizationsSchema = z.strictObject({
  storeIds: z.array(z.number().int().positive()).min(1).max(100_000),
  /** "Authorized as of": when the sellers authorized. */
  authorizedAt: instant,
  /** The stores were also reconnected in the OMS then (they already sync). */
  reconnected: z.boolean().default(false)
})

export interface AuthorizationsConfirmed {
  confirmed: number
  /** Stores left out: no longer waiting for an authorization (or deleted) since the list was shown. */
  skipped: number
}
