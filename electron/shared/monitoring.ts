/** What the scheduled checks produce: runs, reminders, and the dashboard built from them. */
import type { RemoteCheckSummary } from './lazada'
import type { DeadlineKind, NextAction, StoreStatus } from './status'

export const CHECK_TRIGGERS = ['start', 'interval', 'wake', 'manual', 'settings'] as const
export type CheckTrigger = (typeof CHECK_TRIGGERS)[number]

export interface CheckRunSummary {
  id: number
  trigger: CheckTrigger
  startedAt: number
  finishedAt: number | null
  storesChecked: number
  statusChanges: number
  remindersFired: number
  /** One line per failure, naming the store where there is one; Lazada's failures one line per cause. */
  errors: string[]
  /** What the run asked Lazada; null (or absent) when Lazada credentials are not set up. */
  remote?: RemoteCheckSummary | null
}

export const REMINDER_STATES = ['held', 'delivered', 'failed', 'skipped'] as const
/**
 * held: due during quiet hours or a snooze, delivered when they end · delivered: shown by the OS ·
 * failed: the OS refused it (it is still in the notification centre) · skipped: a later rung of the
 * same deadline fired first (after a long sleep), so this one never will.
 */
export type ReminderState = (typeof REMINDER_STATES)[number]

export interface ReminderItem {
  id: number
  storeId: number
  storeLabel: string
  deadlineKind: DeadlineKind
  deadlineAt: number
  /** 14, 7, 3, 1 … days before; 0 on the deadline day. */
  rungDays: number
  title: string
  body: string
  state: ReminderState
  firedAt: number
  deliveredAt: number | null
  readAt: number | null
}

export interface ReminderList {
  reminders: ReminderItem[]
  unread: number
}

export type SnoozeMode = 'day' | 'next-rung'

/**
 * The notification centre's view: which entries (all or unread), narrowed by the store's current
 * status and owner. An empty list narrows nothing; `null` in `owners` is "No owner".
 */
export interface ReminderCentreFilter {
  unreadOnly: boolean
  statuses: StoreStatus[]
  owners: (string | null)[]
}

/** Reminders fired at or after their deadline form their own rung, whatever their ladder days. */
export const RUNG_PASSED = -1

/** A check run's reminders of one rung: the centre's group. */
export interface ReminderGroup {
  /** `run:rung`, e.g. "41:7"; "none:7" for reminders older than run records. */
  key: string
  runId: number | null
  /** When the run started (or, without a run, when its newest entry fired). */
  runAt: number
  /** Days before the deadline (0: the deadline day), or RUNG_PASSED. */
  rung: number
  /** Entries of the group under the filter, and how many of them are unread. */
  total: number
  unread: number
  /** Index of its first entry among all the filter's entries (they run contiguously, group by group). */
  first: number
}

/** One entry of the centre: the reminder and what its store is now. */
export interface CentreEntry extends ReminderItem {
  runId: number | null
  /** The store's status now (its last evaluation); 'unknown' before its first. */
  status: StoreStatus
  ownerKam: string | null
  /** While the store is snoozed: its entries leave the unread view and the unread count until then. */
  snoozedUntil: number | null
  groupKey: string
}

export interface FacetCount<V> {
  value: V
  count: number
}

/**
 * A window of the centre: every group (with counts) and the entries `offset … offset + limit` of the
 * filter's entries, in order. Each facet counts under the other facet's filter (so counts combine).
 */
export interface ReminderCentre {
  groups: ReminderGroup[]
  offset: number
  entries: CentreEntry[]
  /** Entries the filter matches, and the entries of the view (all/unread) before status and owner. */
  shown: number
  total: number
  /** The header's badge: unread entries whose store is not snoozed. */
  unread: number
  facets: { statuses: FacetCount<StoreStatus>[]; owners: FacetCount<string | null>[] }
}

/** What a group action (mark read, snooze) answers. */
export interface ReminderGroupResult {
  /** Entries marked read, or stores snoozed. */
  affected: number
  unread: number
}

export interface Snooze {
  storeId: number
  until: number
}

export interface WorklistItem {
  storeId: number
  clientName: string
  storeName: string
  country: string
  ownerKam: string | null
  status: StoreStatus
  reason: string
  deadline: number | null
  deadlineKind: DeadlineKind | null
  /** Calendar days from today's date to the deadline's date, in the store's country time (DESIGN.md §6; negative: after it). */
  daysLeft: number | null
  nextAction: NextAction | null
  snoozedUntil: number | null
}

export interface ExpiryWeek {
  /** First day of the week, `YYYY-MM-DD` (Monday). */
  weekStart: string
  /** Subscriptions ending that week, by country. */
  byCountry: Record<string, number>
  total: number
}

export interface Dashboard {
  counts: Record<StoreStatus, number>
  needsAction: number
  archived: number
  worklist: WorklistItem[]
  expiryWeeks: ExpiryWeek[]
  lastRun: CheckRunSummary | null
  nextCheckAt: number | null
}

/** Where a click on a notification (or a link in main) takes the renderer. */
export interface NavigateRequest {
  path: string
}
