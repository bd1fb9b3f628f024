/** Long work in words: "412 of 2,000 stores asked · 9.8 calls/s · about 3 min left". */
import type { TaskKind, TaskProgress } from '../../../electron/shared/task-progress'
import { formatCount } from './format'

const UNITS: Record<TaskKind, { done: string; rate: string }> = {
  check: { done: 'stores asked', rate: 'calls/s' },
  import: { done: 'rows', rate: 'rows/s' },
  bulk: { done: 'stores', rate: 'stores/s' }
}

/** "412 of 2,000" and "stores asked", apart so a narrow header can show the numbers alone. */
export function taskCountParts(task: TaskProgress): { count: string; unit: string } {
  const count = task.total === null ? formatCount(task.done) : `${formatCount(task.done)} of ${formatCount(task.total)}`
  return { count, unit: UNITS[task.kind].done }
}

/** "412 of 2,000 stores asked", or "412 stores asked" while the total is not known. */
export function taskCount(task: TaskProgress): string {
  const { count, unit } = taskCountParts(task)
  return `${count} ${unit}`
}

/** "9.8 calls/s"; null before the first item. */
export function taskRate(task: TaskProgress): string | null {
  if (task.ratePerSecond === null) return null
  const rate = task.ratePerSecond
  return `${rate >= 100 ? formatCount(Math.round(rate)) : rate.toFixed(1)} ${UNITS[task.kind].rate}`
}

/** "about 3 min left", "40 s left", "about 1 h 20 min left"; null while not known. */
export function timeLeft(etaMs: number | null): string | null {
  if (etaMs === null) return null
  const seconds = Math.ceil(etaMs / 1000)
  if (seconds < 60) return `${seconds} s left`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `about ${minutes} min left`
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`
}

/** Whether the task has counted anything yet (a check judging stores has no count). */
export function taskHasCount(task: TaskProgress): boolean {
  return task.total !== null
}

/** The whole state in one line, for the tooltip and screen readers. */
export function taskSentence(task: TaskProgress): string {
  if (!taskHasCount(task)) return `${task.label}…`
  return [`${task.label}: ${taskCount(task)}`, taskRate(task), timeLeft(task.etaMs)].filter(Boolean).join(' · ')
}
