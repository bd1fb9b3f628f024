/**
 * Plausible, repeatable portfolios for the preview, the end-to-end tests and the benchmarks.
 */
import { Faker, en } from '@faker-js/faker'
import { stringify } from 'csv-stringify/sync'
import type { StoreService } from '../../electron/core/portfolio/store-service'
import { STORE_FIELDS, storeInputSchema } from '../../electron/shared/store-fields'
import type { StoreInput } from '../../electron/shared/store-fields'

const COUNTRY_WEIGHTS: [string, number][] = [
  ['SG', 22],
  ['MY', 20],
  ['TH', 16],
  ['PH', 16],
  ['VN', 12],
  ['ID', 12],
  ['KR', 2]
]
const OWNERS = ['Aisha Rahman', 'Ben Tan', 'Chloe Nguyen', 'Dimas Putra', 'Erin Santos']
const TAGS = ['VIP', 'Fashion', 'Electronics', 'Beauty', 'Home', 'Onboarding', 'At risk', 'Cross-border']
const CHANNELS = ['email', 'phone', 'whatsapp', 'line', 'zalo'] as const
const SUFFIX: Record<string, string> = { SG: 'Pte Ltd', MY: 'Sdn Bhd', TH: 'Co., Ltd.', PH: 'Inc.', VN: 'JSC', ID: 'PT', KR: 'Co., Ltd.' }
const PHONE: Record<string, string> = { SG: '+65', MY: '+60', TH: '+66', PH: '+63', VN: '+84', ID: '+62', KR: '+82' }

/** `count` distinct store inputs; the same seed always gives the same stores. */
export function demoStoreInputs(count: number, seed = 20240301): StoreInput[] {
  const faker = new Faker({ locale: [en] })
  faker.seed(seed)
  const inputs: StoreInput[] = []
  for (let i = 0; i < count; i++) {
    const country = faker.helpers.weightedArrayElement(COUNTRY_WEIGHTS.map(([value, weight]) => ({ value, weight })))
    const brand = faker.company.name().replace(/[^A-Za-z0-9 &-]/g, '').trim()
    const client = country === 'ID' ? `PT ${brand}` : `${brand} ${SUFFIX[country]}`
    const contact = faker.person.fullName()
    const slug = brand.toLowerCase().replace(/[^a-z0-9]+/g, '')
    inputs.push(
      storeInputSchema.parse({
        clientName: client,
        storeName: `${brand} ${faker.helpers.arrayElement(['Official Store', 'Flagship', 'Mall', 'Outlet', 'Shop'])}`,
        country,
        // The index keeps short codes unique however the random part falls.
        sellerShortCode: `${country}${faker.string.alphanumeric({ length: 6, casing: 'upper' })}${i.toString(36).toUpperCase()}`,
        sellerId: String(faker.number.int({ min: 100000000, max: 999999999 })),
        loginEmail: `seller.${slug}.${i}@example.com`,
        contactName: contact,
        contactEmail: `${contact.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@example.com`,
        contactPhone: `${PHONE[country]} ${faker.string.numeric(4)} ${faker.string.numeric(4)}`,
        contactChannel: faker.helpers.arrayElement(CHANNELS),
        omsStoreRef: `OMS-${faker.string.numeric(6)}`,
        ownerKam: faker.helpers.arrayElement(OWNERS),
        tags: faker.helpers.arrayElements(TAGS, { min: 0, max: 2 }),
        notes: faker.helpers.maybe(() => faker.lorem.sentence(), { probability: 0.2 }) ?? null
      }) as StoreInput
    )
  }
  return inputs
}

/** Adds `count` demo stores, and a few edits so store pages have history. */
export function seedDemoPortfolio(stores: StoreService, count: number, seed?: number): void {
  const inputs = demoStoreInputs(count, seed)
  stores.transaction(() => {
    inputs.forEach((input, i) => {
      const created = stores.create(input)
      if (i % 7 === 0) stores.update(created.id, { ...input, ownerKam: OWNERS[(i + 1) % OWNERS.length] ?? null, notes: 'Asked the seller to renew before the end of the month.' })
      if (i % 50 === 3) stores.archive(created.id)
    })
  })
}

/** The inputs as a CSV file in the import template's columns. */
export function storesCsv(inputs: readonly StoreInput[], delimiter: ',' | ';' = ','): string {
  const header = STORE_FIELDS.map((f) => f.csvColumn)
  const rows = inputs.map((input) =>
    STORE_FIELDS.map((f) => {
      const value = input[f.key]
      return Array.isArray(value) ? value.join('|') : (value ?? '')
    })
  )
  return stringify([header, ...rows], { delimiter, record_delimiter: 'unix' })
}
