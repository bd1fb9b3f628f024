/**
 * The team's checker lease (issue #12, point 7): one checker at a time per team holds a Postgres
 * session advisory lock, on a connection of its own, keyed by the team's id. Postgres releases a
 * session lock when the session ends, so a checker that dies (kill -9, a crash, a host gone) lets
 * go of it as soon as the server sees its connection close; no expiry to tune, no clock compared.
 *
 * Every `pollMs` a standby tries for the lock and the holder proves its session is still there
 * (`SELECT 1`). A holder whose lease connection fails (an error, the end of the connection, a ping
 * unanswered within `timeoutMs`) has lost the lease and is told at once. For a network partition,
 * where the server may not see the connection close, the lease session sets
 * `idle_session_timeout` to `timeoutMs`: the server ends a silent holder's session, and with it the
 * lock, within `timeoutMs` of its last ping.
 */
import type pg from 'pg'
import type { Logger } from '../../ports'
import { realLater } from '../sync-loop'
import type { Later } from '../sync-loop'

export interface CheckerLeaseDeps {
  /** Opens the dedicated lease connection (never a pooled one: the lock lives in its session). */
  connect: () => Promise<pg.Client>
  pollMs: number
  /** A ping unanswered this long loses the lease; the server ends a session silent this long. */
  timeoutMs: number
  logger: Logger
  onAcquired: () => void
  onLost: (reason: string) => void
  later?: Later
}

export interface CheckerLease {
  start(): void
  held(): boolean
  /** Ends the lease connection: Postgres releases the lock with it. */
  stop(): Promise<void>
}

/** The team's id as the lock's 64-bit key: first half of the uuid (the single-key space; pushes lock in the two-key one). */
const TRY_LOCK = `SELECT storewatch_team.current_team() AS team,
  CASE WHEN storewatch_team.current_team() IS NULL THEN false
       ELSE pg_try_advisory_lock(('x' || substr(replace(storewatch_team.current_team()::text, '-', ''), 1, 16))::bit(64)::bigint) END AS held`

export function createCheckerLease(deps: CheckerLeaseDeps): CheckerLease {
  const later = deps.later ?? realLater
  let client: pg.Client | null = null
  let held = false
  let stopped = true
  let polling = false
  let cancelPoll: (() => void) | null = null
  let told: 'standby' | 'not-member' | 'offline' | null = null

  function tell(what: NonNullable<typeof told>, say: () => void): void {
    if (told !== what) say()
    told = what
  }

  /** The connection `lost` is gone: drop it, and with it the lease. */
  function lose(lost: pg.Client, reason: string): void {
    if (client !== lost) return
    client = null
    lost.end().catch(() => undefined)
    if (!held) return
    held = false
    deps.logger.warn('the checker lost the team’s lease: it stops checking', { reason })
    deps.onLost(reason)
  }

  async function open(): Promise<pg.Client> {
    const opened = await deps.connect()
    opened.on('error', (error) => lose(opened, error.message))
    opened.on('end', () => lose(opened, 'the lease connection ended'))
    try {
      await opened.query("SELECT set_config('idle_session_timeout', $1, false)", [String(deps.timeoutMs)])
    } catch (error) {
      deps.logger.warn('this Postgres cannot end a silent holder’s session (idle_session_timeout, Postgres 14+): in a partition the lease waits for TCP keepalive', {
        error: (error as Error).message
      })
    }
    return opened
  }

  async function tryAcquire(current: pg.Client): Promise<void> {
    const { rows } = await current.query<{ team: string | null; held: boolean }>(TRY_LOCK)
    const row = rows[0]
    if (!row?.team) {
      tell('not-member', () => deps.logger.error('the checker’s role is in no team: it cannot hold the lease (docs/team-admin.sql adds it)'))
      return
    }
    if (!row.held) {
      tell('standby', () => deps.logger.info('standby: another checker holds the team’s lease', { team: row.team }))
      return
    }
    held = true
    told = null
    deps.logger.info('the checker holds the team’s lease', { team: row.team })
    deps.onAcquired()
  }

  async function poll(): Promise<void> {
    if (stopped || polling) return
    polling = true
    const current = client
    try {
      const using = current ?? (client = await open())
      if (held) await using.query('SELECT 1')
      else await tryAcquire(using)
    } catch (error) {
      const reason = (error as Error).message
      if (client) lose(client, reason)
      else tell('offline', () => deps.logger.warn('the team’s database cannot be reached for the lease; trying again', { reason }))
    } finally {
      polling = false
      if (!stopped) cancelPoll = later(() => void poll(), deps.pollMs)
    }
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      void poll()
    },
    held: () => held,
    async stop() {
      stopped = true
      cancelPoll?.()
      const closing = client
      client = null
      held = false
      await closing?.end().catch(() => undefined)
    }
  }
}
