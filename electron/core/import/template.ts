/** The CSV template: every column, and one example row that an import refuses until it is deleted. */
import { RECORD_COLUMNS } from '../../shared/csv-import'
import type { RecordColumnKey } from '../../shared/csv-import'
import { STORE_FIELDS } from '../../shared/store-fields'
import type { StoreInput } from '../../shared/store-fields'
import { TEMPLATE_COLUMNS, cellOf, writeCsv } from '../portfolio/csv-columns'

export const TEMPLATE_EXAMPLE: StoreInput = {
  clientName: 'Example Client Pte Ltd',
  storeName: 'Example Store',
  country: 'SG',
  sellerShortCode: 'SG1A2B3C4D',
  sellerId: '1000123456',
  loginEmail: 'seller@example.com',
  contactName: 'Jane Tan',
  contactEmail: 'jane.tan@example.com',
  contactPhone: '+65 6123 4567',
  contactChannel: 'whatsapp',
  omsStoreRef: 'OMS-1001',
  ownerKam: 'Your Name',
  tags: ['fashion', 'priority'],
  notes: 'Example row: delete it, then add your stores, one per row'
}

export function isTemplateExample(input: StoreInput): boolean {
  const same = (a: string | null, b: string | null) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase()
  return (
    (same(input.clientName, TEMPLATE_EXAMPLE.clientName) && same(input.storeName, TEMPLATE_EXAMPLE.storeName)) ||
    (input.country === TEMPLATE_EXAMPLE.country && input.sellerShortCode === TEMPLATE_EXAMPLE.sellerShortCode)
  )
}

/** The example's records, in the forms people type: dates in the store's country time. */
const TEMPLATE_RECORD_CELLS: Record<RecordColumnKey, string> = {
  serviceVersion: 'Authorization Only',
  period: 'Half a year',
  startAt: '3 Jun 2026',
  endAt: '3 Dec 2026',
  authorizedAt: '2026-06-03 10:00',
  authorizedAccount: 'seller@example.com',
  reconnectedAt: '2026-06-03 10:30'
}

export function templateCsv(): string {
  return writeCsv(TEMPLATE_COLUMNS, [[...STORE_FIELDS.map((f) => cellOf(TEMPLATE_EXAMPLE, f)), ...RECORD_COLUMNS.map((c) => TEMPLATE_RECORD_CELLS[c.key])]])
}
