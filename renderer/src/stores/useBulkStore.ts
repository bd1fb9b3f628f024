/**
 * Bulk actions on the rows the KAM selected (issue #10): which action's form is open, for how
 * many stores, the request in flight, main's refusal to show in the form, and the last result
 * (what "Undo" takes back). The lists' selections stay in their own stores; the bar hands this
 * store the selection when an action opens.
 */
import { create } from 'zustand'
import type { BulkActionInput, BulkActionKind, BulkResult, BulkUndoResult } from '../../../electron/shared/bulk'
import type { ExportResult, StoreSelectionInput } from '../../../electron/shared/portfolio'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'

export type BulkSource = 'portfolio' | 'worklist'

export interface BulkForm {
  kind: BulkActionKind
  source: BulkSource
  /** How many stores the selection holds, as the list counts them. */
  count: number
  selection: StoreSelectionInput
}

interface BulkData {
  form: BulkForm | null
  busy: boolean
  /** Main's answer when it refused the action (bad input, nothing selected): shown in the form. */
  error: string | null
  last: BulkResult | null
  undoing: boolean
  exporting: boolean
}

interface BulkActions {
  open(form: BulkForm): void
  close(): void
  run(action: BulkActionInput): Promise<Result<BulkResult>>
  undo(batchId: number): Promise<Result<BulkUndoResult>>
  exportSelection(selection: StoreSelectionInput): Promise<Result<ExportResult>>
}

export type BulkState = BulkData & BulkActions

export const bulkInitialData: BulkData = { form: null, busy: false, error: null, last: null, undoing: false, exporting: false }

export const useBulkStore = create<BulkState>()((set, get) => ({
  ...bulkInitialData,

  open(form) {
    set({ form, error: null })
  },

  close() {
    if (!get().busy) set({ form: null, error: null })
  },

  async run(action) {
    const form = get().form
    if (!form) return { ok: false, error: { code: 'invalid-input', message: 'Select stores first' } }
    set({ busy: true, error: null })
    const result = await api.bulk.run({ selection: form.selection, action })
    if (result.ok) set({ busy: false, form: null, last: result.value })
    else set({ busy: false, error: result.error.message })
    return result
  },

  async undo(batchId) {
    set({ undoing: true })
    const result = await api.bulk.undo({ batchId })
    set((s) => ({ undoing: false, last: result.ok && s.last?.batchId === batchId ? null : s.last }))
    return result
  },

  async exportSelection(selection) {
    set({ exporting: true })
    const result = await api.bulk.exportCsv({ selection })
    set({ exporting: false })
    return result
  }
}))

export function resetBulkStore(): void {
  useBulkStore.setState(bulkInitialData)
}
