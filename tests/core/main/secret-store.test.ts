/**
 * The SecretStore adapter over a fake `safeStorage`: asynchronous API only, the backend named per
 * platform (Linux basic_text / unknown = no protection), `shouldReEncrypt` handing back new
 * ciphertext, and decryption failures thrown for the core to turn into "enter it again".
 */
import { describe, expect, it, vi } from 'vitest'
import type { Logger } from '../../../electron/core/ports'
import { createElectronSecretStore } from '../../../electron/main/secret-store'
import type { LinuxStorageBackend, SafeStorageLike } from '../../../electron/main/secret-store'

/** Stands in for Electron's safeStorage: a reversible scramble per key version; no sync API at all. */
class FakeSafeStorage implements SafeStorageLike {
  available = true
  backend: LinuxStorageBackend = 'gnome_libsecret'
  /** Decryptions answer shouldReEncrypt while this is true. */
  rotated = false
  calls: string[] = []
  private key = 7

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    this.calls.push('isAsyncEncryptionAvailable')
    return this.available
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    this.calls.push('encryptStringAsync')
    return Buffer.concat([Buffer.from([this.key]), Buffer.from(plainText, 'utf8').map((b) => b ^ this.key)])
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    this.calls.push('decryptStringAsync')
    const key = encrypted[0]
    if (key !== 7 && key !== 9) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    const result = Buffer.from(encrypted.subarray(1).map((b) => b ^ key)).toString('utf8')
    return { result, shouldReEncrypt: this.rotated && key !== this.key }
  }
  getSelectedStorageBackend(): LinuxStorageBackend {
    this.calls.push('getSelectedStorageBackend')
    return this.backend
  }
  /** The OS key changed: old ciphertext still decrypts, with shouldReEncrypt. */
  rotate(): void {
    this.rotated = true
    this.key = 9
  }
}

const logger = (): Logger => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() })

describe('the safeStorage secret store', () => {
  it('seals with encryptStringAsync as base64 and opens with decryptStringAsync', async () => {
    const safeStorage = new FakeSafeStorage()
    const store = createElectronSecretStore({ safeStorage, platform: 'linux', logger: logger() })
    const sealed = await store.seal('app-secret-value')
    expect(sealed.backend).toBe('gnome_libsecret')
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('app-secret-value')
    expect(await store.open(sealed)).toEqual({ value: 'app-secret-value', resealed: null })
    expect(safeStorage.calls).toEqual(expect.arrayContaining(['isAsyncEncryptionAvailable', 'encryptStringAsync', 'decryptStringAsync']))
  })

  it('reports strong protection for the keyrings, none for Linux basic_text and unknown', async () => {
    const safeStorage = new FakeSafeStorage()
    const linux = createElectronSecretStore({ safeStorage, platform: 'linux', logger: logger() })
    expect(await linux.protection()).toEqual({ available: true, backend: 'gnome_libsecret', strong: true })
    safeStorage.backend = 'kwallet6'
    expect(await linux.protection()).toEqual({ available: true, backend: 'kwallet6', strong: true })
    safeStorage.backend = 'basic_text'
    expect(await linux.protection()).toEqual({ available: true, backend: 'basic_text', strong: false })
    safeStorage.backend = 'unknown'
    expect(await linux.protection()).toEqual({ available: true, backend: 'unknown', strong: false })
    expect(await createElectronSecretStore({ safeStorage, platform: 'darwin', logger: logger() }).protection()).toEqual({ available: true, backend: 'keychain', strong: true })
    expect(await createElectronSecretStore({ safeStorage, platform: 'win32', logger: logger() }).protection()).toEqual({ available: true, backend: 'dpapi', strong: true })
    safeStorage.available = false
    expect(await linux.protection()).toMatchObject({ available: false })
  })

  it('names the backend each ciphertext was made with (basic_text included)', async () => {
    const safeStorage = new FakeSafeStorage()
    safeStorage.backend = 'basic_text'
    const store = createElectronSecretStore({ safeStorage, platform: 'linux', logger: logger() })
    expect((await store.seal('x-secret')).backend).toBe('basic_text')
  })

  it('re-encrypts when safeStorage says shouldReEncrypt and hands the new ciphertext back', async () => {
    const safeStorage = new FakeSafeStorage()
    const store = createElectronSecretStore({ safeStorage, platform: 'linux', logger: logger() })
    const sealed = await store.seal('rotate-me')
    safeStorage.rotate()
    const opened = await store.open(sealed)
    expect(opened.value).toBe('rotate-me')
    expect(opened.resealed).not.toBeNull()
    expect(opened.resealed!.ciphertext).not.toBe(sealed.ciphertext)
    expect(await store.open(opened.resealed!)).toEqual({ value: 'rotate-me', resealed: null })
  })

  it('keeps the value when re-encryption fails, and tries again another time', async () => {
    const safeStorage = new FakeSafeStorage()
    const log = logger()
    const store = createElectronSecretStore({ safeStorage, platform: 'win32', logger: log })
    const sealed = await store.seal('value')
    safeStorage.rotate()
    safeStorage.available = false
    expect(await store.open(sealed)).toEqual({ value: 'value', resealed: null })
    expect(log.warn).toHaveBeenCalledTimes(1)
    expect(JSON.stringify((log.warn as ReturnType<typeof vi.fn>).mock.calls)).not.toContain('value"')
  })

  it('throws on ciphertext it cannot decrypt (another keyring, damage, empty), for the core to ask again', async () => {
    const store = createElectronSecretStore({ safeStorage: new FakeSafeStorage(), platform: 'linux', logger: logger() })
    await expect(store.open({ ciphertext: Buffer.from([1, 2, 3]).toString('base64'), backend: 'kwallet5' })).rejects.toThrow()
    await expect(store.open({ ciphertext: '', backend: 'gnome_libsecret' })).rejects.toThrow('empty')
  })

  it('refuses to seal where encryption is not available', async () => {
    const safeStorage = new FakeSafeStorage()
    safeStorage.available = false
    const store = createElectronSecretStore({ safeStorage, platform: 'linux', logger: logger() })
    await expect(store.seal('x')).rejects.toThrow('no encryption')
    expect(safeStorage.calls).not.toContain('encryptStringAsync')
  })

  it('uses only the asynchronous safeStorage API', async () => {
    const safeStorage = new FakeSafeStorage()
    const sync = { encryptString: vi.fn(), decryptString: vi.fn(), isEncryptionAvailable: vi.fn() }
    const store = createElectronSecretStore({ safeStorage: Object.assign(safeStorage, sync), platform: 'linux', logger: logger() })
    await store.protection()
    await store.open(await store.seal('async-only'))
    for (const fn of Object.values(sync)) expect(fn).not.toHaveBeenCalled()
  })
})
