/**
 * The history kinds checklist, client-message and authorization-attempt entries are written
 * with. The shared list of kinds (electron/shared/portfolio.ts, HISTORY_KINDS) has no kinds of
 * their own yet, and the store page draws an icon per kind, so they are written as 'updated'
 * entries whose summary says what happened.
 * TODO(#4): switch to 'checklist', 'client-message' and 'authorization-attempt' once
 * HISTORY_KINDS (and the store page's icons) list them.
 */
import type { HistoryKind } from '../../shared/portfolio'

export const ACTIVITY_HISTORY_KINDS = {
  checklist: 'updated',
  clientMessage: 'updated',
  authorizationAttempt: 'updated'
} as const satisfies Record<string, HistoryKind>
