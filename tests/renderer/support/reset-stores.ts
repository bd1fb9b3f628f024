import { resetAuthorizationStore } from '../../../renderer/src/stores/useAuthorizationStore'
import { resetBulkStore } from '../../../renderer/src/stores/useBulkStore'
import { resetChecklistStore } from '../../../renderer/src/stores/useChecklistStore'
import { resetAppInfoStore } from '../../../renderer/src/stores/useAppInfoStore'
import { resetClientMessagesStore } from '../../../renderer/src/stores/useClientMessagesStore'
import { resetAuthorizationReviewStore } from '../../../renderer/src/stores/useAuthorizationReviewStore'
import { resetColumnPrefsStore } from '../../../renderer/src/stores/useColumnPrefsStore'
import { resetChecksStore } from '../../../renderer/src/stores/useChecksStore'
import { resetCredentialsStore } from '../../../renderer/src/stores/useCredentialsStore'
import { resetDataSafetyStore } from '../../../renderer/src/stores/useDataSafetyStore'
import { resetLazadaStore } from '../../../renderer/src/stores/useLazadaStore'
import { resetLazadaHostsStore } from '../../../renderer/src/stores/useLazadaHostsStore'
import { resetDashboardStore } from '../../../renderer/src/stores/useDashboardStore'
import { resetImportStore } from '../../../renderer/src/stores/useImportStore'
import { resetPortfolioStore } from '../../../renderer/src/stores/usePortfolioStore'
import { resetStoreSequenceStore } from '../../../renderer/src/stores/useStoreSequenceStore'
import { resetRemindersStore } from '../../../renderer/src/stores/useRemindersStore'
import { resetSettingsStore } from '../../../renderer/src/stores/useSettingsStore'
import { resetStoreDetailStore } from '../../../renderer/src/stores/useStoreDetailStore'
import { resetStoreFormStore } from '../../../renderer/src/stores/useStoreFormStore'
import { resetStatusHistoryStore } from '../../../renderer/src/stores/useStatusHistoryStore'
import { resetTasksStore } from '../../../renderer/src/stores/useTasksStore'
import { resetTeamStore } from '../../../renderer/src/stores/useTeamStore'

export function resetAllStores(): void {
  resetPortfolioStore()
  resetStoreDetailStore()
  resetStoreFormStore()
  resetImportStore()
  resetAppInfoStore()
  resetDashboardStore()
  resetStoreSequenceStore()
  resetClientMessagesStore()
  resetAuthorizationReviewStore()
  resetChecksStore()
  resetRemindersStore()
  resetSettingsStore()
  resetChecklistStore()
  resetAuthorizationStore()
  resetCredentialsStore()
  resetLazadaStore()
  resetColumnPrefsStore()
  resetLazadaHostsStore()
  resetDataSafetyStore()
  resetBulkStore()
  resetTasksStore()
  resetStatusHistoryStore()
  resetTeamStore()
}
