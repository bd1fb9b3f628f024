/**
 * "Message for the client": the playbook's steps and the country's link as ready text, and as an
 * e-mail draft (`mailto:` with `to`, `subject` and `body` only, `mail-draft.ts`) to the store's contact. Templates are data (CLIENT_MESSAGE_TEMPLATES);
 * copying or sending is written to the store's history.
 */
import { eq } from 'drizzle-orm'
import { CLIENT_MESSAGE_TEMPLATES, PLAYBOOK_DEFINITIONS, fillPlaceholders, placeholderValues, resolveChecklist } from '../../shared/checklists'
import type { ClientMessage, ClientMessageAction, Playbook } from '../../shared/checklists'
import { countryInfo } from '../../shared/countries'
import { missingSetup } from '../../shared/integrator'
import type { DatabaseHandle } from '../db/open-database'
import { stores } from '../db/schema'
import { AppError } from '../errors'
import type { Actor, Clock } from '../ports'
import type { History } from '../portfolio/store-history'
import { mailDraftUrl } from '../security/mail-draft'
import type { SettingsService } from '../settings/settings-service'
import { formatLocalDate, lastDayStart, timeZoneOf } from '../status/calendar'
import type { StatusService } from '../status/status-service'


export interface MessageStore {
  id: number
  storeName: string
  clientName: string
  country: string
  contactName: string | null
  contactEmail: string | null
}

export interface MessageContext {
  store: MessageStore
  playbook: Playbook
  profile: Parameters<typeof resolveChecklist>[1]['profile']
  policy: Parameters<typeof resolveChecklist>[1]['policy']
  /** The deadline that matters for the store now (from its status), if any. */
  deadline: number | null
  now: number
}

/** What a store's message says: the template's values (its steps with the country's link, its deadline) and what the KAM should know. */
export interface StoreMessageParts {
  playbook: Playbook
  values: Record<string, string>
  warnings: string[]
}

/**
 * The filled-in parts of a store's message, or an error saying why there is nothing to send.
 * Pure; the one-store message and the message to a client about many stores both use it.
 */
export function storeMessageParts({ store, playbook, profile, policy, deadline, now }: MessageContext): StoreMessageParts {
  const content = resolveChecklist(playbook, { country: store.country, profile, policy })
  if (content.kind !== 'steps') throw new AppError('conflict', `There is nothing to send the client: ${content.message}`)
  const zone = timeZoneOf(store.country)
  const countryName = countryInfo(store.country).name
  const warnings: string[] = []

  const steps = content.steps.flatMap((step) => {
    const lines = [`${step.number}. ${step.text}`]
    if (PLAYBOOK_DEFINITIONS[playbook].steps.find((s) => s.id === step.id)?.usesLink) {
      lines.push(step.link ? `   ${step.link}` : `   (We will send you the ${countryName} link separately.)`)
    }
    for (const note of step.notes) lines.push(`   Note: ${note}`)
    return lines
  })
  const missing = missingSetup(profile, 'client-message', store.country)
  if (missing) warnings.push(missing.message)

  const values: Record<string, string> = {
    ...placeholderValues(profile, store.country),
    store: store.storeName,
    client: store.clientName,
    contact: store.contactName ?? store.clientName,
    link: content.link ?? '',
    deadline: deadline !== null && deadline > now ? `by ${formatLocalDate(lastDayStart(deadline, zone), zone)}` : 'as soon as possible',
    steps: steps.join('\n'),
    notes: content.notes.length ? `${content.notes.join('\n')}\n\n` : ''
  }
  return { playbook, values, warnings }
}

/** The message for a store, or an error saying why there is nothing to send. Pure. */
export function buildClientMessage(context: MessageContext): ClientMessage {
  const { store, playbook } = context
  const { values, warnings } = storeMessageParts(context)
  const template = CLIENT_MESSAGE_TEMPLATES[playbook]
  const subject = fillPlaceholders(template.subject, values)
  const body = fillPlaceholders(template.body, values)

  const to = store.contactEmail
  if (!to) warnings.push('This store has no contact e-mail: copy the text, or add the contact’s e-mail to the store for an e-mail draft.')
  return { storeId: store.id, playbook, subject, body, text: `${subject}\n\n${body}`, to, mailto: to ? mailDraftUrl({ to: [to], subject, body }) : null, warnings }
}

export interface ClientMessageServiceDeps {
  database: DatabaseHandle
  clock: Clock
  actor: Actor
  history: History
  settings: Pick<SettingsService, 'get'>
  status: Pick<StatusService, 'evaluate'>
}

export function createClientMessageService({ database, clock, actor, history, settings, status }: ClientMessageServiceDeps) {
  const { db } = database

  function storeOf(storeId: number): MessageStore {
    const store = db
      .select({
        id: stores.id,
        storeName: stores.storeName,
        clientName: stores.clientName,
        country: stores.country,
        contactName: stores.contactName,
        contactEmail: stores.contactEmail
      })
      .from(stores)
      .where(eq(stores.id, storeId))
      .get()
    if (!store) throw new AppError('not-found', `Store #${storeId} does not exist; it may have been deleted`)
    return store
  }

  /** What a store's message is built from: the playbook its status points at (unless given), its deadline. */
  function contextOf(store: MessageStore, playbook?: Playbook): MessageContext {
    const verdict = status.evaluate(store.id)
    const { policy, integrator } = settings.get()
    return {
      store,
      playbook: playbook ?? verdict?.nextAction?.playbook ?? 'renew-and-reauthorize',
      profile: integrator,
      policy,
      deadline: verdict?.deadline ?? null,
      now: clock.now()
    }
  }

  function message(storeId: number, playbook?: Playbook): ClientMessage {
    return buildClientMessage(contextOf(storeOf(storeId), playbook))
  }

  return {
    message,
    contextOf,

    /** Writes "copied" or "e-mailed" to the store's history, with the message's subject. */
    log(storeId: number, playbook: Playbook, action: ClientMessageAction): void {
      const { subject, to } = message(storeId, playbook)
      const changes = [{ field: 'subject', label: 'Subject', before: null, after: subject }]
      if (action === 'emailed' && to) changes.push({ field: 'to', label: 'To', before: null, after: to })
      history.add(
        storeId,
        { kind: 'client-message', summary: action === 'copied' ? 'Message for the client copied' : 'Message for the client e-mailed' },
        changes,
        clock.now(),
        actor.name()
      )
    }
  }
}

export type ClientMessageService = ReturnType<typeof createClientMessageService>
