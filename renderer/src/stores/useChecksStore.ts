/**
 * The scheduled checks as the header shows them: when the portfolio was last checked, and "Check
 * now". Main announces every finished run (`checks:completed`), whoever started it.
 */
import { create } from 'zustand'
import type { CheckRunSummary } from '../../../electron/shared/monitoring'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'

interface ChecksData {
  lastRun: CheckRunSummary | null
  loaded: boolean
  /** A "Check now" from this window is running. */
  running: boolean
}

interface ChecksActions {
  load(): Promise<void>
  runNow(): Promise<Result<CheckRunSummary>>
  /** A run finished (this window's or a scheduled one). */
  completed(run: CheckRunSummary): void
}

export type ChecksState = ChecksData & ChecksActions

export const checksInitialData: ChecksData = { lastRun: null, loaded: false, running: false }

function newer(a: CheckRunSummary | null, b: CheckRunSummary): CheckRunSummary {
  if (!a) return b
  return b.startedAt > a.startedAt || (b.startedAt === a.startedAt && b.id >= a.id) ? b : a
}

export const useChecksStore = create<ChecksState>()((set, get) => ({
  ...checksInitialData,

  async load() {
    const result = await api.checks.recent({ limit: 1 })
    if (!result.ok) {
      set({ loaded: true })
      return
    }
    const latest = result.value[0]
    set((s) => ({ loaded: true, lastRun: latest ? newer(s.lastRun, latest) : s.lastRun }))
  },

  async runNow() {
    set({ running: true })
    const result = await api.checks.runNow()
    set({ running: false })
    if (result.ok) get().completed(result.value)
    return result
  },

  completed(run) {
    set((s) => ({ lastRun: newer(s.lastRun, run), loaded: true }))
  }
}))

export function resetChecksStore(): void {
  useChecksStore.setState(checksInitialData)
}
