import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../../electron/core/errors'
import { createDispatcher } from '../../electron/core/ipc/dispatcher'
import type { Handlers } from '../../electron/core/ipc/dispatcher'
import { isTrustedSender } from '../../electron/core/ipc/trusted-sender'
import { silentLogger } from '../../electron/core/ports'
import { CHANNELS } from '../../electron/shared/ipc-contract'

function handlersAnswering(overrides: Partial<Handlers> = {}): Handlers {
  const all = Object.fromEntries(CHANNELS.map((c) => [c, () => null])) as unknown as Handlers
  return { ...all, ...overrides }
}

const context = { emit: vi.fn() }
const validStore = { clientName: 'Acme', storeName: 'Acme SG', country: 'sg', sellerShortCode: 'sg123456' }

describe('IPC dispatcher', () => {
  it('refuses to start when a contract entry has no handler', () => {
    const handlers = handlersAnswering() as Partial<Handlers>
    delete handlers['stores:archive']
    expect(() => createDispatcher(handlers as Handlers, silentLogger)).toThrow('No handler for stores:archive')
  })

  it('passes the parsed payload to the handler and wraps the answer', async () => {
    const create = vi.fn((input: { store: unknown }) => ({ id: 1, ...(input.store as object) }))
    const dispatcher = createDispatcher(handlersAnswering({ 'stores:create': create as never }), silentLogger)
    const result = await dispatcher.dispatch('stores:create', { store: validStore }, context)
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ id: 1, country: 'SG', sellerShortCode: 'SG123456' }) })
  })

  it.each([
    ['a wrong type', { id: '7' }],
    ['a missing field', {}],
    ['an extra field', { id: 7, admin: true }],
    ['a prototype key', JSON.parse('{"id":7,"__proto__":{"polluted":true}}')],
    ['no payload', undefined]
  ])('answers invalid-input for %s without calling the handler', async (_what, payload) => {
    const get = vi.fn()
    const dispatcher = createDispatcher(handlersAnswering({ 'stores:get': get }), silentLogger)
    const result = await dispatcher.dispatch('stores:get', payload, context)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(get).not.toHaveBeenCalled()
  })

  it('names the field in a validation message', async () => {
    const dispatcher = createDispatcher(handlersAnswering(), silentLogger)
    const result = await dispatcher.dispatch('stores:create', { store: { ...validStore, contactEmail: 'nope' } }, context)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'Contact e-mail: Not a valid e-mail address',
        fields: [{ field: 'store.contactEmail', message: 'Not a valid e-mail address' }]
      }
    })
  })

  it('answers unknown-channel for a channel outside the contract', async () => {
    const dispatcher = createDispatcher(handlersAnswering(), silentLogger)
    expect(await dispatcher.dispatch('shell:open', {}, context)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
    expect(await dispatcher.dispatch('__proto__', {}, context)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })

  it('turns an AppError into its envelope and any other error into an internal one, logged', async () => {
    const logger = { ...silentLogger, error: vi.fn() }
    const dispatcher = createDispatcher(
      handlersAnswering({
        'stores:archive': () => {
          throw new AppError('not-found', 'Store #9 does not exist')
        },
        'stores:restore': async () => {
          throw new Error('disk I/O error')
        }
      }),
      logger
    )
    expect(await dispatcher.dispatch('stores:archive', { id: 9 }, context)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Store #9 does not exist' }
    })
    expect(await dispatcher.dispatch('stores:restore', { id: 9 }, context)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Storewatch could not complete this: disk I/O error' }
    })
    expect(logger.error).toHaveBeenCalledWith('IPC handler failed', { channel: 'stores:restore', message: 'disk I/O error' })
  })
})

describe('trusted sender', () => {
  const origins = ['app://storewatch']
  it.each([
    ['app://storewatch/index.html', true, true],
    ['app://storewatch/index.html#/stores/1', true, true],
    ['app://storewatch/index.html', false, false],
    ['app://storewatch.evil/index.html', true, false],
    ['https://evil.example/', true, false],
    ['file:///etc/passwd', true, false],
    ['not a url', true, false],
    [null, true, false]
  ])('%s (top frame: %s) → %s', (url, isTopFrame, trusted) => {
    expect(isTrustedSender({ url, isTopFrame }, origins)).toBe(trusted)
  })
})
