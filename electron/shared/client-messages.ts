/**
 * Client messages in bulk: from stores a KAM selected, one message per client covering all that
 * client's selected stores, each with its country's steps and link. A client with one store gets
 * the one-store message (CLIENT_MESSAGE_TEMPLATES); with several, this template holds a section per
 * store.
 */
import type { Playbook } from './checklists'

export interface ClientBulkTemplate {
  subject: string
  /**
   * Placeholders: {client}, {contact} (the contact's name, else the client), {count} ("3 stores"),
   * {appName}, {omsName}, {support}; `{stores}` becomes one section per store (STORE_SECTION_TEMPLATES).
   */
  body: string
}

export const CLIENT_BULK_TEMPLATE: ClientBulkTemplate = {
  subject: '{client}: {count} on Lazada need {appName} renewed or authorized',
  body: [
    'Hello {contact},',
    '',
    'To keep {client}’s Lazada stores syncing orders with {omsName}, each store below needs the free “Authorization Only” subscription of {appName} on Lazada Service Market and the app authorized. Each store takes about 3 minutes, with the link for its country:',
    '',
    '{stores}',
    '',
    'If anything is unclear, reply to this e-mail or write to {support}.',
    '',
    'Thank you'
  ].join('\n')
}

/** A store's section in a message to its client: a heading line, then the store's steps (and its country's notes). Placeholders as the one-store message. */
export const STORE_SECTION_TEMPLATES: Record<Playbook, string> = {
  'renew-and-reauthorize': '■ {store} (Lazada {country}): please renew and authorize again {deadline}\n{steps}{notes}',
  'connect-new-store': '■ {store} (Lazada {country}): please order and authorize {deadline}, before we connect it\n{steps}{notes}'
}

export interface MessagedStore {
  id: number
  storeName: string
  country: string
}

export interface ClientBulkMessage {
  /** The client as the stores name it (the first store's spelling). */
  client: string
  stores: MessagedStore[]
  /** The contacts' e-mails of the client's stores, each once; empty when none has one. */
  to: string[]
  subject: string
  body: string
  /** Subject and body as one text to copy. */
  text: string
  /** An e-mail draft (`to`, `subject` and `body` only); null without any contact e-mail. */
  mailto: string | null
  warnings: string[]
}

export interface StoreWithoutMessage {
  id: number
  label: string
  reason: string
}

export interface ClientBulkMessages {
  clients: ClientBulkMessage[]
  /** Stores covered by the messages. */
  storeCount: number
  /** Stores in a message whose record has no contact e-mail ("3 stores have no client e-mail: …"). */
  withoutEmail: StoreWithoutMessage[]
  /** Stores no message can cover (out of scope, the app not published there). */
  skipped: StoreWithoutMessage[]
}

export interface ClientMessagesLogged {
  stores: number
  clients: number
}
