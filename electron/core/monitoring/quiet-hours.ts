/** Quiet hours: a daily window in the KAM's own time when reminders are held, not shown. */
import { DateTime } from 'luxon'
import type { ReminderSettings } from '../../shared/settings'

function minutes(clock: string): number {
  const [hours, mins] = clock.split(':').map(Number)
  return hours! * 60 + mins!
}

/** Whether `now` falls in the window; a window may cross midnight (20:00–08:00). Equal ends: no window. */
export function inQuietHours(now: number, quiet: ReminderSettings['quietHours'], timeZone: string): boolean {
  if (!quiet.enabled) return false
  const start = minutes(quiet.start)
  const end = minutes(quiet.end)
  const local = DateTime.fromMillis(now, { zone: timeZone })
  const minute = local.hour * 60 + local.minute
  return start < end ? minute >= start && minute < end : start > end && (minute >= start || minute < end)
}
