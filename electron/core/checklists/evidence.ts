/**
 * Evidence that ticks checklist steps by itself: recording an authorization completes the
 * authorization step of the store's open runs, and "Mark reconnected" completes the last step.
 * The records service is wrapped, so every caller (IPC, the authorization window, imports to
 * come) gets the ticks, in the same transaction as the record.
 */
import { AUTHORIZATION_METHOD_LABELS } from '../../shared/records'
import type { DatabaseHandle } from '../db/open-database'
import type { RecordsService } from '../records/records-service'
import type { ChecklistService } from './checklist-service'
import { writeTransaction } from '../db/write-transaction'

export function withChecklistEvidence(
  records: RecordsService,
  checklists: Pick<ChecklistService, 'applyEvidence'>,
  database: Pick<DatabaseHandle, 'sqlite'>
): RecordsService {
  return {
    ...records,

    recordAuthorization(storeId, input) {
      return writeTransaction(database.sqlite, () => {
        const created = records.recordAuthorization(storeId, input)
        checklists.applyEvidence(storeId, 'authorization', `Authorization recorded: ${AUTHORIZATION_METHOD_LABELS[input.method]}`)
        if (input.reconnected) checklists.applyEvidence(storeId, 'reconnected', 'Recorded as reconnected with the authorization')
        return created
      })
    },

    markReconnected(storeId, reconnectedAt) {
      writeTransaction(database.sqlite, () => {
        records.markReconnected(storeId, reconnectedAt)
        checklists.applyEvidence(storeId, 'reconnected', 'Marked reconnected in the OMS')
      })
    }
  }
}
