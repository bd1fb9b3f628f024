/**
 * A long check shows itself and can be cancelled (issue #10, point 5), in Chromium against the
 * real core and the mock Lazada gateway over HTTP. 300 stores; the gateway answers the first 120
 * subscription queries and holds the rest until the test lets them go (a gate, not a sleep). The
 * header shows stores asked of N with the rate and time left; the KAM opens the portfolio
 * meanwhile, then cancels: the answers received are kept, the run says how far it got.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { lazadaHostsOptionValue } from '../../electron/core/lazada-hosts/start-up-option'
import { REMOTE_CONCURRENCY } from '../../electron/core/lazada-sync/remote-check'
import { COVERED_COUNTRIES } from '../../electron/shared/countries'
import { startMockGateway } from '../support/mock-lazada/gateway'
import type { GatewayGate, MockGateway } from '../support/mock-lazada/gateway'
import { storeInput } from '../support/store-input'
import { startApp } from './app-fixture'

const DAY = 24 * 60 * 60 * 1000
const STORES = 300
const ANSWERED_BEFORE_GATE = 120

const gateways: MockGateway[] = []
const gates: GatewayGate[] = []
afterEach(async () => {
  for (const gate of gates.splice(0)) gate.release()
  for (const gateway of gateways.splice(0)) await gateway.close()
})

describe('a long check in the browser', () => {
  it('shows stores asked of N, calls per second and time left, stays usable, and cancels keeping what was answered', async () => {
    const gateway = await startMockGateway()
    gateways.push(gateway)
    const { page, host } = await startApp({ lazadaHosts: lazadaHostsOptionValue(gateway.hosts) })
    const { core } = host
    const current = core.settings.get()
    core.settings.save({ ...current, integrator: { ...current.integrator!, appKey: gateway.appKey, articleCode: gateway.articleCode, apiCallsPerSecond: 100 } })
    const saved = await core.credentials.saveSecret({ secret: gateway.appSecret, allowUnprotected: true })
    expect(saved.status).toBe('saved')
    const endTime = Date.now() + 120 * DAY
    for (let i = 0; i < STORES; i++) {
      const country = COVERED_COUNTRIES[i % COVERED_COUNTRIES.length]!
      const shortCode = `${country}P${i.toString().padStart(5, '0')}`
      core.stores.create(storeInput({ clientName: `Client ${i}`, storeName: `Store ${i}`, country, sellerShortCode: shortCode }))
      gateway.setSubscriptions(country, shortCode, [{ status: 1, endTime }])
    }
    const gate = gateway.holdAfter('/service/market/subs/query', ANSWERED_BEFORE_GATE)
    gates.push(gate)

    await page.goto(`${host.url}#/`)
    await page.getByRole('button', { name: 'Check now' }).click()
    const progress = page.getByTestId('check-progress')
    await progress.waitFor()
    await expect.poll(() => gate.held(), { timeout: 30_000 }).toBeGreaterThan(0)
    const text = page.getByTestId('task-progress-text')
    await page.getByText(`${ANSWERED_BEFORE_GATE} of ${STORES} stores asked`, { exact: false }).waitFor()
    expect(await text.textContent()).toMatch(new RegExp(`^${ANSWERED_BEFORE_GATE} of ${STORES} stores asked · [\\d.]+ calls/s · (\\d+ s|about \\d+ min) left$`))

    // The app stays usable: the portfolio opens and lists the stores while Lazada is asked.
    await page.getByRole('link', { name: 'Portfolio' }).click()
    await page.getByText('Store 0', { exact: true }).first().waitFor()
    await progress.waitFor()

    await page.getByRole('button', { name: 'Cancel check' }).click()
    await page.getByRole('button', { name: 'Cancel check' }).waitFor({ state: 'detached' })
    gate.release()
    await page.getByRole('button', { name: 'Check now' }).waitFor()
    await page.getByText('Check cancelled').waitFor()

    // The calls under way when the KAM cancelled are answered; none is started after.
    const [run] = core.monitoring.recentRuns(1)
    const asked = run!.remote!.asked
    expect(asked).toBeGreaterThan(ANSWERED_BEFORE_GATE)
    expect(asked).toBeLessThanOrEqual(ANSWERED_BEFORE_GATE + REMOTE_CONCURRENCY)
    expect(run).toMatchObject({ cancelled: true, remote: { state: 'cancelled', answered: asked, inScope: STORES } })
    expect(gateway.stats().byApi['/service/market/subs/query']).toBe(asked)
    const kept = host.database.sqlite.prepare("SELECT count(*) FROM lazada_subscriptions WHERE state = 'valid'").pluck().get()
    expect(kept).toBe(asked)
    // The header's details say how far it got.
    await page.getByTestId('last-checked').hover()
    await page.getByText(`Cancelled after asking Lazada about ${asked} of ${STORES} stores`, { exact: false }).first().waitFor()
  })
})
