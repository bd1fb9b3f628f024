/**
 * The checker's SecretStore (issue #12, point 7): AES-256-GCM under a key made at start-up and
 * kept only in this process's memory. The core keeps the app secret (and any token) the way it
 * always does, as ciphertext in the `secrets` table, but that ciphertext is worthless once the
 * process ends: no key for it exists anywhere. So the secret is never written in plaintext, and
 * the checker needs no keyring; at each start it is given the secret again (from its environment
 * or its owner-only file) and seals it anew.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SealedSecret, SecretProtection, SecretStore } from '../../ports'

export const PROCESS_SECRET_BACKEND = 'storewatch-checker-process'
const IV_BYTES = 12
const TAG_BYTES = 16

export function processSecretStore(): SecretStore {
  const key = randomBytes(32)
  return {
    protection: async (): Promise<SecretProtection> => ({ available: true, backend: PROCESS_SECRET_BACKEND, strong: true }),
    seal: async (plain) => {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), backend: PROCESS_SECRET_BACKEND }
    },
    open: async (sealed: SealedSecret) => {
      // Another process's ciphertext (an earlier run's) fails here: its key is gone.
      if (sealed.backend !== PROCESS_SECRET_BACKEND) throw new Error('sealed by another secret store')
      const bytes = Buffer.from(sealed.ciphertext, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      const value = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
      return { value, resealed: null }
    }
  }
}
