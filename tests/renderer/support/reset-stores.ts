import { resetAppInfoStore } from '../../../renderer/src/stores/useAppInfoStore'
import { resetImportStore } from '../../../renderer/src/stores/useImportStore'
import { resetPortfolioStore } from '../../../renderer/src/stores/usePortfolioStore'
import { resetStoreDetailStore } from '../../../renderer/src/stores/useStoreDetailStore'
import { resetStoreFormStore } from '../../../renderer/src/stores/useStoreFormStore'

export function resetAllStores(): void {
  resetPortfolioStore()
  resetStoreDetailStore()
  resetStoreFormStore()
  resetImportStore()
  resetAppInfoStore()
}
