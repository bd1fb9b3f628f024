/** The review after a Lazada check: stores Lazada says are subscribed whose authorization is not confirmed here. */
import { create } from 'zustand'
import type { AuthorizationReview, AuthorizationsConfirmed } from '../../../electron/shared/authorization-review'
import type { Result } from '../../../electron/shared/result'
import { api } from '../api/client'
import { useDashboardStore } from './useDashboardStore'
import { usePortfolioStore } from './usePortfolioStore'

interface ReviewData {
  review: AuthorizationReview | null
  opened: boolean
  busy: boolean
}

interface ReviewActions {
  load(): Promise<void>
  open(): void
  close(): void
  confirm(storeIds: number[], authorizedAt: number, reconnected: boolean): Promise<Result<AuthorizationsConfirmed>>
}

export const reviewInitialData: ReviewData = { review: null, opened: false, busy: false }

export const useAuthorizationReviewStore = create<ReviewData & ReviewActions>()((set, get) => ({
  ...reviewInitialData,
  async load() {
    const result = await api.authorizations.review()
    if (result.ok) set({ review: result.value })
  },
  open() {
    set({ opened: true })
    void get().load()
  },
  close() {
    set({ opened: false })
  },
  async confirm(storeIds, authorizedAt, reconnected) {
    set({ busy: true })
    const result = await api.authorizations.confirmMany({ storeIds, authorizedAt, reconnected })
    set({ busy: false })
    if (result.ok) {
      await get().load()
      void useDashboardStore.getState().refresh()
      void usePortfolioStore.getState().load()
    }
    return result
  }
}))

export function resetAuthorizationReviewStore(): void {
  useAuthorizationReviewStore.setState(reviewInitialData)
}
