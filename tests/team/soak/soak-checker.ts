/**
 * The team's checker as a participant of the soak (issue #12, point 9): the checker's own core
 * (`openCheckerCore`: the real `createAppCore` with `asksLazadaWhenJoined`), its Lazada access set
 * up as `npm run checker` sets it up (`configureLazada`, the secret in the process's secret store),
 * on its own SQLite replica joined to the team, syncing by hand through a proxy of its own like the
 * laptops. A check asks the mock Lazada about the portfolio the checker has pulled so far; its
 * answers (`lazada_subscriptions`, history lines) are local changes that go out with its next sync.
 *
 * The lease and the checker's own timed loops (team-checker.ts) stay out: the test drives when it
 * checks and syncs, so a seed does the same every run. They have tests of their own in
 * tests/team/checker/.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { AppCore } from '../../../electron/core/app-core'
import type { DatabaseHandle } from '../../../electron/core/db/open-database'
import { silentLogger, systemClock } from '../../../electron/core/ports'
import { readCheckerConfig } from '../../../electron/core/team/checker/checker-config'
import { openCheckerCore } from '../../../electron/core/team/checker/checker-core'
import { configureLazada } from '../../../electron/core/team/checker/lazada-setup'
import { processSecretStore } from '../../../electron/core/team/checker/process-secret-store'
import type { CoveredCountry } from '../../../electron/shared/countries'
import type { MockGateway } from '../../support/mock-lazada/gateway'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { lastClientSeq, openSoakParticipant } from '../../support/team-soak'
import type { SoakParticipant } from '../../support/team-soak'
import { makeTempDir, MIGRATIONS_FOLDER } from '../../support/test-database'
import { checkerArgs } from '../checker/support'
import type { SoakWorld } from './soak-world'

export type SoakChecker = SoakParticipant<AppCore, DatabaseHandle> & {
  /** What its checks did, for a failing seed's message and the test's own checks. */
  checks: { runs: number; asked: number; answered: number; changes: number }
}

const START = Date.parse('2027-01-01T00:00:00Z')
const DAY = 86_400_000

/** The checker on `role`, asking `gateway`; `close()` also removes its data folder. */
export async function openSoakChecker(cluster: PostgresCluster, name: string, role: { user: string; password: string }, gateway: MockGateway): Promise<SoakChecker> {
  const dataDir = makeTempDir('storewatch-soak-checker-')
  const readFile = (file: string): string => fs.readFileSync(file, 'utf8')
  const args = checkerArgs({ cluster, role, gateway, dataDir: path.join(dataDir, 'data'), intervalMs: 60_000, pollMs: 1_000 })
  const config = readCheckerConfig({ argv: args, env: {}, cwd: process.cwd(), readFile })
  const { core, database } = openCheckerCore({
    dataDir: config.dataDir,
    migrationsFolder: MIGRATIONS_FOLDER,
    appVersion: '0.0.0-test',
    clock: systemClock,
    logger: silentLogger,
    secretStore: processSecretStore(),
    lazadaHosts: config.lazadaHosts,
    onBroadcast: () => undefined
  })
  await configureLazada(core, config)
  // Lazada's limit for the app is the integrator's to set; the default 10 calls/s would make a check of the soak's portfolio slow.
  const settings = core.settings.get()
  core.settings.save({ ...settings, integrator: { ...settings.integrator, apiCallsPerSecond: 100 } })
  const participant = await openSoakParticipant(cluster, name, role, { database, core, shareLocal: false })
  const closeParticipant = participant.close
  return Object.assign(participant, {
    checks: { runs: 0, asked: 0, answered: 0, changes: 0 },
    async close() {
      await closeParticipant()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
}

/**
 * Lazada's answers change now and then (a renewal, an expiry, a store Lazada does not know), then
 * the checker checks what it has: every answer it records is acknowledged like a handler's change.
 */
export async function lazadaCheck(world: SoakWorld, checker: SoakChecker, gateway: MockGateway): Promise<void> {
  const stores = checker.database.sqlite.prepare("SELECT country, seller_short_code FROM stores WHERE seller_short_code IS NOT NULL AND seller_short_code <> ''").all() as {
    country: CoveredCountry
    seller_short_code: string
  }[]
  for (const store of stores) {
    const roll = world.random()
    if (roll < 0.3) gateway.setSubscriptions(store.country, store.seller_short_code, [{ status: 1, endTime: START + Math.floor(world.random() * 365) * DAY, itemName: 'Half year' }])
    else if (roll < 0.4) gateway.setSubscriptions(store.country, store.seller_short_code, [{ status: 2, endTime: START - Math.floor(world.random() * 30) * DAY }])
    else if (roll < 0.45) gateway.setSubscriptions(store.country, store.seller_short_code, [])
  }
  const before = lastClientSeq(checker.database)
  const run = await checker.core.monitoring.runNow('interval')
  const after = lastClientSeq(checker.database)
  if (run.remote && run.remote.state !== 'done') throw new Error(`the checker's check did not ask Lazada: ${run.remote.message}`)
  checker.checks.runs++
  checker.checks.asked += run.remote?.asked ?? 0
  checker.checks.answered += run.remote?.answered ?? 0
  checker.checks.changes += after - before
  checker.acknowledged.push({ laptop: checker.name, channel: 'lazada check', clientSeqs: Array.from({ length: after - before }, (_, i) => before + 1 + i) })
}
