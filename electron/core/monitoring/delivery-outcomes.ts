/**
 * Hands a check's reminders to the OS after its commit, and stores what became of each: delivered,
 * failed with the OS's reason, or muted ("Remind me only about my stores").
 */
import type Database from 'better-sqlite3'
import { writeTransaction } from '../db/write-transaction'
import type { Clock, Logger, Notifier } from '../ports'
import { messageOf, type CheckStatements } from './check-statements'
import { deliver, type Delivery } from './delivery'
import type { NarrowDeliveries } from './reminder-scope'

export interface DeliveryOutcomesDeps {
  sqlite: Database.Database
  statements: CheckStatements
  notifier: Notifier
  clock: Clock
  logger: Logger
  narrowDeliveries?: NarrowDeliveries
}

export function createDeliverAll({ sqlite, statements, notifier, clock, logger, narrowDeliveries }: DeliveryOutcomesDeps) {
  return async function deliverAll(all: Delivery[]): Promise<void> {
    if (all.length === 0) return
    const { shown: deliveries, muted } = narrowDeliveries?.(all) ?? { shown: all, muted: [] }
    const outcomes = deliveries.length ? await deliver(notifier, deliveries) : []
    const at = clock.now()
    try {
      writeTransaction(sqlite, () => {
        if (muted.length) statements.muted.run(JSON.stringify(muted))
        for (const { reminderIds, outcome } of outcomes) {
          if (outcome.delivered) statements.delivered.run(at, JSON.stringify(reminderIds))
          else statements.failed.run(outcome.error, JSON.stringify(reminderIds))
        }
      })
    } catch (error) {
      logger.error('could not store notification outcomes', { error: messageOf(error) })
    }
    for (const { reminderIds, outcome } of outcomes) {
      if (!outcome.delivered) logger.warn('the OS did not show a notification; its reminders stay in the notification centre', { error: outcome.error, reminders: reminderIds.length })
    }
  }
}
