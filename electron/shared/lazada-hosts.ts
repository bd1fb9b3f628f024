/**
 * Lazada's published API hosts (lazada-open-platform.md §4, §8): what the client calls unless the
 * integrator profile's `apiHosts` replaces one, and what Settings shows as each field's default.
 */
import type { CoveredCountry } from './countries'

/** Token create and refresh, for every country. */
export const LAZADA_AUTH_HOST = 'https://auth.lazada.com/rest'

export const LAZADA_GATEWAYS: Readonly<Record<CoveredCountry, string>> = {
  SG: 'https://api.lazada.sg/rest',
  MY: 'https://api.lazada.com.my/rest',
  TH: 'https://api.lazada.co.th/rest',
  PH: 'https://api.lazada.com.ph/rest',
  VN: 'https://api.lazada.vn/rest',
  ID: 'https://api.lazada.co.id/rest'
}
