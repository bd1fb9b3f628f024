/**
 * Client messages in bulk: the stores a KAM selected, grouped by client (the store's Client
 * field, compared without case or surrounding spaces), one message per client covering all its
 * selected stores with each store's country steps and link — the one-store message's parts
 * (`storeMessageParts`), so the texts and links live in one place. "Log as sent" writes the
 * client-message entry to every store's history in one transaction.
 */
import { CLIENT_BULK_TEMPLATE, STORE_SECTION_TEMPLATES } from '../../shared/client-messages'
import type { ClientBulkMessage, ClientBulkMessages, ClientMessagesLogged, StoreWithoutMessage } from '../../shared/client-messages'
import { fillPlaceholders, placeholderValues } from '../../shared/checklists'
import type { StoreSelection } from '../../shared/portfolio'
import type { DatabaseHandle } from '../db/open-database'
import { writeTransaction } from '../db/write-transaction'
import { AppError } from '../errors'
import type { Actor, Clock } from '../ports'
import { resolveSelection, storesByIds } from '../portfolio/portfolio-query'
import type { History } from '../portfolio/store-history'
import { MAX_MAIL_DRAFT_URL, mailDraftUrl } from '../security/mail-draft'
import { buildClientMessage, storeMessageParts } from './client-message'
import type { ClientMessageService, MessageContext, MessageStore, StoreMessageParts } from './client-message'

const TOO_LONG_FOR_DRAFT = 'The message is too long for an e-mail draft: copy the text into an e-mail instead.'

const storeLabel = (store: MessageStore) => `${store.clientName} — ${store.storeName} (${store.country})`

/** Stores grouped by client, clients in name order, each client's stores in the order given. Pure. */
export function groupByClient<T extends { clientName: string }>(list: readonly T[]): T[][] {
  const groups = new Map<string, T[]>()
  for (const store of list) {
    const key = store.clientName.trim().toLocaleLowerCase()
    const group = groups.get(key)
    if (group) group.push(store)
    else groups.set(key, [store])
  }
  return [...groups.values()].sort((a, b) => a[0]!.clientName.trim().localeCompare(b[0]!.clientName.trim(), undefined, { sensitivity: 'base' }))
}

function draftOf(to: string[], subject: string, body: string): { mailto: string | null; warning: string | null } {
  if (to.length === 0) return { mailto: null, warning: null }
  const mailto = mailDraftUrl({ to, subject, body })
  return mailto.length > MAX_MAIL_DRAFT_URL ? { mailto: null, warning: TOO_LONG_FOR_DRAFT } : { mailto, warning: null }
}

/** One client's message about several stores: a section per store under the client's greeting. Pure. */
export function buildClientBulkMessage(parts: readonly { context: MessageContext; parts: StoreMessageParts }[]): ClientBulkMessage {
  const first = parts[0]!.context
  const storesOf = parts.map(({ context }) => context.store)
  if (parts.length === 1) {
    const single = buildClientMessage(first)
    return { client: first.store.clientName, stores: [messaged(first.store)], to: single.to ? [single.to] : [], subject: single.subject, body: single.body, text: single.text, mailto: single.mailto, warnings: single.warnings }
  }
  const sections = parts.map(({ parts: { playbook, values } }) => {
    const notes = (values.notes ?? '').trim()
    return fillPlaceholders(STORE_SECTION_TEMPLATES[playbook], { ...values, notes: notes ? `\n${notes}` : '' })
  })
  const to = [...new Set(storesOf.flatMap((s) => (s.contactEmail ? [s.contactEmail] : [])))]
  const values = {
    ...placeholderValues(first.profile, first.store.country),
    client: first.store.clientName,
    contact: storesOf.find((s) => s.contactName)?.contactName ?? first.store.clientName,
    count: `${parts.length} stores`,
    stores: sections.join('\n\n')
  }
  const subject = fillPlaceholders(CLIENT_BULK_TEMPLATE.subject, values)
  const body = fillPlaceholders(CLIENT_BULK_TEMPLATE.body, values)
  const draft = draftOf(to, subject, body)
  const warnings = [...new Set(parts.flatMap(({ parts: p }) => p.warnings))]
  if (to.length === 0) warnings.push('None of these stores has a contact e-mail: copy the text, or add the contact’s e-mail to a store for an e-mail draft.')
  if (draft.warning) warnings.push(draft.warning)
  return { client: first.store.clientName, stores: storesOf.map(messaged), to, subject, body, text: `${subject}\n\n${body}`, mailto: draft.mailto, warnings }
}

function messaged(store: MessageStore) {
  return { id: store.id, storeName: store.storeName, country: store.country }
}

export interface BulkClientMessagesDeps {
  database: DatabaseHandle
  clock: Clock
  actor: Actor
  history: History
  clientMessages: Pick<ClientMessageService, 'contextOf'>
}

export function createBulkClientMessages({ database, clock, actor, history, clientMessages }: BulkClientMessagesDeps) {
  const { db, sqlite } = database

  function messagesFor(ids: readonly number[]): ClientBulkMessages {
    const skipped: StoreWithoutMessage[] = []
    const sendable: { context: MessageContext; parts: StoreMessageParts }[] = []
    // A Store carries the message's fields (MessageStore); deleted ones are left out, the order kept.
    for (const store of storesByIds(db, ids)) {
      const context = clientMessages.contextOf(store)
      try {
        sendable.push({ context, parts: storeMessageParts(context) })
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        skipped.push({ id: store.id, label: storeLabel(store), reason: error.message.replace(/^There is nothing to send the client: /, '') })
      }
    }
    const clients = groupByClient(sendable.map((entry) => ({ ...entry, clientName: entry.context.store.clientName }))).map(buildClientBulkMessage)
    const withoutEmail = sendable
      .filter(({ context }) => !context.store.contactEmail)
      .map(({ context }) => ({ id: context.store.id, label: storeLabel(context.store), reason: 'no contact e-mail' }))
    return { clients, storeCount: sendable.length, withoutEmail, skipped }
  }

  return {
    /** The messages for a selection: one per client. Writes nothing. */
    build(selection: StoreSelection): ClientBulkMessages {
      return messagesFor(resolveSelection(db, selection, clock.now()))
    },

    /** "Log as sent": each store's history notes its client's message, all in one transaction. */
    logSent(storeIds: readonly number[]): ClientMessagesLogged {
      return writeTransaction(sqlite, () => {
        const { clients } = messagesFor(storeIds)
        const at = clock.now()
        const who = actor.name()
        for (const message of clients) {
          const summary =
            message.stores.length > 1 ? `Message for the client sent (one message to ${message.client} for ${message.stores.length} stores)` : 'Message for the client sent'
          const changes = [{ field: 'subject', label: 'Subject', before: null, after: message.subject }]
          if (message.to.length) changes.push({ field: 'to', label: 'To', before: null, after: message.to.join(', ') })
          for (const store of message.stores) history.add(store.id, { kind: 'client-message', summary }, changes, at, who)
        }
        return { stores: clients.reduce((n, m) => n + m.stores.length, 0), clients: clients.length }
      })
    }
  }
}
