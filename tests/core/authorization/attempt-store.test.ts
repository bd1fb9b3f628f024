/** The attempts table on its own: an outcome once recorded is never overwritten, and capture sees each attempt's record. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAttemptStore } from '../../../electron/core/authorization/attempt-store'
import type { AttemptStore } from '../../../electron/core/authorization/attempt-store'
import { refusalOutcome, windowTitle } from '../../../electron/core/authorization/window-attempts'
import { DEFAULT_INTEGRATOR_PROFILE } from '../../../electron/shared/integrator'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { FakeClock, openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'
import { MINUTE } from '../checklists/support'

const TARGET = { endpoint: 'https://auth.lazada.com/oauth/authorize', clientId: '100132', redirectUri: 'https://oms.example.com/cb' }

describe('the attempt store', () => {
  let database: TestDatabase
  let core: TestCore
  let attempts: AttemptStore
  let storeId: number
  beforeEach(() => {
    database = openTestDatabase()
    core = createTestCore(database, { clock: new FakeClock(Date.parse('2026-06-01T04:00:00Z')) })
    attempts = createAttemptStore({ database, clock: core.clock, actor: { name: () => 'aisha' }, history: core.history, newState: () => 'AAAAAAAAAAAAAAAAAAAAAA' })
    storeId = core.stores.create(storeInput({ sellerShortCode: 'SG10000001' })).id
  })
  afterEach(() => database.close())

  it('creates a pending attempt whose URL carries the state, and keeps only its hash', () => {
    const { row, url } = attempts.create(storeId, 'window', TARGET)
    expect(row).toMatchObject({ storeId, mode: 'window', outcome: 'pending', expiresAt: core.clock.now() + 30 * MINUTE, usedAt: null })
    expect(new URL(url).searchParams.get('state')).toBe('AAAAAAAAAAAAAAAAAAAAAA')
    expect(row.stateHash).not.toContain('AAAA')
  })

  it('settles a pending attempt once: a later outcome never overwrites it', () => {
    const { row } = attempts.create(storeId, 'window', TARGET)
    expect(attempts.settle(row.id, 'refused', 'first')).toBe(true)
    expect(attempts.settle(row.id, 'abandoned', 'second')).toBe(false)
    expect(attempts.settle(row.id, 'expired', 'third')).toBe(false)
    expect(attempts.row(row.id)).toMatchObject({ outcome: 'refused', outcomeReason: 'first', usedAt: core.clock.now() })
  })

  it('marks stale attempts expired without spending their state, and capture sees the record', () => {
    const { row } = attempts.create(storeId, 'link', TARGET)
    core.clock.advance(30 * MINUTE)
    attempts.expireStale(storeId)
    expect(attempts.row(row.id)).toMatchObject({ outcome: 'expired', usedAt: null })
    core.clock.advance(-5 * MINUTE)
    expect(attempts.known()).toEqual([expect.objectContaining({ id: row.id, outcome: 'expired', used: false })])
  })
})

describe('how a window reports a refusal', () => {
  const refused = (reason: 'lazada-error' | 'expired-state' | 'outside-callback-path', lazadaError: string | null = null, attemptId: number | null = 1) =>
    ({ kind: 'refused', reason, attemptId, lazadaError, carriesCode: true, message: 'why' }) as const

  it.each([
    ['the seller’s Cancel (access_denied)', refused('lazada-error', 'access_denied'), { outcome: 'abandoned', cause: 'seller-declined' }],
    ['another error from Lazada', refused('lazada-error', 'server_error'), { outcome: 'refused', cause: 'seller-declined' }],
    ['its own attempt expired', refused('expired-state'), { outcome: 'expired', cause: 'expired' }],
    ['another attempt’s state expired', refused('expired-state', null, 2), { outcome: 'refused', cause: 'refused' }],
    ['a code headed elsewhere on the callback’s site', refused('outside-callback-path', null, null), { outcome: 'refused', cause: 'refused', message: 'why' }]
  ])('%s', (_, result, expected) => {
    expect(refusalOutcome(result, 1)).toMatchObject(expected)
  })

  it('names a replaced authorization page in the window’s title', () => {
    const request = { store: { id: 1, storeName: 'Acme', country: 'SG' }, integrator: DEFAULT_INTEGRATOR_PROFILE }
    expect(windowTitle(request, 'https://auth.lazada.com/oauth/authorize')).toBe('Authorize Anchanto OM — Acme (SG)')
    expect(windowTitle(request, 'https://auth.lazada.com.evil.test/oauth/authorize')).toBe('Authorize Anchanto OM — Acme (SG) · via https://auth.lazada.com.evil.test, not Lazada’s own page')
  })
})
