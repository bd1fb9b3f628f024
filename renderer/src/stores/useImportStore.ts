/**
 * The CSV import as a state machine:
 *   choose → checking (main parses and checks, sending progress) → preview → writing → done
 * with an error possible at each step. Main keeps the preview; closing or choosing another file
 * tells main to forget it.
 */
import { create } from 'zustand'
import type { ConflictAction, ImportCommitResult, ImportPreview, ImportProgress } from '../../../electron/shared/csv-import'
import { MAX_IMPORT_BYTES } from '../../../electron/shared/ipc-contract'
import type { SaveFileResult } from '../../../electron/shared/portfolio'
import type { AppErrorInfo, Result } from '../../../electron/shared/result'
import { api } from '../api/client'
import { useDashboardStore } from './useDashboardStore'
import { usePortfolioStore } from './usePortfolioStore'

export type ImportStep = 'choose' | 'checking' | 'preview' | 'writing' | 'done'

interface ImportData {
  opened: boolean
  step: ImportStep
  /** Kept so "Check again" can re-read it after the portfolio changed. */
  file: File | null
  progress: ImportProgress | null
  preview: ImportPreview | null
  defaultAction: ConflictAction
  /** Per-row choices that differ from `defaultAction`, keyed by row number. */
  conflictActions: Record<string, ConflictAction>
  result: ImportCommitResult | null
  error: AppErrorInfo | null
}

interface ImportActions {
  open(): void
  close(): void
  choose(file: File): Promise<void>
  checkAgain(): Promise<void>
  chooseAnother(): void
  setConflictAction(row: number, action: ConflictAction): void
  setAllConflicts(action: ConflictAction): void
  /** Imports the previewed file; `skipErrorRows` leaves out the rows with errors (when the preview allows it). */
  commit(options?: { skipErrorRows?: boolean }): Promise<void>
  saveTemplate(): Promise<Result<SaveFileResult>>
  /** Saves every problem of the preview (not only the listed ones) as a CSV file. */
  saveProblems(list?: 'problems' | 'skipped-rows'): Promise<Result<SaveFileResult>>
}

export type ImportState = ImportData & ImportActions

export const importInitialData: ImportData = {
  opened: false,
  step: 'choose',
  file: null,
  progress: null,
  preview: null,
  defaultAction: 'skip',
  conflictActions: {},
  result: null,
  error: null
}

/** Spreadsheet files a KAM may pick by mistake: say what to do instead of failing on the bytes. */
const SPREADSHEET_EXTENSIONS = /\.(xls|xlsm|xlsb|ods|numbers)$/i

/** The request whose answer the modal is waiting for; anything else arrived too late. */
let activeRequest: string | null = null

function newRequestId(): string {
  return crypto.randomUUID()
}

function fileError(message: string): AppErrorInfo {
  return { code: 'import-invalid', message }
}

export function conflictActionFor(state: Pick<ImportData, 'defaultAction' | 'conflictActions'>, row: number): ConflictAction {
  return state.conflictActions[String(row)] ?? state.defaultAction
}

/**
 * Stores the import would update: the preview lists only the first matches, so the rest follow
 * the default action, and per-row choices (only on listed rows) adjust it.
 */
export function updateCount(state: Pick<ImportData, 'defaultAction' | 'conflictActions'>, preview: ImportPreview): number {
  const changing = preview.conflicts.filter((c) => c.changes.length > 0)
  if (state.defaultAction === 'update') {
    return preview.changingConflictCount - changing.filter((c) => conflictActionFor(state, c.row) === 'skip').length
  }
  return changing.filter((c) => conflictActionFor(state, c.row) === 'update').length
}

/** Tells main to stop the check still running, if any (its answer would be ignored anyway). */
function stopCheck(): void {
  if (activeRequest) void api.import.discard({ previewId: activeRequest })
  activeRequest = null
}

export const useImportStore = create<ImportState>()((set, get) => {
  function discardPreview(): void {
    const preview = get().preview
    if (preview) void api.import.discard({ previewId: preview.previewId })
  }

  async function check(file: File): Promise<void> {
    stopCheck()
    const requestId = newRequestId()
    activeRequest = requestId
    set({ step: 'checking', file, progress: null, preview: null, result: null, error: null, conflictActions: {}, defaultAction: 'skip' })

    if (SPREADSHEET_EXTENSIONS.test(file.name)) {
      set({ step: 'choose', error: fileError(`${file.name} is a kind of spreadsheet Storewatch does not read. Save it as “Excel Workbook (.xlsx)” or “CSV UTF-8” and choose that file.`) })
      return
    }
    if (file.size > MAX_IMPORT_BYTES) {
      set({ step: 'choose', error: fileError(`${file.name} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`) })
      return
    }

    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await file.arrayBuffer())
    } catch {
      set({ step: 'choose', error: fileError(`Storewatch could not read ${file.name}. Is it still there?`) })
      return
    }

    const stop = api.on('import:progress', (progress) => {
      if (progress.requestId === requestId && activeRequest === requestId) set({ progress })
    })
    const result = await api.import.preview({ requestId, fileName: file.name, bytes })
    stop()

    if (activeRequest !== requestId) {
      // The KAM closed the modal or picked another file meanwhile: main need not keep this one.
      if (result.ok) void api.import.discard({ previewId: result.value.previewId })
      return
    }
    activeRequest = null
    if (result.ok) set({ step: 'preview', preview: result.value, progress: null })
    else set({ step: 'choose', error: result.error, progress: null })
  }

  return {
    ...importInitialData,

    open() {
      activeRequest = null
      set({ ...importInitialData, opened: true })
    },

    close() {
      if (get().step === 'writing') return
      stopCheck()
      discardPreview()
      set({ ...importInitialData })
    },

    choose(file) {
      discardPreview()
      return check(file)
    },

    async checkAgain() {
      const file = get().file
      discardPreview()
      if (file) await check(file)
      else set({ ...importInitialData, opened: true })
    },

    chooseAnother() {
      stopCheck()
      discardPreview()
      set({ ...importInitialData, opened: true })
    },

    setConflictAction(row, action) {
      set((s) => {
        const conflictActions = { ...s.conflictActions }
        if (action === s.defaultAction) delete conflictActions[String(row)]
        else conflictActions[String(row)] = action
        return { conflictActions }
      })
    },

    setAllConflicts(action) {
      set({ defaultAction: action, conflictActions: {} })
    },

    async commit(options = {}) {
      const { preview, defaultAction, conflictActions } = get()
      const skipErrorRows = options.skipErrorRows === true && preview?.canSkipErrorRows === true
      if (!preview || (!preview.canImport && !skipErrorRows) || get().step !== 'preview') return
      set({ step: 'writing', progress: null, error: null })
      // A commit carries no request id of its own; only one import runs per window, so every
      // progress event that arrives while writing belongs to it.
      const stop = api.on('import:progress', (progress) => set({ progress }))
      const result = await api.import.commit({ previewId: preview.previewId, defaultConflictAction: defaultAction, conflictActions, skipErrorRows })
      stop()
      if (result.ok) {
        set({ step: 'done', result: result.value, preview: null, progress: null })
        void usePortfolioStore.getState().load()
        void useDashboardStore.getState().refresh()
      } else {
        set({ step: 'preview', error: result.error, progress: null })
      }
    },

    saveTemplate() {
      return api.import.saveTemplate()
    },

    async saveProblems(list = 'problems') {
      const preview = get().preview
      if (!preview) return { ok: false, error: { code: 'import-expired', message: 'There is no checked file to list the problems of.' } }
      return api.import.saveProblems({ previewId: preview.previewId, list })
    }
  }
})

export function resetImportStore(): void {
  activeRequest = null
  useImportStore.setState(importInitialData)
}
