/**
 * The open store's checklists: each playbook as it reads for the store's country, its runs, and the
 * step its status points at. Every change answers with the store's checklists, shown as they are;
 * the store page then reloads (the history has a new entry, step 2 changes the subscription).
 */
import { create } from 'zustand'
import type { ClientMessage, ClientMessageAction, Playbook, StepId, StoreChecklists, SubscriptionDates } from '../../../electron/shared/checklists'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'
import { useDashboardStore } from './useDashboardStore'
import { usePortfolioStore } from './usePortfolioStore'
import { useStoreDetailStore } from './useStoreDetailStore'

interface ChecklistData {
  storeId: number | null
  checklists: StoreChecklists | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  /** What is being changed now, e.g. `tick:order`, `start`, `finish:12`: its control waits. */
  busy: string | null
  /** The "Message for the client" being shown. */
  message: { storeId: number; playbook: Playbook; value: ClientMessage | null; error: string | null } | null
}

interface ChecklistActions {
  load(storeId: number): Promise<void>
  reload(): Promise<void>
  start(storeId: number, playbook: Playbook): Promise<Result<StoreChecklists>>
  setDone(runId: number, stepId: StepId, done: boolean): Promise<Result<StoreChecklists>>
  note(runId: number, stepId: StepId, note: string | null): Promise<Result<StoreChecklists>>
  captureDates(runId: number, stepId: StepId, values: SubscriptionDates): Promise<Result<StoreChecklists>>
  finish(runId: number, note: string | null): Promise<Result<StoreChecklists>>
  cancel(runId: number, reason: string | null): Promise<Result<StoreChecklists>>
  /** Fetches the message for the client (steps and link for the store's country). */
  openMessage(storeId: number, playbook: Playbook): Promise<void>
  closeMessage(): void
  /** Writes to the store's history that the message was copied or e-mailed. */
  logMessage(storeId: number, playbook: Playbook, action: ClientMessageAction): Promise<Result<null>>
}

export type ChecklistState = ChecklistData & ChecklistActions

export const checklistInitialData: ChecklistData = { storeId: null, checklists: null, status: 'idle', error: null, busy: null, message: null }

/** Answers arrive out of order when the KAM clicks fast: only the latest request's answer counts. */
let requestSeq = 0

export const useChecklistStore = create<ChecklistState>()((set, get) => {
  async function change(busy: string, call: () => Promise<Result<StoreChecklists>>, options: { listsToo?: boolean } = {}): Promise<Result<StoreChecklists>> {
    const mine = ++requestSeq
    set({ busy })
    const result = await call()
    if (get().busy === busy) set({ busy: null })
    if (result.ok) {
      if (mine === requestSeq && get().storeId === result.value.storeId) set({ checklists: result.value, status: 'ready', error: null })
      // The history has the tick; step 2 also changed the subscription and so the status.
      const detail = useStoreDetailStore.getState()
      if (detail.storeId === result.value.storeId) void detail.reload()
      if (options.listsToo) {
        void usePortfolioStore.getState().load()
        void useDashboardStore.getState().refresh()
      }
    }
    return result
  }

  return {
    ...checklistInitialData,

    async load(storeId) {
      const mine = ++requestSeq
      const sameStore = get().storeId === storeId && get().checklists !== null
      set({ storeId, ...(sameStore ? {} : { checklists: null, status: 'loading', error: null }) })
      const result = await api.checklists.get({ storeId })
      if (mine !== requestSeq || get().storeId !== storeId) return
      if (result.ok) set({ checklists: result.value, status: 'ready', error: null })
      else set({ status: 'error', error: result.error.message, ...(sameStore ? {} : { checklists: null }) })
    },

    async reload() {
      const id = get().storeId
      if (id !== null) await get().load(id)
    },

    start(storeId, playbook) {
      return change('start', () => api.checklists.start({ storeId, playbook }))
    },

    setDone(runId, stepId, done) {
      return change(`tick:${stepId}`, () => (done ? api.checklists.tick({ runId, stepId }) : api.checklists.untick({ runId, stepId })))
    },

    note(runId, stepId, note) {
      return change(`note:${stepId}`, () => api.checklists.note({ runId, stepId, note }))
    },

    captureDates(runId, stepId, values) {
      return change(`dates:${stepId}`, () => api.checklists.captureDates({ runId, stepId, values }), { listsToo: true })
    },

    finish(runId, note) {
      return change(`finish:${runId}`, () => api.checklists.finish({ runId, note }))
    },

    cancel(runId, reason) {
      return change(`cancel:${runId}`, () => api.checklists.cancel({ runId, reason }))
    },

    async openMessage(storeId, playbook) {
      set({ message: { storeId, playbook, value: null, error: null } })
      const result = await api.checklists.message({ storeId, playbook })
      const shown = get().message
      if (!shown || shown.storeId !== storeId || shown.playbook !== playbook) return
      set({ message: { storeId, playbook, value: result.ok ? result.value : null, error: result.ok ? null : result.error.message } })
    },

    closeMessage() {
      set({ message: null })
    },

    async logMessage(storeId, playbook, action) {
      const result = await api.checklists.logMessage({ storeId, playbook, action })
      const detail = useStoreDetailStore.getState()
      if (result.ok && detail.storeId === storeId) void detail.reload()
      return result
    }
  }
})

export function resetChecklistStore(): void {
  requestSeq++
  useChecklistStore.setState(checklistInitialData)
}
