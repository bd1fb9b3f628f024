/**
 * Rows that match a store already in the portfolio (by short code, else login e-mail, within the
 * country): what an update would change, and which store each planned row matched, so the commit
 * can tell whether the portfolio moved since the preview.
 */
import type { ImportConflict } from '../../shared/csv-import'
import type { FieldChange } from '../../shared/portfolio'
import { diffStores, storeLabel } from '../portfolio/store-display'
import { inputOf } from '../portfolio/store-service'
import type { StoreRow } from '../portfolio/store-service'
import { mergeInto } from './check-rows'
import type { PlannedRow } from './check-rows'
import { echoOrNull } from './echo'

/** The conflict the preview shows for a row that matches `existing`; `recordChanges`: what the row changes in its records. */
export function conflictOf(plan: PlannedRow, existing: StoreRow, recordChanges: readonly FieldChange[] = []): ImportConflict {
  const before = inputOf(existing)
  return {
    row: plan.row,
    existingStoreId: existing.id,
    existingStoreLabel: storeLabel(existing),
    existingArchived: existing.archivedAt !== null,
    matchedOn: plan.input.sellerShortCode ? 'seller short code' : 'login e-mail',
    changes: [...diffStores(before, mergeInto(before, plan)), ...recordChanges].map((change) => ({
      ...change,
      before: echoOrNull(change.before),
      after: echoOrNull(change.after)
    }))
  }
}

/** The store each planned row matched at the preview (0: none), by the row's place among the planned rows. */
export class MatchedIds {
  private ids: Float64Array
  private count = 0

  constructor(ids?: Float64Array) {
    this.ids = ids ?? new Float64Array(1024)
    this.count = ids?.length ?? 0
  }

  push(id: number): void {
    if (this.count === this.ids.length) {
      const grown = new Float64Array(this.ids.length * 2)
      grown.set(this.ids)
      this.ids = grown
    }
    this.ids[this.count++] = id
  }

  /** The store the planned row at `index` matched, or 0. */
  at(index: number): number {
    return index < this.count ? this.ids[index]! : 0
  }

  get length(): number {
    return this.count
  }

  /** A copy trimmed to the rows pushed, to hand to another thread. */
  toArray(): Float64Array {
    return this.ids.slice(0, this.count)
  }
}
