/**
 * The team's checker (issue #12, point 7): the app's core on its own replica, joined to the team,
 * asking Lazada about the team's portfolio on the schedule while it holds the team's lease. Its
 * answers (`lazada_subscriptions`, the history lines of a disagreement) are ordinary local
 * changes: the sync loop pushes them, and every laptop pulls them.
 *
 * - Only the lease holder calls Lazada. Losing the lease cancels the running check at once (no
 *   call starts after it; the few in flight finish and are kept).
 * - A check waits for the first pull, so it never asks about a portfolio it has not received yet.
 * - The schedule is the team's: a new holder checks one interval after the team's last answer,
 *   so a takeover neither skips a check nor repeats one, and never waits more than one interval.
 */
import pg from 'pg'
import type { AppCore } from '../../app-core'
import type { DatabaseHandle } from '../../db/open-database'
import type { Clock, Logger } from '../../ports'
import type { TeamState } from '../../../shared/team-state'
import { connectClient, connectTeam } from '../pg-team-connection'
import { teamReplicaPort } from '../replica-port'
import { LOOP_ONLY_CHANNEL, createTeamReplica } from '../replica/replica'
import { teamConnectionOptions } from '../server/connection-options'
import { createSyncLoop, realLater } from '../sync-loop'
import type { Later } from '../sync-loop'
import type { CheckerConfig } from './checker-config'
import { createCheckerLease } from './checker-lease'
import { configureLazada } from './lazada-setup'

export interface TeamCheckerDeps {
  config: CheckerConfig
  core: AppCore
  database: DatabaseHandle
  clock: Clock
  logger: Logger
  readFile: (path: string) => string
  later?: Later
}

/** How the checker ended, when it ends by itself. */
export type CheckerEnd = { kind: 'refused'; reason: string }

/** The floor of the lease's timeout: a busy host's pause is not a lost lease. */
const MIN_LEASE_TIMEOUT_MS = 10_000

export function createTeamChecker(deps: TeamCheckerDeps) {
  const { config, core, database, clock, logger } = deps
  const later = deps.later ?? realLater
  const leaseTimeoutMs = Math.max(3 * config.leasePollMs, MIN_LEASE_TIMEOUT_MS)
  let synced = false
  let checking = false
  let cancelNext: (() => void) | null = null
  let ended: (end: CheckerEnd) => void = () => undefined
  const end = new Promise<CheckerEnd>((resolve) => (ended = resolve))

  const loop = createSyncLoop({
    replica: teamReplicaPort({ sqlite: database.sqlite }),
    connect: () => connectTeam({ settings: config.team, password: config.teamPassword, readFile: deps.readFile }),
    clock,
    logger,
    publish: published
  })
  const lease = createCheckerLease({
    connect: connectLease,
    pollMs: config.leasePollMs,
    timeoutMs: leaseTimeoutMs,
    logger,
    later,
    onAcquired: () => schedule(0),
    onLost: stopChecking
  })

  function published(state: TeamState): void {
    if (state.kind === 'in-sync' && !synced) {
      synced = true
      logger.info('the checker has the team’s portfolio', { stores: storeCount() })
    }
    if (state.kind === 'refused') ended({ kind: 'refused', reason: state.reason })
  }

  async function connectLease(): Promise<pg.Client> {
    const options = teamConnectionOptions(config.team, config.teamPassword, deps.readFile)
    return connectClient({ ...options, keepAlive: true, query_timeout: leaseTimeoutMs, connectionTimeoutMillis: leaseTimeoutMs })
  }

  function schedule(ms: number): void {
    cancelNext?.()
    cancelNext = later(() => void checkWhenDue(), ms)
  }

  function stopChecking(): void {
    cancelNext?.()
    cancelNext = null
    for (const task of core.tasks.running()) if (task.kind === 'check') core.tasks.cancel(task.id)
  }

  /** When the team's next check is due: one interval after its latest answer, at most one from now. */
  function dueAt(): number {
    const row = database.sqlite.prepare('SELECT max(checked_at) AS latest FROM lazada_subscriptions').get() as { latest: number | null }
    const now = clock.now()
    return row.latest === null ? now : Math.min(row.latest + config.checkIntervalMs, now + config.checkIntervalMs)
  }

  async function checkWhenDue(): Promise<void> {
    // A lease taken again while the cancelled check winds down: that check reschedules when it ends.
    if (!lease.held() || checking) return
    if (!synced) return schedule(config.leasePollMs)
    const wait = dueAt() - clock.now()
    if (wait > 0) return schedule(wait)
    checking = true
    try {
      const run = await core.monitoring.runNow('interval')
      const remote = run.remote
      logger.info('check finished', { stores: run.storesChecked, asked: remote?.asked ?? 0, answered: remote?.answered ?? 0, failed: remote?.failures.reduce((n, f) => n + f.count, 0) ?? 0, cancelled: run.cancelled === true })
      if (remote?.state === 'failed') logger.warn('Lazada was not asked', { reason: remote.message })
    } catch (error) {
      logger.error('the check failed', { error: (error as Error).message })
    } finally {
      checking = false
    }
    loop.nudge()
    if (lease.held()) schedule(config.checkIntervalMs)
  }

  function storeCount(): number {
    return (database.sqlite.prepare('SELECT count(*) AS n FROM stores').get() as { n: number }).n
  }

  return {
    /** Sets up Lazada access, joins the team and starts syncing and asking for the lease. */
    async start(): Promise<void> {
      await configureLazada(core, config)
      createTeamReplica({ sqlite: database.sqlite, channel: LOOP_ONLY_CHANNEL }).join({ shareLocal: false })
      logger.info('the checker starts', { team: `${config.team.user}@${config.team.host}:${config.team.port}/${config.team.database}`, intervalMs: config.checkIntervalMs, leasePollMs: config.leasePollMs })
      void loop.start()
      lease.start()
    },
    holdsLease: lease.held,
    /** Resolves when the checker cannot go on (the team refused it). */
    ended: end,
    /** Let go of the lease, then stop syncing. */
    async stop(): Promise<void> {
      stopChecking()
      await lease.stop()
      await loop.stop()
    },
    /** After each change: push soon. */
    nudge: () => loop.nudge()
  }
}

export type TeamChecker = ReturnType<typeof createTeamChecker>
