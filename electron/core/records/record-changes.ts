/**
 * What an import row would change in a store's records, as history changes: the same lines the
 * preview shows for a matched store and the commit writes in the store's history.
 */
import type { FieldChange } from '../../shared/portfolio'
import { DATE_SOURCE_LABELS, SERVICE_VERSION_LABELS, SUBSCRIPTION_PERIOD_LABELS } from '../../shared/records'
import type { Authorization, Subscription } from '../../shared/records'
import type { ImportedRecords } from '../import/record-cells'
import { formatLocal, timeZoneOf } from '../status/calendar'

type SubscriptionShape = Pick<Subscription, 'serviceVersion' | 'period' | 'startAt' | 'endAt' | 'source'>

/** What a subscription change reads as in the store's history (dates in the store's country time). */
export function subscriptionChanges(before: SubscriptionShape | null, after: SubscriptionShape | null, country: string): FieldChange[] {
  const zone = timeZoneOf(country)
  const when = (instant: number | null | undefined) => (instant == null ? null : `${formatLocal(instant, zone)} (${country} time)`)
  const fields: [string, string, (s: SubscriptionShape | null) => string | null][] = [
    ['serviceVersion', 'Service version', (s) => (s ? SERVICE_VERSION_LABELS[s.serviceVersion] : null)],
    ['period', 'Period', (s) => (s ? SUBSCRIPTION_PERIOD_LABELS[s.period] : null)],
    ['startAt', 'Start Time', (s) => when(s?.startAt)],
    ['endAt', 'End Time', (s) => when(s?.endAt)],
    ['source', 'Dates from', (s) => (s ? DATE_SOURCE_LABELS[s.source] : null)]
  ]
  return fields
    .map(([field, label, read]) => ({ field, label, before: read(before), after: read(after) }))
    .filter((change) => change.before !== change.after)
}

type Imported = NonNullable<ImportedRecords['authorization']>

/** The changes an imported authorization makes to `same` (the store's authorization of that date, or null). */
export function authorizationChanges(same: Pick<Authorization, 'account' | 'reconnectedAt'> | null, imported: Imported, country: string): FieldChange[] {
  const zone = timeZoneOf(country)
  const when = (instant: number | null) => (instant === null ? null : `${formatLocal(instant, zone)} (${country} time)`)
  const changes: FieldChange[] = []
  if (!same) changes.push({ field: 'authorizedAt', label: 'Authorized', before: null, after: when(imported.authorizedAt) })
  const account = imported.account ?? same?.account ?? null
  if ((same?.account ?? null) !== account) changes.push({ field: 'account', label: 'Seller account', before: same?.account ?? null, after: account })
  const reconnectedAt = imported.reconnectedAt ?? same?.reconnectedAt ?? null
  if ((same?.reconnectedAt ?? null) !== reconnectedAt) {
    changes.push({ field: 'reconnectedAt', label: 'Reconnected in the OMS', before: when(same?.reconnectedAt ?? null), after: when(reconnectedAt) })
  }
  return changes
}

/** Every change `records` would make, given the store's current subscription and authorizations. */
export function importedRecordChanges(
  current: { subscription: Subscription | null; authorizations: readonly Authorization[] },
  records: ImportedRecords,
  country: string
): FieldChange[] {
  const changes: FieldChange[] = []
  if (records.subscription) changes.push(...subscriptionChanges(current.subscription, records.subscription, country))
  if (records.authorization) {
    const imported = records.authorization
    const same = current.authorizations.find((a) => a.authorizedAt === imported.authorizedAt) ?? null
    changes.push(...authorizationChanges(same, imported, country))
  }
  return changes
}
