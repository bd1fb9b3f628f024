/**
 * The data file: what start-up found (and the KAM's choice on the start-up screen), damage found
 * while the app runs, and the backups under Settings → Data (back up now, restore).
 */
import { create } from 'zustand'
import type { BackupInfo, BackupList, DataDamage, RestoreResult, StartupChoice, StartupState } from '../../../electron/shared/data-safety'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'

interface DataSafetyData {
  startup: StartupState | null
  startupError: string | null
  choosing: boolean
  backups: BackupList | null
  backupsError: string | null
  /** What Settings → Data is doing now. */
  busy: 'backing-up' | 'restoring' | null
}

interface DataSafetyActions {
  loadStartup(): Promise<void>
  choose(choice: StartupChoice): Promise<Result<StartupState>>
  /** Main found damage in the data file while the app ran. */
  damaged(damage: DataDamage): void
  loadBackups(): Promise<void>
  backUpNow(): Promise<Result<BackupInfo>>
  restore(name: string): Promise<Result<RestoreResult>>
}

export type DataSafetyState = DataSafetyData & DataSafetyActions

const initialData: DataSafetyData = { startup: null, startupError: null, choosing: false, backups: null, backupsError: null, busy: null }

export const useDataSafetyStore = create<DataSafetyState>()((set, get) => ({
  ...initialData,

  async loadStartup() {
    const result = await api.startup.state()
    set(result.ok ? { startup: result.value, startupError: null } : { startupError: result.error.message })
  },

  async choose(choice) {
    set({ choosing: true })
    const result = await api.startup.choose(choice)
    set(result.ok ? { choosing: false, startup: result.value } : { choosing: false })
    return result
  },

  damaged(damage) {
    set({ startup: { phase: 'open', damage } })
  },

  async loadBackups() {
    const result = await api.backups.list()
    set(result.ok ? { backups: result.value, backupsError: null } : { backupsError: result.error.message })
  },

  async backUpNow() {
    set({ busy: 'backing-up' })
    const result = await api.backups.create()
    set({ busy: null })
    if (result.ok) await get().loadBackups()
    return result
  },

  async restore(name) {
    set({ busy: 'restoring' })
    const result = await api.backups.restore({ backup: name, confirmed: true })
    // On success the window reloads on the restored data; until then it stays busy.
    if (!result.ok) set({ busy: null })
    return result
  }
}))

export function resetDataSafetyStore(): void {
  useDataSafetyStore.setState(initialData)
}
