/** The CSV template: every column, and one example row that an import refuses until it is deleted. */
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

export function templateCsv(): string {
  return writeCsv(TEMPLATE_COLUMNS, [STORE_FIELDS.map((f) => cellOf(TEMPLATE_EXAMPLE, f))])
}
