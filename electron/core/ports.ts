/** Collaborators that core modules receive instead of reaching for globals or Electron. */
import type { EventName, EventPayload } from '../shared/ipc-contract'
import type { SaveFileResult } from '../shared/portfolio'

export interface Clock {
  /** Current UTC instant in epoch milliseconds. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }

/** Who is acting, for history entries: the KAM's name or their OS account. */
export interface Actor {
  name(): string
}


/** Content too large to hold as one string: written by its owner straight into the file the KAM chose. */
export interface FileWriter {
  writeTo(filePath: string): Promise<void>
}

/** Lets the KAM pick where a file goes (a native save dialog in the app). */
export interface FileSaver {
  saveText(request: { suggestedName: string; content: string | FileWriter; filterName: string; extensions: string[] }): Promise<SaveFileResult>
}

/** Sends an event to every app window (the scheduler's results have no caller to answer). */
export type Broadcast = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** Where a click on a notification leads. */
export type NotificationTarget = { kind: 'store'; storeId: number } | { kind: 'stores'; storeIds: number[] }

export interface NotificationRequest {
  title: string
  body: string
  target: NotificationTarget
}

export type NotificationOutcome = { delivered: true } | { delivered: false; error: string }

/** Native OS notifications (Electron's Notification in the app). */
export interface Notifier {
  show(request: NotificationRequest): Promise<NotificationOutcome>
}

/** Repeating timers, injected so tests can drive time. Returns the function that stops it. */
export interface Ticker {
  every(intervalMs: number, tick: () => void): () => void
}

/** One top-level navigation or server redirect in the authorization window, before it happens. */
export interface AuthWindowNavigation {
  /** Where the window is about to go. Contains the code and state on the callback: never log it whole. */
  url: string
  /** 'redirect': a server 3xx answer; 'navigation': a link, a form, a script or a meta refresh. */
  kind: 'navigation' | 'redirect'
}

export type AuthNavigationDecision = 'allow' | 'block'

export interface AuthWindowOpenRequest {
  /** Lazada's authorization URL with the one-time state: the first page to load. */
  url: string
  /** The window's title, e.g. "Authorize Anchanto OM — Acme Official (SG)". */
  title: string
  /**
   * Asked, synchronously, before every top-level navigation and every server redirect (those of
   * the first load included) proceeds; 'block' cancels it and the current page stays. The first
   * load of `url` itself is not asked about. Sub-frames and sub-resources are not reported.
   */
  onNavigate(navigation: AuthWindowNavigation): AuthNavigationDecision
  /** The window is gone: the user closed it, or `close()` was called. Call it once. */
  onClosed(): void
}

export interface AuthWindowHandle {
  /** Closes the window; `onClosed` follows. */
  close(): void
  /** Brings the window to the front (a second "Reauthorize" for the same store). */
  focus(): void
}

/**
 * A separate window showing Lazada's authorization page, watched but never read or scripted.
 * Electron (main): a BrowserWindow on its own non-persistent partition (`oauth-<random>`, no
 * `persist:`), sandbox, contextIsolation, no nodeIntegration, no preload; permission requests,
 * downloads and window.open denied; `will-navigate`, `will-frame-navigate` (main frame) and
 * `will-redirect` fed to `onNavigate` (preventDefault on 'block'); storage and cache of the
 * partition cleared on close. Browser harness: a Playwright page in a fresh context whose
 * main-frame navigation requests (and each redirect hop) go through `onNavigate` (abort on 'block').
 */
export interface AuthWindow {
  open(request: AuthWindowOpenRequest): AuthWindowHandle
}

/** Ciphertext as the database keeps it: never the secret itself. */
export interface SealedSecret {
  /** Base64 of what the system's encryption produced. */
  ciphertext: string
  /** The backend that encrypted it (`keychain`, `dpapi`, `gnome_libsecret`, `basic_text` …), to tell a changed keyring. */
  backend: string
}

export interface SecretProtection {
  /** The system can encrypt at all. */
  available: boolean
  backend: string
  /** False where the system offers no real protection (Linux `basic_text` or `unknown`): SECRET-02. */
  strong: boolean
}

/**
 * Encrypts secrets (the Lazada app secret, tokens) with the operating system's protection.
 * Electron (main): `safeStorage`'s asynchronous API, never before the app is ready. Nothing here
 * logs a value. Tests use a fake.
 */
export interface SecretStore {
  protection(): Promise<SecretProtection>
  /** Throws when the system cannot encrypt. */
  seal(plain: string): Promise<SealedSecret>
  /**
   * Decrypts; throws when it cannot (another keyring, another computer, damaged ciphertext).
   * `resealed` is new ciphertext to store in place of the old one (the key was rotated), or null.
   */
  open(sealed: SealedSecret): Promise<{ value: string; resealed: SealedSecret | null }>
}
