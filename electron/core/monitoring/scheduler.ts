/**
 * When checks run: at start, every interval, and when the computer wakes. The next due time is an
 * absolute instant kept by a `ScheduleStore` (the database in the app), compared with the clock on
 * a short tick — no long timer, since Node timers do not count sleep (SCHED-01) — so a sleep, a
 * restart or a changed clock never skips a check nor runs it twice, and missed checks coalesce into
 * one. Runs never overlap: a trigger during a run joins it.
 */
import type { CheckRunSummary, CheckTrigger } from '../../shared/monitoring'
import type { WriteHold } from '../import/write-hold'
import { untilReleased } from '../import/write-hold'
import type { Clock, Logger, Ticker } from '../ports'

/** How often the clock is compared with the due time: a sleep or clock change is noticed within this. */
export const TICK_INTERVAL_MS = 60 * 1000

export interface ScheduleState {
  /** UTC epoch ms when the next check is due; null before the first check. */
  nextDueAt: number | null
  lastRunStartedAt: number | null
}

export interface ScheduleStore {
  load(): ScheduleState
  save(state: ScheduleState): void
}

export interface SchedulerDeps {
  clock: Clock
  ticker: Ticker
  logger: Logger
  store: ScheduleStore
  intervalMs: () => number
  run: (trigger: CheckTrigger) => Promise<CheckRunSummary>
  /** Work for ticks when no check is due (delivering held reminders). */
  idle: () => Promise<void>
  /**
   * Taken while an import writes: a check (which writes its schedule first) starts only once it is
   * let go, and idle work waits for the next tick, so main never waits on the worker's lock.
   */
  writeHold?: WriteHold
}

export function createScheduler(deps: SchedulerDeps) {
  const { clock, logger } = deps
  let state: ScheduleState | null = null
  let current: Promise<CheckRunSummary> | null = null
  let followUp: Promise<CheckRunSummary> | null = null
  let idling: Promise<void> | null = null
  let stopTicking: (() => void) | null = null

  const loaded = (): ScheduleState => (state ??= deps.store.load())
  function save(next: ScheduleState): void {
    state = next
    deps.store.save(next)
  }

  function begin(reason: CheckTrigger): Promise<CheckRunSummary> {
    current = (async () => {
      if (deps.writeHold?.holder()) await untilReleased(deps.writeHold)
      const now = clock.now()
      const interval = deps.intervalMs()
      const { nextDueAt } = loaded()
      // An interval check keeps the schedule's phase unless it is a whole interval late (a catch-up).
      const phased = reason === 'interval' && nextDueAt !== null && nextDueAt + interval > now
      save({ lastRunStartedAt: now, nextDueAt: phased ? nextDueAt + interval : now + interval })
      return deps.run(reason)
    })().finally(() => {
      current = null
    })
    return current
  }

  function trigger(reason: CheckTrigger): Promise<CheckRunSummary> {
    return current ?? begin(reason)
  }

  const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

  function inBackground(run: Promise<unknown>): void {
    run.catch((error: unknown) => logger.error('a scheduled check failed', { error: messageOf(error) }))
  }

  /** A tick or a wake: run if due; otherwise do the idle work. Never throws into the timer. */
  function check(reason: 'interval' | 'wake'): void {
    try {
      checkDue(reason)
    } catch (error) {
      logger.error('the schedule could not be checked', { error: messageOf(error) })
    }
  }

  function checkDue(reason: 'interval' | 'wake'): void {
    if (current || deps.writeHold?.holder()) return
    const now = clock.now()
    const { nextDueAt, lastRunStartedAt } = loaded()
    if (lastRunStartedAt !== null && now < lastRunStartedAt) {
      // The wall clock went back: nothing runs now; the schedule restarts on the new clock, due
      // within one interval instead of whenever the old due time comes round again.
      const latest = now + deps.intervalMs()
      save({ lastRunStartedAt: now, nextDueAt: nextDueAt === null ? latest : Math.min(nextDueAt, latest) })
      logger.warn('the clock went back; checks continue on the new time', { behindMs: lastRunStartedAt - now })
      return
    }
    if (nextDueAt === null || now >= nextDueAt) {
      inBackground(trigger(reason))
      return
    }
    idling ??= deps
      .idle()
      .catch((error: unknown) => logger.error('held reminders could not be delivered', { error: messageOf(error) }))
      .finally(() => {
        idling = null
      })
  }

  return {
    start(): void {
      if (stopTicking) return
      stopTicking = deps.ticker.every(TICK_INTERVAL_MS, () => check('interval'))
      inBackground(trigger('start'))
    },

    stop(): void {
      stopTicking?.()
      stopTicking = null
    },

    wake(): void {
      if (stopTicking) check('wake')
    },

    /** Runs a check now, or joins the one running. */
    runNow: trigger,

    /** Checks again after the running check, if any (its settings may be outdated), else now. */
    rerun(reason: CheckTrigger): Promise<CheckRunSummary> {
      if (!current) return trigger(reason)
      followUp ??= current
        .catch(() => undefined)
        .then(() => {
          followUp = null
          return trigger(reason)
        })
      return followUp
    },

    nextCheckAt(): number | null {
      return loaded().nextDueAt
    }
  }
}
