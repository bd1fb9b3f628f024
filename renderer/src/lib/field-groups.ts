/** How store fields are grouped on the store page and in the form: the order a KAM thinks in. */
import type { StoreFieldKey } from '../../../electron/shared/store-fields'

export interface FieldGroup {
  title: string
  fields: StoreFieldKey[]
}

export const FIELD_GROUPS: readonly FieldGroup[] = [
  { title: 'Store', fields: ['clientName', 'storeName', 'country'] },
  { title: 'Seller', fields: ['sellerShortCode', 'sellerId', 'loginEmail'] },
  { title: 'Contact', fields: ['contactName', 'contactEmail', 'contactPhone', 'contactChannel'] },
  { title: 'Management', fields: ['omsStoreRef', 'ownerKam', 'tags', 'notes'] }
]
