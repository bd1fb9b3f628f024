/** How a secret is (or would be) kept on this computer, in words for Settings. */
import type { SecretProtectionView } from '../../shared/lazada'
import type { SecretProtection } from '../ports'

const BACKEND_NAMES: Record<string, string> = {
  keychain: 'the macOS Keychain',
  dpapi: 'Windows’ data protection (DPAPI)',
  gnome_libsecret: 'the desktop keyring (libsecret)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet',
  kwallet6: 'KWallet',
  basic_text: 'a built-in key (“basic_text”), which protects nothing',
  unknown: 'an unknown method',
  none: 'nothing'
}

export function backendName(backend: string): string {
  return BACKEND_NAMES[backend] ?? `“${backend}”`
}

/** The SecretStore's protection as the renderer sees it. */
export function protectionView(protection: SecretProtection): SecretProtectionView {
  const { available, backend, strong } = protection
  let message: string
  if (!available) {
    message = 'This computer offers no encryption Storewatch can use, so it cannot keep the app secret here.'
  } else if (strong) {
    message = `The app secret is kept encrypted with ${backendName(backend)}.`
  } else {
    message =
      `This computer has no keyring Storewatch can use (${backend}): a secret saved here would NOT be protected — ` +
      'anyone who can read your files could read it. Install or unlock a keyring (GNOME Keyring, KWallet) and restart Storewatch, or save it only if you accept that.'
  }
  return { available, backend, protected: available && strong, message }
}
