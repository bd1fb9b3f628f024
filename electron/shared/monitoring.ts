/** What the scheduled checks produce: runs, reminders, and the dashboard built from them. */
import type { RemoteCheckSummary } from './lazada'
import type { StoreScope } from './my-stores'
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
  /** The KAM cancelled it while it asked Lazada (`remote` says how far it got). */
  cancelled?: boolean
}

export const REMINDER_STATES = ['held', 'delivered', 'failed', 'skipped', 'muted'] as const
/**
 * held: due during quiet hours or a snooze, delivered when they end · delivered: shown by the OS ·
 * failed: the OS refused it (it is still in the notification centre) · skipped: a later rung of the
 * same deadline fired first (after a long sleep), so this one never will · muted: not one of the
 * KAM's stores while they asked for reminders about their own only (Settings → You): kept here,
 * not shown by the OS.
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

/**
 * Where a store stands in the worklist (electron/core/monitoring/urgency-rank.ts): its deadline
 * is still ahead, already passed, or not known.
 */
export const URGENCY_TIERS = ['lapsing', 'lapsed', 'no-deadline'] as const
export type UrgencyTier = (typeof URGENCY_TIERS)[number]

export const URGENCY_TIER_LABELS: Record<UrgencyTier, string> = {
  lapsing: 'Lapsing: act before the orders stop',
  lapsed: 'Lapsed: most recent first',
  'no-deadline': 'No deadline known'
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
  tier: UrgencyTier
}

/** Rows main sends per worklist window; the dashboard carries the first. */
export const WORKLIST_PAGE_ROWS = 100

/** One window of the worklist, in its order, with the count of the whole list. */
export interface WorklistPage {
  offset: number
  items: WorklistItem[]
  total: number
}

export interface ExpiryWeek {
  /** First day of the week, `YYYY-MM-DD` (Monday). */
  weekStart: string
  /** The week's bounds (UTC ms, the KAM's Mondays): `dashboard:expiry-stores` takes them. */
  from: number
  to: number
  /** Subscriptions ending that week, by country. */
  byCountry: Record<string, number>
  total: number
}

export interface Dashboard {
  /** Which stores the dashboard covers (the KAM's choice; "mine" only once they have a name). */
  scope: StoreScope
  /** The KAM's name as owner (Settings → You); empty when not given. */
  kamName: string
  /** The owner names, as written on the stores, that are the KAM's: for links to the portfolio. */
  myOwnerNames: string[]
  counts: Record<StoreStatus, number>
  /** Stores needing action in scope: the worklist's whole length. */
  needsAction: number
  archived: number
  /** The worklist's stores by tier (they follow each other in this order). */
  tiers: Record<UrgencyTier, number>
  /** The worklist's first window (WORKLIST_PAGE_ROWS rows); `dashboard:worklist` gives the others. */
  worklist: WorklistItem[]
  expiryWeeks: ExpiryWeek[]
  lastRun: CheckRunSummary | null
  nextCheckAt: number | null
}

/** Where a click on a notification (or a link in main) takes the renderer. */
export interface NavigateRequest {
  path: string
}

/** One day of the 90-day history (issue #10): stores by status at the day's last recorded check. */
export interface StatusHistoryDay {
  /** `YYYY-MM-DD` in the KAM's time zone. */
  date: string
  /** Stores by status (archived ones apart); every status present, 0 when none. */
  counts: Record<StoreStatus, number>
  /** false: no check was recorded that day, the counts are the last known ones carried over. */
  recorded: boolean
}

export interface StatusHistory {
  /** Oldest first, from the first day with known counts (at most 90 days ago) to today. */
  days: StatusHistoryDay[]
  /** Days of the window with a recorded check. */
  recordedDays: number
  /** How many days the window covers (90). */
  windowDays: number
  timeZone: string
}
