/**
 * "My stores": the stores whose owner is the KAM. One rule, used by the dashboard, the reminders
 * and (issue #10) the notification centre: the owner and the KAM's name match when they are equal
 * once trimmed and lower-cased (and
 * their letters composed alike, NFC). A KAM who has not given a name owns no store.
 */

/** Which stores a view or the reminders cover: every store, or the KAM's own. */
export const STORE_SCOPES = ['all', 'mine'] as const
export type StoreScope = (typeof STORE_SCOPES)[number]

export const STORE_SCOPE_LABELS: Record<StoreScope, string> = { all: 'All stores', mine: 'My stores' }

/** The form of a name that the rule compares. */
export function ownerKey(name: string | null | undefined): string {
  return (name ?? '').normalize('NFC').trim().toLowerCase()
}

/** True when `owner` (a store's owner) is the KAM named `kamName`. */
export function isOwnedBy(owner: string | null | undefined, kamName: string | null | undefined): boolean {
  const kam = ownerKey(kamName)
  return kam !== '' && ownerKey(owner) === kam
}

/** "My stores" narrows only once the KAM has a name; without one the scope is every store. */
export function effectiveScope(scope: StoreScope, kamName: string | null | undefined): StoreScope {
  return scope === 'mine' && ownerKey(kamName) !== '' ? 'mine' : 'all'
}
