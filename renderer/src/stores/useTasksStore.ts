/**
 * Long work in progress as main reports it (`tasks:progress`): a check asking Lazada now, imports
 * and bulk actions in the same shape. A task leaves the list when its last event (done,
 * cancelled, failed) arrives; a window opened meanwhile asks for the running ones.
 */
import { create } from 'zustand'
import type { Result } from '../../../electron/shared/result'
import type { TaskKind, TaskProgress } from '../../../electron/shared/task-progress'
import { api } from '../api/client'

interface TasksData {
  /** Running tasks, oldest first. */
  tasks: TaskProgress[]
}

interface TasksActions {
  load(): Promise<void>
  /** A `tasks:progress` event. */
  progress(progress: TaskProgress): void
  cancel(id: string): Promise<Result<TaskProgress | null>>
}

export type TasksState = TasksData & TasksActions

export const tasksInitialData: TasksData = { tasks: [] }

/** Ids of tasks that ended, so a late answer to `tasks:running` does not bring one back. */
const ended = new Set<string>()

export const useTasksStore = create<TasksState>()((set, get) => ({
  ...tasksInitialData,

  async load() {
    const result = await api.tasks.running()
    if (!result.ok) return
    for (const task of result.value) if (!ended.has(task.id) && !get().tasks.some((t) => t.id === task.id)) get().progress(task)
  },

  progress(progress) {
    if (progress.state !== 'running') {
      ended.add(progress.id)
      set((s) => ({ tasks: s.tasks.filter((t) => t.id !== progress.id) }))
      return
    }
    if (ended.has(progress.id)) return
    set((s) => {
      const known = s.tasks.some((t) => t.id === progress.id)
      return { tasks: known ? s.tasks.map((t) => (t.id === progress.id ? progress : t)) : [...s.tasks, progress] }
    })
  },

  async cancel(id) {
    const result = await api.tasks.cancel({ id })
    if (result.ok && result.value) get().progress(result.value)
    return result
  }
}))

/** The running task of a kind, if any (the newest). */
export function useRunningTask(kind: TaskKind): TaskProgress | null {
  return useTasksStore((s) => s.tasks.findLast((t) => t.kind === kind) ?? null)
}

export function resetTasksStore(): void {
  ended.clear()
  useTasksStore.setState(tasksInitialData)
}
