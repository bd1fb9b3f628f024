/** How store values read in history entries, labels and messages. */
import { countryInfo } from '../../shared/countries'
import type { FieldChange } from '../../shared/portfolio'
import { CONTACT_CHANNEL_LABELS, STORE_FIELDS } from '../../shared/store-fields'
import type { StoreInput } from '../../shared/store-fields'

export function displayValue(input: StoreInput, key: keyof StoreInput): string | null {
  const value = input[key]
  if (value === null || value === undefined || value === '') return null
  if (key === 'tags') return (value as string[]).length ? (value as string[]).join(', ') : null
  if (key === 'contactChannel') return CONTACT_CHANNEL_LABELS[value as keyof typeof CONTACT_CHANNEL_LABELS]
  return String(value)
}

/** The fields whose shown value differs between two versions of a store, in form order. */
export function diffStores(before: StoreInput, after: StoreInput): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of STORE_FIELDS) {
    const a = displayValue(before, field.key)
    const b = displayValue(after, field.key)
    if (a !== b) changes.push({ field: field.key, label: field.label, before: a, after: b })
  }
  return changes
}

/** "Acme Pte Ltd — Acme Official (SG)" */
export function storeLabel(store: Pick<StoreInput, 'clientName' | 'storeName' | 'country'>): string {
  return `${store.clientName} — ${store.storeName} (${store.country})`
}

export function countryName(code: string): string {
  return countryInfo(code).name
}

/** Lower-cased text the portfolio search looks through. */
export function searchTextOf(input: StoreInput): string {
  return [
    input.clientName,
    input.storeName,
    input.country,
    countryName(input.country),
    input.sellerShortCode,
    input.sellerId,
    input.loginEmail,
    input.contactName,
    input.contactEmail,
    input.contactPhone,
    input.omsStoreRef,
    input.ownerKam,
    input.tags.join(' '),
    input.notes
  ]
    .filter((v): v is string => !!v)
    .join('\n')
    .toLowerCase()
}
