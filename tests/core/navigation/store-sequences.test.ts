import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { storeSelectionSchema, portfolioQuerySchema } from '../../../electron/shared/portfolio'
import { sequenceStartSchema } from '../../../electron/shared/store-sequence'
import type { SequenceStartInput } from '../../../electron/shared/store-sequence'
import { KEPT_SEQUENCES } from '../../../electron/core/navigation/store-sequences'
import { storeInput } from '../../support/store-input'
import { createTestCore } from '../../support/test-core'
import type { TestCore } from '../../support/test-core'
import { openTestDatabase } from '../../support/test-database'
import type { TestDatabase } from '../../support/test-database'

let database: TestDatabase
let core: TestCore
const ids: Record<string, number> = {}

function start(input: SequenceStartInput) {
  return core.sequences.start(sequenceStartSchema.parse(input))
}

/** The list a sequence holds, walked with Next from its first store. */
function walk(sequenceId: number, first: number): string[] {
  const names: string[] = []
  let at: number | null = first
  while (at !== null) {
    const position = core.sequences.around(sequenceId, at)
    if (!position) break
    names.push(core.stores.view(at).storeName)
    at = position.next?.id ?? null
  }
  return names
}

beforeEach(() => {
  database = openTestDatabase()
  core = createTestCore(database)
  for (const [client, store, country] of [
    ['Delta', 'D1', 'SG'],
    ['alpha', 'A1', 'MY'],
    ['Charlie', 'C1', 'TH'],
    ['Bravo', 'B1', 'SG'],
    ['Echo', 'E1', 'VN']
  ] as const) {
    ids[store] = core.stores.create(storeInput({ clientName: client, storeName: store, country, sellerShortCode: `${country}${store}0001` })).id
  }
})
afterEach(() => database.close())

describe('next and previous over a portfolio view', () => {
  it('follows the view’s sort, says where the store stands and names its neighbours', () => {
    const { sequenceId, total } = start({ origin: 'portfolio', view: {} })
    expect(total).toBe(5)
    expect(walk(sequenceId, ids.A1!)).toEqual(['A1', 'B1', 'C1', 'D1', 'E1'])
    expect(core.sequences.around(sequenceId, ids.C1!)).toMatchObject({
      origin: 'portfolio',
      index: 2,
      total: 5,
      previous: { id: ids.B1, storeName: 'B1', clientName: 'Bravo', country: 'SG' },
      next: { id: ids.D1, storeName: 'D1' }
    })
  })

  it('has no previous at the first store and no next at the last', () => {
    const { sequenceId } = start({ origin: 'portfolio', view: {} })
    expect(core.sequences.around(sequenceId, ids.A1!)).toMatchObject({ index: 0, previous: null })
    expect(core.sequences.around(sequenceId, ids.E1!)).toMatchObject({ index: 4, next: null })
  })

  it('follows a descending sort and a filter', () => {
    const { sequenceId, total } = start({ origin: 'portfolio', view: { countries: ['SG', 'VN'], sort: { column: 'clientName', direction: 'desc' } } })
    expect(total).toBe(3)
    expect(walk(sequenceId, ids.E1!)).toEqual(['E1', 'D1', 'B1'])
    expect(core.sequences.around(sequenceId, ids.A1!)).toBeNull()
  })

  it('keeps only the selected rows, in the view’s order, whatever order they were picked in', () => {
    const view = portfolioQuerySchema.parse({ sort: { column: 'clientName', direction: 'desc' } })
    const { sequenceId, total } = start({ origin: 'portfolio', view, selection: { ids: [ids.A1!, ids.E1!, ids.C1!] } })
    expect(total).toBe(3)
    expect(walk(sequenceId, ids.E1!)).toEqual(['E1', 'C1', 'A1'])
    const allBut = start({ origin: 'portfolio', view, selection: storeSelectionSchema.parse({ allMatching: view, except: [ids.D1!] }) })
    expect(walk(allBut.sequenceId, ids.E1!)).toEqual(['E1', 'C1', 'B1', 'A1'])
  })
})

describe('next and previous over a given order (the worklist)', () => {
  it('keeps the order given, each store once', () => {
    const { sequenceId, total } = start({ origin: 'worklist', ids: [ids.D1!, ids.B1!, ids.E1!, ids.B1!] })
    expect(total).toBe(3)
    expect(walk(sequenceId, ids.D1!)).toEqual(['D1', 'B1', 'E1'])
    expect(core.sequences.around(sequenceId, ids.E1!)).toMatchObject({ origin: 'worklist', index: 2, total: 3, previous: { storeName: 'B1' }, next: null })
  })

  it('steps over a store deleted since the list was made', () => {
    const { sequenceId } = start({ origin: 'worklist', ids: [ids.D1!, ids.B1!, ids.E1!] })
    core.stores.delete(ids.B1!)
    expect(core.sequences.around(sequenceId, ids.D1!)?.next?.storeName).toBe('E1')
    expect(core.sequences.around(sequenceId, ids.E1!)?.previous?.storeName).toBe('D1')
  })

  it('forgets the oldest lists beyond the few it keeps', () => {
    const first = start({ origin: 'worklist', ids: [ids.A1!] })
    for (let i = 0; i < KEPT_SEQUENCES; i++) start({ origin: 'worklist', ids: [ids.A1!] })
    expect(core.sequences.around(first.sequenceId, ids.A1!)).toBeNull()
    expect(core.sequences.around(first.sequenceId + KEPT_SEQUENCES, ids.A1!)).not.toBeNull()
  })

  it('refuses an empty list at the contract', () => {
    expect(sequenceStartSchema.safeParse({ origin: 'worklist', ids: [] }).success).toBe(false)
  })
})
