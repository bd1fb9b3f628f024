/**
 * How long a "Check now" of 2,000 stores against the mock Lazada gateway holds main's thread
 * (issue #10): the longest block while Lazada is asked and its answers are recorded in batches,
 * and while the stores are judged afterwards (one transaction). Through the app's own path: the
 * real client, the mock in Lazada's place by the start-up option, 100 calls per second allowed.
 * Run alone with `npx tsx tests/bench/check-2k-block.ts`; `npm run bench` includes it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { DatabaseHandle } from '../../electron/core/db/open-database'
import type { Broadcast } from '../../electron/core/ports'
import { COVERED_COUNTRIES } from '../../electron/shared/countries'
import type { TaskProgress } from '../../electron/shared/task-progress'
import { startMockGateway } from '../support/mock-lazada/gateway'
import { storeInput } from '../support/store-input'
import { FakeSecretStore, lazadaHostsFlag } from '../support/test-core'
import { openBenchCore } from './bench-core'
import { startMainThreadProbe } from './main-thread-probe'

const STORES = 2000
const CALLS_PER_SECOND = 100
const LATENCY_MS = 20
const DAY_MS = 24 * 60 * 60 * 1000

export interface Check2kFigures {
  check2kMs: number
  /** The longest block main itself caused while Lazada was asked and answers were recorded. */
  check2kAskingMaxBlockMs: number
  /** The same while the stores were judged (after the last answer). */
  check2kJudgingMaxBlockMs: number
  /** Late ticks on main whatever the cause (a busy machine included), for context. */
  check2kAskingMainProbeMaxMs: number
  check2kJudgingMainProbeMaxMs: number
}

export async function benchCheck2kBlock(): Promise<Check2kFigures> {
  const mock = await startMockGateway({ latencyMs: LATENCY_MS, rateLimitPerSecond: null })
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storewatch-bench-check2k-'))
  let database: DatabaseHandle | null = null
  try {
    let judgingFrom = Number.POSITIVE_INFINITY
    // The check's phases say when the asking ended and the judging began.
    const broadcast: Broadcast = (event, payload) => {
      const progress = payload as TaskProgress
      if (event === 'tasks:progress' && progress.label === 'Judging the stores') judgingFrom = performance.timeOrigin + performance.now()
    }
    const opened = openBenchCore(dir, { secretStore: new FakeSecretStore(), lazadaHosts: lazadaHostsFlag(mock.hosts), broadcast })
    database = opened.database
    const { core } = opened
    const current = core.settings.get()
    core.settings.save({ ...current, integrator: { ...current.integrator, appKey: mock.appKey, articleCode: mock.articleCode, apiCallsPerSecond: CALLS_PER_SECOND } })
    const saved = await core.credentials.saveSecret({ secret: mock.appSecret, allowUnprotected: false })
    if (saved.status !== 'saved') throw new Error(`The keyring did not keep the app secret: ${saved.status}`)
    const endTime = Date.now() + 90 * DAY_MS
    for (let i = 0; i < STORES; i++) {
      const country = COVERED_COUNTRIES[i % COVERED_COUNTRIES.length]!
      const shortCode = `${country}${(20_000 + i).toString(36).toUpperCase()}`
      core.stores.create(storeInput({ clientName: `Client ${i}`, storeName: `Store ${i}`, country, sellerShortCode: shortCode }))
      mock.setSubscriptions(country, shortCode, [{ status: 1, endTime: endTime + (i % 200) * DAY_MS }])
    }
    const probe = await startMainThreadProbe()
    const started = performance.now()
    const run = await core.monitoring.runNow('manual')
    const check2kMs = Math.round(performance.now() - started)
    // The judging ends in the same macrotask as the run: let the probe tick once more to see it.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const figures = await probe.stop()
    if (run.remote?.answered !== STORES) throw new Error(`Lazada answered for ${run.remote?.answered ?? 0} of ${STORES} stores: ${run.remote?.message ?? ''}`)
    // A late tick ending after the judging began is the judging's (it runs in one stretch).
    const asking = figures.stalls.filter((s) => s.end < judgingFrom)
    const judging = figures.stalls.filter((s) => s.end >= judgingFrom)
    const max = (list: typeof figures.stalls, of: (s: (typeof list)[number]) => number) => Math.round(Math.max(0, ...list.map(of)))
    const own = (s: (typeof figures.stalls)[number]) => s.ownMs
    const whole = (s: (typeof figures.stalls)[number]) => s.end - s.start
    return {
      check2kMs,
      check2kAskingMaxBlockMs: max(asking, own),
      check2kJudgingMaxBlockMs: max(judging, own),
      check2kAskingMainProbeMaxMs: max(asking, whole),
      check2kJudgingMainProbeMaxMs: max(judging, whole)
    }
  } finally {
    await mock.close()
    database?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchCheck2kBlock()
    .then((figures) => console.log(JSON.stringify({ machine: `${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`, ...figures }, null, 2)))
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
