/**
 * Long work in progress (issue #10, point 5): each task counts what it did of how many, and the
 * registry publishes that as a `TaskProgress` — with the rate so far and the time left at that
 * rate — at most every `minIntervalMs` of the clock (so 2,000 answers are not 2,000 IPC messages),
 * at once when a phase starts, and when the task ends. A step held back by the throttle is
 * published `minIntervalMs` later if no other came (Lazada may stall right after it): what is
 * shown never lags behind for long. Cancelling a task aborts its signal; the
 * work itself decides where it stops (at its next step) and what it keeps.
 */
import type { TaskKind, TaskProgress, TaskState } from '../../shared/task-progress'
import type { Clock } from '../ports'

/** Publishing is throttled to this by default: smooth enough to watch, cheap at any rate. */
export const PROGRESS_INTERVAL_MS = 250

export interface TaskPhase {
  label: string
  /** Items this phase will do; null while not known. */
  total: number | null
  cancellable: boolean
}

export interface TaskHandle {
  readonly id: string
  /** Aborted when the KAM cancels the task. */
  readonly signal: AbortSignal
  /** Starts counting anew (done 0, the rate measured from now) under a new label and total. */
  phase(phase: TaskPhase): void
  /** `count` more items done. */
  advance(count?: number): void
  /** Ends the task; later calls do nothing. */
  end(state: Exclude<TaskState, 'running'>): void
}

export interface TaskRegistryDeps {
  clock: Clock
  publish: (progress: TaskProgress) => void
  minIntervalMs?: number
  /** Runs the late publish of a held-back step (default: setTimeout); returns how to call it off. */
  later?: (run: () => void, ms: number) => () => void
}

function timeout(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms)
  return () => clearTimeout(timer)
}

interface Running {
  progress: TaskProgress
  controller: AbortController
  phaseStartedAt: number
  publishedAt: number
  /** Calls off the late publish of a held-back step, when one is due. */
  pending: (() => void) | null
}

/** The rate so far and the time left at it; null where not known yet. */
export function rateAndEta(done: number, total: number | null, elapsedMs: number): { ratePerSecond: number | null; etaMs: number | null } {
  if (done <= 0 || elapsedMs <= 0) return { ratePerSecond: null, etaMs: null }
  const ratePerSecond = (done * 1000) / elapsedMs
  const etaMs = total === null ? null : Math.max(0, Math.round(((total - done) / ratePerSecond) * 1000))
  return { ratePerSecond, etaMs }
}

export function createTaskRegistry(deps: TaskRegistryDeps) {
  const { clock } = deps
  const interval = deps.minIntervalMs ?? PROGRESS_INTERVAL_MS
  const later = deps.later ?? timeout
  const tasks = new Map<string, Running>()
  let sequence = 0

  function publish(task: Running, now: number): void {
    task.pending?.()
    task.pending = null
    task.publishedAt = now
    deps.publish({ ...task.progress })
  }

  function publishLater(task: Running): void {
    task.pending ??= later(() => {
      task.pending = null
      if (!tasks.has(task.progress.id)) return
      const now = clock.now()
      measure(task, now)
      publish(task, now)
    }, interval)
  }

  function measure(task: Running, now: number): void {
    const { done, total } = task.progress
    Object.assign(task.progress, rateAndEta(done, total, now - task.phaseStartedAt))
  }

  return {
    start(kind: TaskKind, phase: TaskPhase): TaskHandle {
      const now = clock.now()
      const id = `${kind}-${++sequence}`
      const task: Running = {
        progress: { id, kind, state: 'running', done: 0, ratePerSecond: null, etaMs: null, startedAt: now, ...phase },
        controller: new AbortController(),
        phaseStartedAt: now,
        publishedAt: now,
        pending: null
      }
      tasks.set(id, task)
      publish(task, now)
      return {
        id,
        signal: task.controller.signal,
        phase(next) {
          if (!tasks.has(id)) return
          const at = clock.now()
          Object.assign(task.progress, next, { done: 0, ratePerSecond: null, etaMs: null })
          task.phaseStartedAt = at
          publish(task, at)
        },
        advance(count = 1) {
          if (!tasks.has(id)) return
          const at = clock.now()
          task.progress.done += count
          measure(task, at)
          if (at - task.publishedAt >= interval || task.progress.done === task.progress.total) publish(task, at)
          else publishLater(task)
        },
        end(state) {
          if (!tasks.delete(id)) return
          const at = clock.now()
          measure(task, at)
          Object.assign(task.progress, { state, cancellable: false, etaMs: state === 'done' ? 0 : null })
          publish(task, at)
        }
      }
    },

    /** Asks a running task to stop; null when none has this id (or it cannot be cancelled). */
    cancel(id: string): TaskProgress | null {
      const task = tasks.get(id)
      if (!task || !task.progress.cancellable) return null
      task.controller.abort()
      task.progress.cancellable = false
      task.progress.label = 'Cancelling'
      publish(task, clock.now())
      return { ...task.progress }
    },

    running(): TaskProgress[] {
      return [...tasks.values()].map((task) => ({ ...task.progress }))
    }
  }
}

export type TaskRegistry = ReturnType<typeof createTaskRegistry>
