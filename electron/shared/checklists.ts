/**
 * The checklists a KAM walks a seller through, as data: the integrator guide's steps (DESIGN.md §2)
 * with the guide's exact labels, per-country overrides, the client message templates, and the
 * shapes of a store's checklist runs. Text holds placeholders — {appName}, {omsName}, {country},
 * {store}, {client}, {deadline}, {link}, {support} — filled in per store by `fillPlaceholders`.
 */
import { z } from 'zod'
import { COVERED_COUNTRIES, countryInfo } from './countries'
import type { CoveredCountry } from './countries'
import { missingSetup, notPublishedReason, serviceMarketLinkFor } from './integrator'
import type { IntegratorProfile, MissingSetup } from './integrator'
import { SERVICE_VERSIONS, SUBSCRIPTION_PERIODS } from './records'
import type { Playbook } from './status'
import { PLAYBOOKS } from './status'

export { PLAYBOOKS }
export type { Playbook }

/** Step ids are stable across playbook versions: runs and evidence refer to them. */
export const STEP_IDS = ['order', 'confirm-order', 'open-ordered-services', 'use-service', 'agree', 'authorize', 'reconnect', 'connect'] as const
export type StepId = (typeof STEP_IDS)[number]

/** Values a step asks the KAM to record. */
export type StepCapture = 'subscription-dates'

/** Facts that tick a step by themselves. */
export type StepEvidence = 'authorization' | 'reconnected'

export interface PlaybookStep {
  id: StepId
  /** 1–7, as the app numbers the guide's steps (the guide skips 6). */
  number: number
  title: string
  /** What the seller does, with placeholders. */
  text: string
  /** The exact labels of Lazada's pages the step names, in the order the seller meets them. */
  labels: readonly string[]
  /** The step is where the country's Service Market link is used. */
  usesLink?: true
  /** What the KAM records at this step. */
  captures?: StepCapture
  /** What ticks the step without the KAM. */
  evidence?: StepEvidence
  /** A line for the KAM only (not in the client message). */
  kamHint?: string
}

export interface PlaybookDefinition {
  id: Playbook
  /** Raised whenever steps change; a run keeps the version it started with. */
  version: number
  title: string
  summary: string
  steps: readonly PlaybookStep[]
}

const SHARED_STEPS: readonly PlaybookStep[] = [
  {
    id: 'order',
    number: 1,
    title: 'Order the free service on Service Market',
    text: 'Log in to Lazada Seller Center and open the {appName} free subscription link for {country} on Lazada Service Market. Select the service version “Authorization Only” and the period “Half a year”, then click “Authorized Use”.',
    labels: ['Authorization Only', 'Half a year', 'Authorized Use'],
    usesLink: true
  },
  {
    id: 'confirm-order',
    number: 2,
    title: 'Confirm the order',
    text: 'On the Order Confirmation page, check the Start and End Time of the service, tick “Agreed and Signed” and click “Confirm”. Lazada shows “Successfully Ordered!”.',
    labels: ['Agreed and Signed', 'Confirm', 'Successfully Ordered!'],
    captures: 'subscription-dates',
    kamHint: 'Record the Start and End Time shown on Order Confirmation: they become the store’s subscription.'
  },
  {
    id: 'open-ordered-services',
    number: 3,
    title: 'Open the ordered services',
    text: 'On the “Successfully Ordered!” page, click “Authorized use of services”. Lazada opens the “Ordered Services” page.',
    labels: ['Successfully Ordered!', 'Authorized use of services', 'Ordered Services']
  },
  {
    id: 'use-service',
    number: 4,
    title: 'Use the service',
    text: 'Go to “My Service”, search for “{appName}” and click “Use Service”.',
    labels: ['My Service', 'Use Service']
  },
  {
    id: 'agree',
    number: 5,
    title: 'Agree in the popup',
    text: 'In the confirmation popup, tick the checkbox and click “Agree”.',
    labels: ['Agree']
  },
  {
    id: 'authorize',
    number: 6,
    title: 'Authorize on Lazada Open Platform',
    text: 'On the Lazada Open Platform authorization page, select the seller account’s country ({country}), enter the Seller Center e-mail and password of the account that ordered {appName}, tick “I agree to the Authorization Terms & Agreement” and click “Submit”. The {appName} login page opens: the order and the authorization went through.',
    labels: ['I agree to the Authorization Terms & Agreement', 'Submit'],
    evidence: 'authorization',
    kamHint: 'Ticks itself when the seller authorizes in Storewatch’s Lazada window (or when you record the authorization).'
  }
]

export const PLAYBOOK_DEFINITIONS: Record<Playbook, PlaybookDefinition> = {
  'renew-and-reauthorize': {
    id: 'renew-and-reauthorize',
    version: 1,
    title: 'Renew the subscription and reauthorize',
    summary: 'Order (or renew) the free “Authorization Only” service of {appName} on Lazada Service Market, authorize the app, then reconnect the store in {omsName}.',
    steps: [
      ...SHARED_STEPS,
      {
        id: 'reconnect',
        number: 7,
        title: 'Reconnect the store',
        text: 'Reconnect the store in {omsName}.',
        labels: [],
        evidence: 'reconnected',
        kamHint: 'Ticks itself when you mark the store reconnected.'
      }
    ]
  },
  'connect-new-store': {
    id: 'connect-new-store',
    version: 1,
    title: 'Subscribe and connect a new store',
    summary: 'Order the free “Authorization Only” service of {appName} on Lazada Service Market and authorize the app before the new store is connected to {omsName}.',
    steps: [
      ...SHARED_STEPS,
      {
        id: 'connect',
        number: 7,
        title: 'Connect the new store',
        text: 'Connect the new store in {omsName}.',
        labels: [],
        evidence: 'reconnected',
        kamHint: 'Ticks itself when you mark the store connected (reconnected).'
      }
    ]
  }
}

export interface CountryNote {
  /** The step the note belongs to; absent: the whole checklist. */
  step?: StepId
  text: string
}

/**
 * What differs per country. Every covered country gets its own Service Market link from the
 * integrator profile (`serviceMarketLinks`); the notes below are the guide's country remarks.
 */
export const COUNTRY_OVERRIDES: Partial<Record<CoveredCountry, { notes: readonly CountryNote[] }>> = {
  SG: {
    notes: [
      {
        step: 'order',
        text: 'Singapore’s Service Market also lists a paid version of {appName}. It is not recommended — the app is used only for authorization: choose “Authorization Only”.'
      }
    ]
  }
}

/** Replaces `{name}` placeholders; unknown names stay as they are. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole))
}

export interface ChecklistStep {
  id: StepId
  number: number
  title: string
  text: string
  labels: readonly string[]
  /** The country's Service Market link on the step that uses it (null: not set, see `missing`). */
  link: string | null
  captures: StepCapture | null
  evidence: StepEvidence | null
  kamHint: string | null
  notes: string[]
}

/** A playbook as it reads for one store, or why the store gets no steps. */
export type StoreChecklist =
  | {
      kind: 'steps'
      playbook: Playbook
      version: number
      title: string
      summary: string
      country: string
      countryName: string
      /** The country's free subscription link, or null when the profile lacks it. */
      link: string | null
      /** What the integrator profile lacks for this checklist; the steps still show. */
      missing: MissingSetup | null
      /** Notes about the whole checklist for this country. */
      notes: string[]
      steps: ChecklistStep[]
    }
  | { kind: 'not-published'; playbook: Playbook; version: number; title: string; country: string; countryName: string; message: string }
  | { kind: 'out-of-scope'; playbook: Playbook; country: string; countryName: string; message: string }

export interface ChecklistContext {
  country: string
  profile: IntegratorProfile
  policy: { coveredCountries: readonly string[] }
}

export function placeholderValues(profile: IntegratorProfile, country: string): Record<string, string> {
  return { appName: profile.appName, omsName: profile.omsName, support: profile.supportContact, country: countryInfo(country).name }
}

/** A playbook for a store's country: the steps with the country's link and notes, or why there are none. */
export function resolveChecklist(playbook: Playbook, { country, profile, policy }: ChecklistContext): StoreChecklist {
  const definition = PLAYBOOK_DEFINITIONS[playbook]
  const countryName = countryInfo(country).name
  const covered = policy.coveredCountries.includes(country) && (COVERED_COUNTRIES as readonly string[]).includes(country)
  if (!covered) {
    return {
      kind: 'out-of-scope',
      playbook,
      country,
      countryName,
      message: `${countryName} is outside Lazada’s Service Market rule: the store needs no subscription and no checklist.`
    }
  }
  const values = placeholderValues(profile, country)
  const title = fillPlaceholders(definition.title, values)
  const notPublished = notPublishedReason(profile, country)
  if (notPublished) return { kind: 'not-published', playbook, version: definition.version, title, country, countryName, message: notPublished }

  const link = serviceMarketLinkFor(profile, country)
  const notes = COUNTRY_OVERRIDES[country as CoveredCountry]?.notes ?? []
  return {
    kind: 'steps',
    playbook,
    version: definition.version,
    title,
    summary: fillPlaceholders(definition.summary, values),
    country,
    countryName,
    link,
    missing: missingSetup(profile, 'checklist', country),
    notes: notes.filter((n) => !n.step).map((n) => fillPlaceholders(n.text, values)),
    steps: definition.steps.map((step) => ({
      id: step.id,
      number: step.number,
      title: fillPlaceholders(step.title, values),
      text: fillPlaceholders(step.text, values),
      labels: step.labels,
      link: step.usesLink ? link : null,
      captures: step.captures ?? null,
      evidence: step.evidence ?? null,
      kamHint: step.kamHint ? fillPlaceholders(step.kamHint, values) : null,
      notes: notes.filter((n) => n.step === step.id).map((n) => fillPlaceholders(n.text, values))
    }))
  }
}

/** The step of a playbook that a kind of evidence ticks. */
export function evidenceStep(playbook: Playbook, evidence: StepEvidence): PlaybookStep | undefined {
  return PLAYBOOK_DEFINITIONS[playbook].steps.find((s) => s.evidence === evidence)
}

// ——— Client message ————————————————————————————————————————————————

export interface ClientMessageTemplate {
  subject: string
  /**
   * Placeholders: {store}, {client}, {contact} (the contact's name, else the client), {country},
   * {deadline} ("by 14 Mar 2026" in the store's country time, or "as soon as possible"), {link},
   * {appName}, {omsName}, {support}; `{steps}` becomes the numbered steps with the country's link
   * and notes, `{notes}` the country's general notes (a paragraph, or nothing).
   */
  body: string
}

export const CLIENT_MESSAGE_TEMPLATES: Record<Playbook, ClientMessageTemplate> = {
  'renew-and-reauthorize': {
    subject: '{store}: please renew {appName} on Lazada Service Market {deadline}',
    body: [
      'Hello {contact},',
      '',
      'To keep {client}’s store {store} (Lazada {country}) syncing orders with {omsName}, please renew the free “Authorization Only” subscription of {appName} on Lazada Service Market and authorize the app again {deadline}. It takes about 3 minutes:',
      '',
      '{steps}',
      '',
      '{notes}If anything is unclear, reply to this e-mail or write to {support}.',
      '',
      'Thank you'
    ].join('\n')
  },
  'connect-new-store': {
    subject: '{store}: please order {appName} on Lazada Service Market before we connect the store',
    body: [
      'Hello {contact},',
      '',
      'Before {client}’s store {store} (Lazada {country}) can be connected to {omsName}, please order the free “Authorization Only” subscription of {appName} on Lazada Service Market and authorize the app {deadline}. It takes about 3 minutes:',
      '',
      '{steps}',
      '',
      '{notes}If anything is unclear, reply to this e-mail or write to {support}.',
      '',
      'Thank you'
    ].join('\n')
  }
}

export interface ClientMessage {
  storeId: number
  playbook: Playbook
  subject: string
  body: string
  /** Subject and body as one text to copy. */
  text: string
  /** The store's contact e-mail, or null. */
  to: string | null
  /** An e-mail draft for the contact (subject and body encoded); null without a contact e-mail. */
  mailto: string | null
  /** What the KAM should know before sending: no contact e-mail, no link, not published… */
  warnings: string[]
}

export const CLIENT_MESSAGE_ACTIONS = ['copied', 'emailed'] as const
export type ClientMessageAction = (typeof CLIENT_MESSAGE_ACTIONS)[number]

// ——— Runs ———————————————————————————————————————————————————————————

export const RUN_STATUSES = ['open', 'finished', 'cancelled'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

/** Who ticked a step: the KAM by hand, or evidence (a captured authorization, a reconnect). */
export type TickSource = 'kam' | 'evidence'

const instant = z.number().int().min(0).max(8_640_000_000_000)

/** Step 2's values: the Start and End Time off Lazada's Order Confirmation page. */
export const subscriptionDatesSchema = z
  .strictObject({
    startAt: instant,
    endAt: instant,
    serviceVersion: z.enum(SERVICE_VERSIONS).default('authorization-only'),
    period: z.enum(SUBSCRIPTION_PERIODS).default('half-year')
  })
  .superRefine((v, ctx) => {
    if (v.endAt <= v.startAt) ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'The End Time must be after the Start Time' })
  })
export type SubscriptionDates = z.output<typeof subscriptionDatesSchema>

export interface ChecklistRunStep {
  stepId: StepId
  number: number
  title: string
  done: boolean
  doneAt: number | null
  doneBy: string | null
  doneVia: TickSource | null
  note: string | null
  noteAt: number | null
  noteBy: string | null
  values: SubscriptionDates | null
}

export interface ChecklistRun {
  id: number
  storeId: number
  playbook: Playbook
  /** The playbook version the run started with. */
  version: number
  country: string
  status: RunStatus
  startedAt: number
  startedBy: string
  endedAt: number | null
  endedBy: string | null
  endNote: string | null
  steps: ChecklistRunStep[]
}

/** Where the status rules point, located in the checklist (and in the open run, if there is one). */
export interface NextChecklistStep {
  playbook: Playbook
  stepId: StepId
  number: number
  label: string
  /** The open run of that playbook, or null: the KAM can start one. */
  runId: number | null
}

/** Everything the store page needs for checklists. */
export interface StoreChecklists {
  storeId: number
  /** The playbook the store's status points at; null when it points nowhere (healthy, out of scope). */
  suggested: Playbook | null
  /** Each playbook as it reads for this store. */
  checklists: Record<Playbook, StoreChecklist>
  /** Open runs first, then the earlier ones, newest first. */
  runs: ChecklistRun[]
  next: NextChecklistStep | null
  /** Whether "Reauthorize" can open Lazada's page, and what to set first if not. */
  authorize: { ready: boolean; message: string | null }
}
