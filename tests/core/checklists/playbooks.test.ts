/** The playbooks as data: the guide's steps and exact labels, numbering, stable ids, country overrides. */
import { describe, expect, it } from 'vitest'
import { COUNTRY_OVERRIDES, PLAYBOOK_DEFINITIONS, STEP_IDS, fillPlaceholders, resolveChecklist } from '../../../electron/shared/checklists'
import type { StoreChecklist } from '../../../electron/shared/checklists'
import { COVERED_COUNTRIES } from '../../../electron/shared/countries'
import { DEFAULT_INTEGRATOR_PROFILE } from '../../../electron/shared/integrator'
import type { IntegratorProfile } from '../../../electron/shared/integrator'
import { DEFAULT_STATUS_POLICY } from '../../../electron/shared/status'

const GUIDE_LABELS = [
  'Authorization Only',
  'Half a year',
  'Authorized Use',
  'Agreed and Signed',
  'Confirm',
  'Successfully Ordered!',
  'Authorized use of services',
  'Ordered Services',
  'My Service',
  'Use Service',
  'Agree',
  'I agree to the Authorization Terms & Agreement',
  'Submit'
]

const profile: IntegratorProfile = {
  ...DEFAULT_INTEGRATOR_PROFILE,
  serviceMarketLinks: { ...DEFAULT_INTEGRATOR_PROFILE.serviceMarketLinks, SG: 'https://marketplace.lazada.sg/web/detail.html?articleCode=FW_GOODS-1', VN: 'https://marketplace.lazada.vn/web/detail.html?articleCode=FW_GOODS-2' }
}

function steps(checklist: StoreChecklist) {
  if (checklist.kind !== 'steps') throw new Error(`expected steps, got ${checklist.kind}`)
  return checklist
}

describe('playbooks', () => {
  it.each(Object.values(PLAYBOOK_DEFINITIONS))('$id numbers its seven steps 1–7 with stable ids and a version', (playbook) => {
    expect(playbook.version).toBeGreaterThanOrEqual(1)
    expect(playbook.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7])
    for (const s of playbook.steps) expect(STEP_IDS).toContain(s.id)
    expect(new Set(playbook.steps.map((s) => s.id)).size).toBe(7)
  })

  it('uses each of the guide’s labels, verbatim and quoted, in the step that names it', () => {
    for (const playbook of Object.values(PLAYBOOK_DEFINITIONS)) {
      const labels = playbook.steps.flatMap((s) => s.labels)
      for (const label of GUIDE_LABELS) expect(labels).toContain(label)
      for (const s of playbook.steps) for (const label of s.labels) expect(s.text).toContain(`“${label}”`)
    }
  })

  it('follows the guide’s order: order, confirm, ordered services, use service, agree, authorize, then the OMS', () => {
    const renew = PLAYBOOK_DEFINITIONS['renew-and-reauthorize'].steps
    expect(renew.map((s) => s.id)).toEqual(['order', 'confirm-order', 'open-ordered-services', 'use-service', 'agree', 'authorize', 'reconnect'])
    expect(renew.find((s) => s.id === 'order')!.labels).toEqual(['Authorization Only', 'Half a year', 'Authorized Use'])
    expect(renew.find((s) => s.id === 'authorize')!.labels).toEqual(['I agree to the Authorization Terms & Agreement', 'Submit'])
    const connect = PLAYBOOK_DEFINITIONS['connect-new-store'].steps
    expect(connect.slice(0, 6)).toEqual(renew.slice(0, 6))
    expect(connect[6]).toMatchObject({ id: 'connect', number: 7, text: 'Connect the new store in {omsName}.', evidence: 'reconnected' })
  })

  it('says which step captures values and which steps evidence ticks', () => {
    for (const playbook of Object.values(PLAYBOOK_DEFINITIONS)) {
      expect(playbook.steps.filter((s) => s.captures).map((s) => [s.number, s.captures])).toEqual([[2, 'subscription-dates']])
      expect(playbook.steps.filter((s) => s.evidence).map((s) => [s.number, s.evidence])).toEqual([
        [6, 'authorization'],
        [7, 'reconnected']
      ])
    }
  })
})

describe('a playbook for a store’s country', () => {
  const policy = DEFAULT_STATUS_POLICY

  it('fills in the app, the OMS, the country and the country’s link', () => {
    const sg = steps(resolveChecklist('renew-and-reauthorize', { country: 'SG', profile, policy }))
    expect(sg).toMatchObject({ country: 'SG', countryName: 'Singapore', link: profile.serviceMarketLinks.SG, missing: null })
    expect(sg.steps[0]).toMatchObject({
      text: 'Log in to Lazada Seller Center and open the Anchanto OM free subscription link for Singapore on Lazada Service Market. Select the service version “Authorization Only” and the period “Half a year”, then click “Authorized Use”.',
      link: profile.serviceMarketLinks.SG
    })
    expect(sg.steps[3]!.text).toBe('Go to “My Service”, search for “Anchanto OM” and click “Use Service”.')
    expect(sg.steps[5]!.text).toContain('select the seller account’s country (Singapore)')
    expect(sg.steps[6]!.text).toBe('Reconnect the store in Anchanto OMS.')
    expect(sg.steps.filter((s) => s.link).map((s) => s.number)).toEqual([1])
    const vn = steps(resolveChecklist('connect-new-store', { country: 'VN', profile, policy }))
    expect(vn.link).toBe(profile.serviceMarketLinks.VN)
    expect(vn.steps[6]!.text).toBe('Connect the new store in Anchanto OMS.')
  })

  it('adds Singapore’s note on the paid version to step 1, and nothing elsewhere', () => {
    const sg = steps(resolveChecklist('renew-and-reauthorize', { country: 'SG', profile, policy }))
    expect(sg.steps[0]!.notes).toEqual([
      'Singapore’s Service Market also lists a paid version of Anchanto OM. It is not recommended — the app is used only for authorization: choose “Authorization Only”.'
    ])
    expect(sg.steps.slice(1).every((s) => s.notes.length === 0)).toBe(true)
    for (const country of COVERED_COUNTRIES.filter((c) => c !== 'SG')) {
      expect(steps(resolveChecklist('renew-and-reauthorize', { country, profile, policy })).steps.every((s) => s.notes.length === 0)).toBe(true)
    }
    expect(Object.keys(COUNTRY_OVERRIDES)).toEqual(['SG'])
  })

  it('still shows the steps without a link, and says what to set', () => {
    const th = steps(resolveChecklist('renew-and-reauthorize', { country: 'TH', profile, policy }))
    expect(th.link).toBeNull()
    expect(th.steps[0]!.link).toBeNull()
    expect(th.missing).toEqual({
      use: 'checklist',
      fields: ['serviceMarketLinks.TH'],
      message: 'To give the seller the Service Market link, set the free subscription link for Thailand in Settings → Integrator.'
    })
  })

  it('follows the profile’s names', () => {
    const other = { ...profile, appName: 'Acme Connect', omsName: 'Acme Hub' }
    const my = steps(resolveChecklist('renew-and-reauthorize', { country: 'MY', profile: other, policy }))
    expect(my.steps[3]!.text).toContain('search for “Acme Connect”')
    expect(my.steps[6]!.text).toBe('Reconnect the store in Acme Hub.')
  })

  it('has no steps where the app is not published, or the country is out of scope', () => {
    expect(resolveChecklist('renew-and-reauthorize', { country: 'ID', profile: { ...profile, publishedCountries: ['SG', 'MY', 'TH', 'PH', 'VN'] }, policy })).toMatchObject({
      kind: 'not-published',
      message: expect.stringContaining('Anchanto OM is not published on Indonesia’s Lazada Service Market')
    })
    expect(resolveChecklist('renew-and-reauthorize', { country: 'PH', profile: { ...profile, publishedCountries: ['SG'] }, policy }).kind).toBe('not-published')
    expect(resolveChecklist('connect-new-store', { country: 'KR', profile, policy })).toMatchObject({ kind: 'out-of-scope', countryName: 'South Korea' })
    expect(resolveChecklist('connect-new-store', { country: 'SG', profile, policy: { ...policy, coveredCountries: ['MY'] } }).kind).toBe('out-of-scope')
  })
})

describe('placeholders', () => {
  it('replaces known names and leaves unknown ones, without expanding inserted text', () => {
    expect(fillPlaceholders('{a} and {b} and {missing}', { a: '{b}', b: 'B' })).toBe('{b} and B and {missing}')
    expect(fillPlaceholders('{constructor}{toString}', {})).toBe('{constructor}{toString}')
  })
})
