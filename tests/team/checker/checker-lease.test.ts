/**
 * The team's checker and its lease over a real PostgreSQL (issue #12, point 7): two checkers on one
 * team, exactly one (the lease holder) calls Lazada; a laptop without the secret pulls and shows
 * Lazada's answers; the holder killed with kill -9 lets the standby take over.
 */
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { REMOTE_CONCURRENCY } from '../../../electron/core/lazada-sync/remote-check'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import type { Child } from '../../support/child-process'
import type { MockGateway } from '../../support/mock-lazada/gateway'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import { makeTempDir } from '../../support/test-database'
import { APP_SECRET, WAIT, answersOn, laptopWithStores, mockLazada, queries, spawnChecker, startInProcessChecker } from './support'
import type { InProcessChecker, TeamLaptop } from './support'

const STORES = 4

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function gateway(): Promise<MockGateway> {
  const mock = await mockLazada()
  cleanups.push(() => mock.close())
  return mock
}

async function laptop(name: string, team: string, gateways: MockGateway[], stores = STORES): Promise<TeamLaptop> {
  const opened = await laptopWithStores(cluster, name, team, stores, gateways)
  cleanups.push(async () => {
    await opened.loop.stop()
    opened.database.close()
  })
  return opened
}

describe('the team’s checker and its lease', () => {
  it('two checkers on one team: only the lease holder calls Lazada, and a laptop without the secret shows its answers', async () => {
    const [gatewayA, gatewayB] = [await gateway(), await gateway()]
    const kam = await laptop('kam_lease_a', 'Lease A', [gatewayA, gatewayB])
    const role = await addPerson(cluster, 'checker_lease_a', 'Lease A')
    const timing = { intervalMs: 1_500, pollMs: 150 }
    const checkers: InProcessChecker[] = []
    for (const mock of [gatewayA, gatewayB]) {
      const started = await startInProcessChecker({ cluster, role, gateway: mock, dataDir: makeTempDir('storewatch-checker-'), ...timing })
      checkers.push(started)
      cleanups.push(() => started.stop())
    }

    // The laptop shows Lazada's answers, pulled from the team, through the store page and the overview.
    await expect.poll(() => answersOn(kam), WAIT).toEqual(kam.ends)
    const overview = await kam.core.handlers['lazada:overview'](undefined, { emit: () => undefined })
    expect(overview.items.map((item) => item.lazadaEndAt ?? 0).sort((a, b) => a - b)).toEqual(kam.ends)
    expect(overview.remoteChecksOff).not.toBeNull()

    // Several intervals on, still only one checker holds the lease and only its gateway was called.
    const holders = () => checkers.map((c) => c.checker.holdsLease())
    expect(holders().filter(Boolean)).toHaveLength(1)
    const holder = holders().indexOf(true)
    const [holding, standby] = holder === 0 ? [gatewayA, gatewayB] : [gatewayB, gatewayA]
    await expect.poll(() => queries(holding), WAIT).toBeGreaterThanOrEqual(3 * STORES)
    expect(queries(standby)).toBe(0)
    expect(holders().filter(Boolean)).toHaveLength(1)
    expect(checkers[1 - holder]!.log.join('\n')).toContain('standby: another checker holds the team’s lease')
    for (const { log } of checkers) expect(log.join('\n')).not.toContain(APP_SECRET)
  }, 120_000)

  it('the lease holder killed with kill -9: the standby takes the lease and checks for the team', async () => {
    const [gatewayA, gatewayB] = [await gateway(), await gateway()]
    const kam = await laptop('kam_lease_b', 'Lease B', [gatewayA, gatewayB])
    const role = await addPerson(cluster, 'checker_lease_b', 'Lease B')
    const timing = { intervalMs: 3_000, pollMs: 300 }
    const root = makeTempDir('storewatch-checkers-')
    const first = spawnChecker({ cluster, role, gateway: gatewayA, dataDir: path.join(root, 'a'), ...timing })
    const children: Child[] = [first]
    cleanups.push(() => children.forEach((child) => child.kill('SIGKILL')))
    await first.line(/holds the team’s lease/)
    const second = spawnChecker({ cluster, role, gateway: gatewayB, dataDir: path.join(root, 'b'), ...timing })
    children.push(second)
    await second.line(/standby: another checker holds the team’s lease/)
    await expect.poll(() => answersOn(kam), WAIT).toEqual(kam.ends)
    expect(queries(gatewayB)).toBe(0)

    first.kill('SIGKILL')
    expect(await first.exited).toMatchObject({ signal: 'SIGKILL' })
    // Postgres ends the dead session and its lock with it; the standby's next poll takes the lease.
    await second.line(/holds the team’s lease/)
    await expect.poll(() => queries(gatewayB), WAIT).toBeGreaterThanOrEqual(STORES)
    await second.line(/check finished/)
    expect([...first.lines, ...second.lines].join('\n')).not.toContain(APP_SECRET)
  }, 180_000)

  it('a holder whose lease connection is cut stops checking at once: its running check is cancelled, no call starts after it', async () => {
    const mock = await gateway()
    await laptop('kam_lease_c', 'Lease C', [mock], 3 * REMOTE_CONCURRENCY)
    const role = await addPerson(cluster, 'checker_lease_c', 'Lease C')
    const gate = mock.holdAfter('/service/market/subs/query', 1)
    // An interval far beyond the test: the only check is the first one.
    const started = await startInProcessChecker({ cluster, role, gateway: mock, dataDir: makeTempDir('storewatch-checker-'), intervalMs: 600_000, pollMs: 200 })
    cleanups.push(() => started.stop())
    await expect.poll(() => gate.held(), WAIT).toBeGreaterThan(0)

    await withSuperuser(cluster, (client) =>
      client.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()")
    )
    await expect.poll(() => started.log.join('\n'), WAIT).toContain('lost the team’s lease: it stops checking')
    gate.release()
    await expect.poll(() => started.log.find((line) => line.includes('check finished')), WAIT).toMatch(/cancelled=true/)
    // Only the calls in flight at the cut finished: most stores were never asked.
    const asked = new Set(mock.requests.filter((request) => request.api === '/service/market/subs/query').map((request) => request.params.shortCode))
    expect(asked.size).toBeLessThanOrEqual(1 + REMOTE_CONCURRENCY)
    expect(started.log.filter((line) => line.includes('check finished'))).toHaveLength(1)
  }, 120_000)

  it('a checker whose role is in no team says why and exits with code 1', async () => {
    const mock = await gateway()
    await withSuperuser(cluster, (client) => client.query("CREATE ROLE checker_stranger LOGIN PASSWORD 'checker_stranger-pw'"))
    const role = { user: 'checker_stranger', password: 'checker_stranger-pw' }
    const child = spawnChecker({ cluster, role, gateway: mock, dataDir: makeTempDir('storewatch-checker-'), intervalMs: 3_000, pollMs: 300 })
    cleanups.push(() => child.kill('SIGKILL'))
    expect(await child.exited).toEqual({ code: 1, signal: null })
    expect(child.lines.join('\n')).toMatch(/the team refused the checker reason=.*not a member|the team refused the checker reason=.*no team/i)
    expect(queries(mock)).toBe(0)
  }, 120_000)
})
