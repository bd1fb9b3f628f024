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
  /** The KAM cancelled it while it asked Lazada (`remote` says how far it got). */
  cancelled?: boolean
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
