/** Hands reminders to the OS: one notification each, or one digest when many go out together. */
import type { NotificationOutcome, NotificationRequest, Notifier } from '../ports'
import { DIGEST_THRESHOLD, digestText } from './notification-text'

export interface Delivery {
  reminderId: number
  storeId: number
  storeName: string
  country: string
  daysLeft: number
  passed: boolean
  title: string
  body: string
}

export interface DeliveryOutcome {
  reminderIds: number[]
  outcome: NotificationOutcome
}

async function show(notifier: Notifier, request: NotificationRequest): Promise<NotificationOutcome> {
  try {
    return await notifier.show(request)
  } catch (error) {
    return { delivered: false, error: error instanceof Error ? error.message : String(error) }
  }
}

export async function deliver(notifier: Notifier, deliveries: readonly Delivery[]): Promise<DeliveryOutcome[]> {
  if (deliveries.length > DIGEST_THRESHOLD) {
    const storeIds = [...new Set(deliveries.map((d) => d.storeId))]
    const outcome = await show(notifier, { ...digestText(deliveries), target: { kind: 'stores', storeIds } })
    return [{ reminderIds: deliveries.map((d) => d.reminderId), outcome }]
  }
  const outcomes: DeliveryOutcome[] = []
  for (const d of deliveries) {
    outcomes.push({ reminderIds: [d.reminderId], outcome: await show(notifier, { title: d.title, body: d.body, target: { kind: 'store', storeId: d.storeId } }) })
  }
  return outcomes
}
