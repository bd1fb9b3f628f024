/** CSV export of a view, in the template's columns, with formula-looking cells neutralized. (Being written for issue #2.) */
import type { Store } from '../../shared/portfolio'

export function storesToCsv(stores: readonly Store[]): string {
  void stores
  throw new Error('CSV export is not built yet')
}
