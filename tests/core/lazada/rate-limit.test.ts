/**
 * The token bucket and concurrency cap per API, alone and against the mock's per-API limit. The
 * client and the mock share a fake clock that only the client's waits move, and the mock counts
 * calls by the time they were signed: how fast a busy machine carries them cannot bunch them up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RATE_HEADROOM, Semaphore, TokenBucket } from '../../../electron/core/lazada/rate-limiter'
import { startMockGateway, type MockGateway } from '../../support/mock-lazada/gateway'
import { clientFor, fakeTime } from './support'

describe('TokenBucket', () => {
  it('spaces calls at the configured rate less the headroom, in arrival order', async () => {
    const time = fakeTime(0)
    const bucket = new TokenBucket(10, 1, time.clock, time.sleep)
    const sentAt: number[] = []
    await Promise.all(Array.from({ length: 5 }, (_, i) => bucket.take().then(() => (sentAt[i] = time.clock.now()))))
    const gap = Math.ceil(1000 / (10 * RATE_HEADROOM))
    expect(sentAt).toEqual([0, gap, 2 * gap, 3 * gap, 4 * gap])
  })

  it('lets a burst through, then the rate', async () => {
    const time = fakeTime(0)
    const bucket = new TokenBucket(10, 3, time.clock, time.sleep)
    for (let i = 0; i < 4; i++) await bucket.take()
    expect(time.sleeps).toHaveLength(1)
  })

  it('waits out a pause (an ApiCallLimit ban)', async () => {
    const time = fakeTime(0)
    const bucket = new TokenBucket(10, 1, time.clock, time.sleep)
    await bucket.take()
    bucket.pause(1000)
    await bucket.take()
    expect(time.clock.now()).toBeGreaterThanOrEqual(1000)
  })

  it('refuses nonsense limits', () => {
    const time = fakeTime(0)
    expect(() => new TokenBucket(0, 1, time.clock, time.sleep)).toThrow(RangeError)
    expect(() => new Semaphore(0)).toThrow(RangeError)
  })
})

describe('Semaphore', () => {
  it('lets `limit` holders in and the next in arrival order as slots come back', async () => {
    const slots = new Semaphore(2)
    const order: string[] = []
    const a = await slots.acquire()
    const b = await slots.acquire()
    const c = slots.acquire().then((release) => (order.push('c'), release))
    const d = slots.acquire().then((release) => (order.push('d'), release))
    await Promise.resolve()
    expect(order).toEqual([])
    a()
    a()
    const releaseC = await c
    expect(order).toEqual(['c'])
    b()
    await d
    expect(order).toEqual(['c', 'd'])
    releaseC()
  })
})

describe('against the mock’s per-API limit', () => {
  let mock: MockGateway
  let time: ReturnType<typeof fakeTime>
  beforeEach(async () => {
    time = fakeTime()
    mock = await startMockGateway({ rateLimitPerSecond: 20, latencyMs: 20, clock: time.clock.now, limitBy: 'timestamp' })
  })
  afterEach(() => mock.close())

  const paced = (options: Parameters<typeof clientFor>[1]) => clientFor(mock, { clock: time.clock, sleep: time.sleep, ...options })
  const calls = (client: ReturnType<typeof clientFor>, count: number) =>
    Promise.allSettled(Array.from({ length: count }, (_, i) => client.subscriptions('SG', { articleCode: mock.articleCode, shortCode: `SG${i}` })))
  const signedAt = (request: MockGateway['requests'][number]) => Number(request.params.timestamp)

  it('at the configured rate (= the limit), no ApiCallLimit', async () => {
    const results = await calls(paced({ callsPerSecond: 20, concurrency: 8 }), 30)
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true)
    expect(mock.stats().apiCallLimit).toBe(0)
    expect(mock.stats().calls).toBe(30)
  })

  it('well above the limit, the mock does ban (so the test above means something)', async () => {
    await calls(paced({ callsPerSecond: 200, concurrency: 8, maxAttempts: 1 }), 30)
    expect(mock.stats().apiCallLimit).toBeGreaterThan(0)
  })

  it('above the limit, banned calls wait out the 1-second ban and get through', async () => {
    mock.setRateLimit('all', 5)
    const results = await calls(paced({ callsPerSecond: 200, concurrency: 8 }), 8)
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true)
    const stats = mock.stats()
    expect(stats.apiCallLimit).toBeGreaterThan(0)
    expect(stats.byAnswer['0']).toBe(8)
    // The first success after a ban came at least a second after the refusal that started it.
    const firstBan = mock.requests.findIndex((r) => r.answer === 'ApiCallLimit')
    const nextOk = mock.requests.findIndex((r, i) => i > firstBan && r.answer === '0')
    expect(signedAt(mock.requests[nextOk]!) - signedAt(mock.requests[firstBan]!)).toBeGreaterThanOrEqual(1000)
  })

  it('keeps each API to its own rate', async () => {
    mock.setRateLimit('all', null)
    mock.addSeller({ country: 'SG', shortCode: 'SG1001' })
    const { accessToken } = mock.grantTokens('SG1001')
    const client = paced({ callsPerSecond: 50, callsPerSecondByApi: { '/seller/get': 2 } })
    for (let i = 0; i < 3; i++) {
      await client.seller('SG', accessToken)
      await client.subscriptions('SG', { articleCode: mock.articleCode, shortCode: 'SG1001' })
    }
    // Only the seller calls waited.
    expect(time.sleeps).toEqual([Math.ceil(1000 / (2 * RATE_HEADROOM)), Math.ceil(1000 / (2 * RATE_HEADROOM))])
  })
})

describe('concurrency cap', () => {
  let mock: MockGateway
  beforeEach(async () => {
    mock = await startMockGateway({ latencyMs: 80 })
    mock.addSeller({ country: 'SG', shortCode: 'SG1001' })
  })
  afterEach(() => mock.close())

  it('never has more calls of one API in flight than the cap', async () => {
    const client = clientFor(mock, { callsPerSecond: 1000, concurrency: 2 })
    await Promise.all(Array.from({ length: 8 }, () => client.subscriptions('SG', { articleCode: mock.articleCode, shortCode: 'SG1001' })))
    expect(mock.stats().maxInFlight['/service/market/subs/query']).toBe(2)
  })

  it('caps each API separately', async () => {
    const { accessToken } = mock.grantTokens('SG1001')
    const client = clientFor(mock, { callsPerSecond: 1000, concurrency: 1 })
    await Promise.all([
      ...Array.from({ length: 3 }, () => client.subscriptions('SG', { articleCode: mock.articleCode, shortCode: 'SG1001' })),
      ...Array.from({ length: 3 }, () => client.seller('SG', accessToken))
    ])
    const stats = mock.stats()
    expect(stats.maxInFlight['/service/market/subs/query']).toBe(1)
    expect(stats.maxInFlight['/seller/get']).toBe(1)
    // Both APIs' first calls overlapped: the cap is per API, not global.
    const [subsFirst, sellerFirst] = ['/service/market/subs/query', '/seller/get'].map((api) => mock.requests.find((r) => r.api === api)!.receivedAt)
    expect(Math.abs(subsFirst! - sellerFirst!)).toBeLessThan(80)
  })
})
