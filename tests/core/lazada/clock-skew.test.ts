/**
 * Clock skew. Design: every answer's `Date` header measures Lazada's clock; `timestamp` and token
 * lifetimes use it. A call refused while its timestamp was ~2 h or more off is sent again at once
 * with the corrected time (the caller only sees the success); the single-use code exchange is
 * never sent twice, so when no answer has been seen yet it first reads the `Date` of an unsigned
 * GET of the authorization host.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ClockOffset } from '../../../electron/core/lazada/clock-offset'
import { startMockGateway, type MockGateway } from '../../support/mock-lazada/gateway'
import { clientFor, recordingLogger, rejection } from './support'

const HOUR = 3_600_000
const DAY = 24 * HOUR

let mock: MockGateway
beforeEach(async () => {
  mock = await startMockGateway({ clockOffsetMs: 3 * HOUR })
  mock.addSeller({ country: 'SG', shortCode: 'SG1001' })
})
afterEach(() => mock.close())

const query = () => ({ articleCode: mock.articleCode, shortCode: 'SG1001' })

describe('a local clock 3 h behind Lazada', () => {
  it('the first call is refused, read from the Date header, sent again corrected and succeeds; later calls go right first time', async () => {
    const logger = recordingLogger()
    const client = clientFor(mock, { logger })
    await client.subscriptions('SG', query())
    expect(mock.requests.map((r) => r.answer)).toEqual(['IncompleteSignature', '0'])
    expect(Math.abs(client.clockOffsetMs - 3 * HOUR)).toBeLessThan(2000)
    expect(Math.abs(Number(mock.requests[1]!.params.timestamp) - mock.requests[1]!.receivedAt)).toBeLessThan(2000)
    await client.subscriptions('SG', query())
    expect(mock.requests.map((r) => r.answer)).toEqual(['IncompleteSignature', '0', '0'])
    expect(logger.lines.map((l) => l.message)).toContain('Lazada refused a timestamp; sending again with its clock')
  })

  it('does not depend on the code Lazada uses for the refusal', async () => {
    mock.skewErrorCode = 'InvalidTimestamp'
    await clientFor(mock).subscriptions('SG', query())
    expect(mock.requests.map((r) => r.answer)).toEqual(['InvalidTimestamp', '0'])
  })

  it('works the same with the local clock ahead', async () => {
    mock.clockOffsetMs = -3 * HOUR
    const client = clientFor(mock)
    await client.subscriptions('SG', query())
    expect(mock.requests.map((r) => r.answer)).toEqual(['IncompleteSignature', '0'])
    expect(Math.abs(client.clockOffsetMs + 3 * HOUR)).toBeLessThan(2000)
  })

  it('sends the code only once: the authorization host’s Date is read first', async () => {
    const client = clientFor(mock)
    const grant = await client.createToken(mock.issueCode('SG1001'))
    expect(mock.requests.map((r) => [r.api, r.answer])).toEqual([['/auth/token/create', '0']])
    // Lifetimes count from Lazada's time of the answer, not the local clock's.
    expect(Math.abs(grant.accessExpiresAt - (mock.now() + 30 * DAY))).toBeLessThan(2000)
    expect(Math.abs(grant.refreshExpiresAt! - (mock.now() + 180 * DAY))).toBeLessThan(2000)
  })

  it('a wrong secret is still refused after the corrected second try, and the sentence mentions the clock', async () => {
    const error = await rejection(clientFor(mock, { appSecret: 'wrong' }).subscriptions('SG', query()))
    expect(mock.requests.map((r) => r.answer)).toEqual(['IncompleteSignature', 'IncompleteSignature'])
    expect(error.kind).toBe('incomplete-signature')
    expect(error.message).toContain("This computer's clock is 3 h 0 min behind Lazada's.")
  })
})

describe('small skews', () => {
  it('10 minutes off: accepted, and corrected from the first answer on', async () => {
    mock.clockOffsetMs = 10 * 60_000
    const client = clientFor(mock)
    await client.subscriptions('SG', query())
    await client.subscriptions('SG', query())
    expect(mock.requests.map((r) => r.answer)).toEqual(['0', '0'])
    const [first, second] = mock.requests.map((r) => Math.abs(Number(r.params.timestamp) - r.receivedAt))
    expect(first).toBeGreaterThan(9 * 60_000)
    expect(second).toBeLessThan(2000)
  })

  it('a correct clock keeps an offset of 0', async () => {
    mock.clockOffsetMs = 0
    const client = clientFor(mock)
    for (let i = 0; i < 3; i++) await client.subscriptions('SG', query())
    expect(client.clockOffsetMs).toBe(0)
  })
})

describe('ClockOffset', () => {
  const local = { now: () => Date.parse('2026-11-27T10:00:00.400Z') }

  it('ignores what the Date header’s whole seconds and the round trip cannot tell apart', () => {
    const offset = new ClockOffset(local)
    // The server read 10:00:00.000–.999 while the local clock went from .350 to .400, or .900 to .950.
    offset.observe('Fri, 27 Nov 2026 10:00:00 GMT', local.now() - 50, local.now())
    offset.observe('Fri, 27 Nov 2026 10:00:00 GMT', local.now() + 500, local.now() + 550)
    expect(offset.offsetMs).toBe(0)
    expect(offset.measured).toBe(true)
  })

  it('adopts a measurement beyond that, and Lazada’s time follows', () => {
    const offset = new ClockOffset(local)
    offset.observe('Fri, 27 Nov 2026 13:00:00 GMT', local.now() - 100, local.now() - 100)
    expect(offset.offsetMs).toBe(3 * HOUR + 200)
    expect(offset.now()).toBe(local.now() + 3 * HOUR + 200)
  })

  it('skips a missing or unreadable header', () => {
    const offset = new ClockOffset(local)
    offset.observe(null, 0, 0)
    offset.observe('yesterday-ish', 0, 0)
    expect(offset.measured).toBe(false)
    expect(offset.now()).toBe(local.now())
  })
})
