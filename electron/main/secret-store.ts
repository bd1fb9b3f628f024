/**
 * The core's SecretStore port over Electron's `safeStorage`, asynchronous API only (the
 * synchronous one is deprecated and goes in Electron 46: SECRET-03). `safeStorage` comes in as a
 * parameter, typed by the little used here, so Node tests drive the adapter with a fake.
 *
 * - The backend: `getSelectedStorageBackend()` on Linux (`basic_text` and `unknown` protect
 *   nothing: SECRET-02), `keychain` on macOS, `dpapi` on Windows. It is stored next to each
 *   ciphertext so a changed keyring can be told apart from damage (SECRET-04).
 * - `decryptStringAsync` answering `shouldReEncrypt`: the value is encrypted again and the new
 *   ciphertext handed back for the core to store in place of the old one.
 * - Only call after `app.whenReady()` (the core only asks from IPC handlers and checks).
 * - Nothing here logs a value or a ciphertext.
 */
import type { Logger, SealedSecret, SecretProtection, SecretStore } from '../core/ports'

export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown'

/** What the adapter uses of Electron's `safeStorage`. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>
  encryptStringAsync(plainText: string): Promise<Buffer>
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>
  /** Linux only. */
  getSelectedStorageBackend(): LinuxStorageBackend
}

export interface ElectronSecretStoreOptions {
  safeStorage: SafeStorageLike
  platform: NodeJS.Platform
  logger: Logger
}

/** Linux backends that protect nothing: a key compiled into Chromium, or none determined. */
export const WEAK_LINUX_BACKENDS: readonly string[] = ['basic_text', 'unknown']

export function createElectronSecretStore({ safeStorage, platform, logger }: ElectronSecretStoreOptions): SecretStore {
  function backend(): string {
    if (platform === 'darwin') return 'keychain'
    if (platform === 'win32') return 'dpapi'
    if (platform === 'linux') {
      try {
        return safeStorage.getSelectedStorageBackend()
      } catch {
        return 'unknown'
      }
    }
    return 'unknown'
  }

  async function protection(): Promise<SecretProtection> {
    let available = false
    try {
      available = await safeStorage.isAsyncEncryptionAvailable()
    } catch (error) {
      logger.warn('safeStorage could not tell whether encryption is available', { error: (error as Error).message })
    }
    // Asked after the availability check: on Linux the backend is settled by initialisation.
    const name = backend()
    const strong = platform === 'linux' ? !WEAK_LINUX_BACKENDS.includes(name) : platform === 'darwin' || platform === 'win32'
    return { available, backend: name, strong }
  }

  async function seal(plain: string): Promise<SealedSecret> {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error('The system offers no encryption here')
    const encrypted = await safeStorage.encryptStringAsync(plain)
    return { ciphertext: encrypted.toString('base64'), backend: backend() }
  }

  return {
    protection,
    seal,
    async open(sealed) {
      const bytes = Buffer.from(sealed.ciphertext, 'base64')
      if (bytes.length === 0) throw new Error('The stored ciphertext is empty')
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(bytes)
      if (!shouldReEncrypt) return { value: result, resealed: null }
      try {
        return { value: result, resealed: await seal(result) }
      } catch (error) {
        // The value was read: keep the old ciphertext and try again next time.
        logger.warn('a secret could not be re-encrypted with the new key', { error: (error as Error).message })
        return { value: result, resealed: null }
      }
    }
  }
}
