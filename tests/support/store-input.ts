/** A valid store for tests, normalized the way main normalizes it; override what the test is about. */
import { storeInputSchema } from '../../electron/shared/store-fields'
import type { StoreInput, StoreInputDraft } from '../../electron/shared/store-fields'

export function storeInput(draft: Partial<StoreInputDraft> = {}): StoreInput {
  return storeInputSchema.parse({
    clientName: 'Acme Pte Ltd',
    storeName: 'Acme Official',
    country: 'SG',
    sellerShortCode: 'SG10000001',
    ...draft
  }) as StoreInput
}
