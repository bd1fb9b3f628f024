/**
 * A bridge built by the real `createBridge` over an in-memory transport, so the renderer is tested
 * against the contract's shape: every payload is checked with the contract's zod schema (as main
 * does) and a test fails if the renderer sent one main would refuse.
 */
import type { AuthorizationAttempt, AuthorizationResult } from '../../../electron/shared/authorization'
import { ATTEMPT_LIFETIME_MS } from '../../../electron/shared/authorization'
import { createBridge } from '../../../electron/shared/bridge'
import {
  CLIENT_MESSAGE_TEMPLATES,
  PLAYBOOKS,
  PLAYBOOK_DEFINITIONS,
  evidenceStep,
  fillPlaceholders,
  placeholderValues,
  resolveChecklist
} from '../../../electron/shared/checklists'
import type { ChecklistRun, ClientMessage, NextChecklistStep, Playbook, StepEvidence, StoreChecklist, StoreChecklists } from '../../../electron/shared/checklists'
import type { BridgeTransport } from '../../../electron/shared/bridge'
import { countryInfo, isCoveredCountry } from '../../../electron/shared/countries'
import type { ImportCommitResult, ImportPreview } from '../../../electron/shared/csv-import'
import type { BackupInfo, StartupState } from '../../../electron/shared/data-safety'
import { missingSetup } from '../../../electron/shared/integrator'
import type { ConnectionTestResult, LazadaCredentialsView, LazadaOverview, SecretProtectionView, StoreLazadaView } from '../../../electron/shared/lazada'
import { ipcContract } from '../../../electron/shared/ipc-contract'
import { LAZADA_AUTHORIZE_URL, LAZADA_AUTH_HOST, LAZADA_GATEWAYS } from '../../../electron/shared/lazada-hosts'
import type { LazadaHostsView } from '../../../electron/shared/lazada-hosts'
import type { Channel, ChannelOutput, ChannelParsedInput, EventName, EventPayload } from '../../../electron/shared/ipc-contract'
import { WORKLIST_PAGE_ROWS } from '../../../electron/shared/monitoring'
import type { CheckRunSummary, Dashboard, ReminderCentreFilter, ReminderItem, Snooze, StatusHistory, WorklistItem } from '../../../electron/shared/monitoring'
import { buildCentre, filteredEntries } from '../../../electron/core/monitoring/centre-view'
import type { CentreRow } from '../../../electron/core/monitoring/centre-view'
import type { StoreScope } from '../../../electron/shared/my-stores'
import type { TaskProgress } from '../../../electron/shared/task-progress'
import type { PortfolioStatus, PortfolioQuery, Store, StoreDetail, StoreHistoryEntry, StoreVerdict } from '../../../electron/shared/portfolio'
import type { Authorization, Subscription } from '../../../electron/shared/records'
import { fail, ok } from '../../../electron/shared/result'
import type { Result } from '../../../electron/shared/result'
import { DEFAULT_INTEGRATOR_PROFILE, authorizeBlocker } from '../../../electron/shared/integrator'
import type { IntegratorProfile } from '../../../electron/shared/integrator'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'
import type { AppSettings } from '../../../electron/shared/settings'
import { NEEDS_ACTION_STATUSES, STORE_STATUSES } from '../../../electron/shared/status'
import type { StoreStatus } from '../../../electron/shared/status'
import { BLANK_STORE_INPUT } from '../../../electron/shared/store-fields'
import type { StoreInput } from '../../../electron/shared/store-fields'
import type { ReviewStore } from '../../../electron/shared/authorization-review'
import type { SequenceOrigin } from '../../../electron/shared/store-sequence'
import { EMPTY_COLUMN_PREFS } from '../../../electron/shared/view-prefs'
import type { ColumnPrefs, ListView } from '../../../electron/shared/view-prefs'
import { FakeTeam } from './fake-team'

export type Handler<C extends Channel> = (input: ChannelParsedInput<C>) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>

export interface Call {
  channel: Channel
  input: unknown
}

export const TEST_NOW = Date.parse('2026-11-27T08:00:00Z')

/** An integrator profile with everything set: "Reauthorize" can open, every country has its link. */
export const READY_INTEGRATOR: IntegratorProfile = {
  ...DEFAULT_INTEGRATOR_PROFILE,
  appKey: '100234',
  callbackUrl: 'https://oms.anchanto.example/lazada/callback',
  serviceMarketLinks: {
    SG: 'https://marketplace.lazada.sg/web/detail.html?articleCode=FW_GOODS-1000000281',
    MY: 'https://marketplace.lazada.com.my/web/detail.html?articleCode=FW_GOODS-1000000282',
    TH: 'https://marketplace.lazada.co.th/web/detail.html?articleCode=FW_GOODS-1000000283',
    PH: 'https://marketplace.lazada.com.ph/web/detail.html?articleCode=FW_GOODS-1000000284',
    VN: 'https://marketplace.lazada.vn/web/detail.html?articleCode=FW_GOODS-1000000285',
    ID: 'https://marketplace.lazada.co.id/web/detail.html?articleCode=FW_GOODS-1000000286'
  }
}

/** Who the fake main says did things; evidence ticks are Storewatch's own. */
export const FAKE_ACTOR = 'maria'
const SYSTEM_ACTOR = 'Storewatch'

const DAY = 86_400_000
let storeSeq = 100
let recordSeq = 1000

/** What main would derive for a store with no records: in scope it needs a subscription. */
function derivedStatus(country: string, archivedAt: number | null): PortfolioStatus {
  if (archivedAt) return 'archived'
  return isCoveredCountry(country) ? 'needs-subscription' : 'out-of-scope'
}

export function makeStore(overrides: Partial<Store> = {}): Store {
  const id = overrides.id ?? ++storeSeq
  const country = overrides.country ?? 'SG'
  const status = overrides.status ?? derivedStatus(country, overrides.archivedAt ?? null)
  return {
    ...BLANK_STORE_INPUT,
    id,
    clientName: 'Acme Pte Ltd',
    storeName: `Acme Official ${id}`,
    country,
    sellerShortCode: `SG${String(id).padStart(6, '0')}`,
    loginEmail: `store${id}@acme.example`,
    status,
    statusReason: status === 'out-of-scope' ? `${countryInfo(country).name} is outside Lazada’s Service Market rule.` : 'No Service Market subscription is on record.',
    deadlineAt: null,
    deadlineKind: null,
    archivedAt: null,
    createdAt: TEST_NOW - 86_400_000,
    updatedAt: TEST_NOW - 3_600_000,
    ...overrides
  }
}

export function makeBackup(overrides: Partial<BackupInfo> = {}): BackupInfo {
  const takenAt = overrides.takenAt ?? TEST_NOW - 3_600_000
  const kind = overrides.kind ?? 'daily'
  return {
    name: `storewatch-${new Date(takenAt).toISOString().replace(/[:.]/g, '-')}-${kind}.db`,
    takenAt,
    kind,
    label: 'Daily',
    bytes: 420_000,
    storeCount: 120,
    ...overrides
  }
}

/** A preview as main answers it; its counts follow the problems, matches and columns given. */
export function makePreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  const problems = overrides.problems ?? []
  const conflicts = overrides.conflicts ?? []
  const ignoredColumns = overrides.ignoredColumns ?? []
  const errorCount = problems.filter((p) => p.severity === 'error').length
  return {
    previewId: 'preview-1',
    fileName: 'stores.csv',
    delimiter: ',',
    rowCount: 3,
    newCount: 3,
    conflictCount: conflicts.length,
    changingConflictCount: conflicts.filter((c) => c.changes.length > 0).length,
    errorRowCount: 0,
    outOfScopeCount: 0,
    recognizedColumns: ['client_name', 'store_name', 'country', 'seller_short_code'],
    ignoredColumns,
    ignoredColumnCount: ignoredColumns.length,
    fileProblems: [],
    problems,
    problemCount: problems.length,
    errorCount,
    warningCount: problems.length - errorCount,
    problemGroups: [],
    warningGroups: [],
    conflicts,
    canImport: true,
    canSkipErrorRows: false,
    ...overrides
  }
}

/** A reminder with what the centre also knows: its run, and its store's status and owner. */
export type FakeReminder = ReminderItem & Partial<Pick<CentreRow, 'runId' | 'runAt' | 'status' | 'ownerKam'>>

export function makeReminder(overrides: Partial<FakeReminder> = {}): FakeReminder {
  const id = overrides.id ?? ++recordSeq
  return {
    id,
    storeId: 7,
    storeLabel: 'Acme Pte Ltd — Acme Official (SG)',
    deadlineKind: 'subscription-end',
    deadlineAt: TEST_NOW + 7 * DAY,
    rungDays: 7,
    title: 'Subscription ends in 7 days',
    body: 'Acme Pte Ltd — Acme Official (SG): the Service Market subscription ends 4 Dec 2026, 00:00 (SG time).',
    state: 'delivered',
    firedAt: TEST_NOW - 3_600_000,
    deliveredAt: TEST_NOW - 3_600_000,
    readAt: null,
    ...overrides
  }
}

export function makeWorklistItem(overrides: Partial<WorklistItem> = {}): WorklistItem {
  return {
    storeId: 7,
    clientName: 'Acme Pte Ltd',
    storeName: 'Acme Official',
    country: 'SG',
    ownerKam: 'Ben',
    status: 'expiring',
    reason: 'The subscription ends 4 Dec 2026, 00:00 (SG time): renew it before then.',
    deadline: TEST_NOW + 7 * DAY,
    deadlineKind: 'subscription-end',
    daysLeft: 7,
    nextAction: { label: 'Order “Authorization Only” for “Half a year” on Service Market', playbook: 'renew-and-reauthorize', step: 1 },
    snoozedUntil: null,
    tier: overrides.deadline === null ? 'no-deadline' : (overrides.deadline ?? TEST_NOW + 7 * DAY) > TEST_NOW ? 'lapsing' : 'lapsed',
    ...overrides
  }
}

/** A dashboard's tier counts, from its worklist (main counts them in SQL). */
export function tiersOf(worklist: readonly WorklistItem[]): Dashboard['tiers'] {
  const tiers = { lapsing: 0, lapsed: 0, 'no-deadline': 0 }
  for (const item of worklist) tiers[item.tier]++
  return tiers
}

export function makeRun(overrides: Partial<CheckRunSummary> = {}): CheckRunSummary {
  return {
    id: ++recordSeq,
    trigger: 'manual',
    startedAt: TEST_NOW - 5 * 60_000,
    finishedAt: TEST_NOW - 5 * 60_000 + 800,
    storesChecked: 120,
    statusChanges: 3,
    remindersFired: 2,
    errors: [],
    ...overrides
  }
}

function emptyCounts(): Record<StoreStatus, number> {
  return Object.fromEntries(STORE_STATUSES.map((s) => [s, 0])) as Record<StoreStatus, number>
}

/** Thirteen Mondays from the week of TEST_NOW. */
export function emptyExpiryWeeks(): Dashboard['expiryWeeks'] {
  const monday = Date.parse('2026-11-23T00:00:00Z')
  return Array.from({ length: 13 }, (_, i) => ({
    weekStart: new Date(monday + i * 7 * DAY).toISOString().slice(0, 10),
    from: monday + i * 7 * DAY,
    to: monday + (i + 1) * 7 * DAY,
    byCountry: {},
    total: 0
  }))
}

function matchesQuery(store: Store, query: PortfolioQuery, now: number): boolean {
  if (query.storeIds.length && !query.storeIds.includes(store.id)) return false
  if (query.endsWithinDays !== null && (store.deadlineAt === null || store.deadlineAt <= now || store.deadlineAt > now + (query.endsWithinDays + 1) * DAY)) return false
  if (query.statuses.length ? !query.statuses.includes(store.status) : store.status === 'archived') return false
  if (query.countries.length && !query.countries.includes(store.country)) return false
  if (query.owners.length && !query.owners.includes(store.ownerKam ?? '')) return false
  if (query.tags.length && !store.tags.some((t) => query.tags.includes(t))) return false
  const text = [store.clientName, store.storeName, store.country, store.sellerShortCode, store.loginEmail, store.ownerKam, ...store.tags]
    .join(' ')
    .toLowerCase()
  return query.search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word))
}

function compare(a: Store, b: Store, query: PortfolioQuery): number {
  const { column, direction } = query.sort
  const x = a[column]
  const y = b[column]
  // Stores without a value go last whichever the direction, as main sorts them.
  if ((x === null) !== (y === null)) return x === null ? 1 : -1
  const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''))
  return (direction === 'asc' ? order : -order) || a.id - b.id
}

/** The view as main would list it: filtered, then sorted. */
function view(stores: Store[], query: PortfolioQuery, now: number): Store[] {
  return stores.filter((s) => matchesQuery(s, query, now)).sort((a, b) => compare(a, b, query))
}

/** How the fake computer keeps a secret: a keyring, only a weak built-in key (Linux basic_text), or nothing. */
export type FakeProtection = 'keyring' | 'basic_text' | 'none'

export function protectionOf(kind: FakeProtection): SecretProtectionView {
  if (kind === 'keyring') {
    return { available: true, backend: 'gnome_libsecret', protected: true, message: 'The app secret is kept encrypted with the desktop keyring (libsecret).' }
  }
  if (kind === 'basic_text') {
    return {
      available: true,
      backend: 'basic_text',
      protected: false,
      message:
        'This computer has no keyring Storewatch can use (basic_text): a secret saved here would NOT be protected — anyone who can read your files could read it. Install or unlock a keyring (GNOME Keyring, KWallet) and restart Storewatch, or save it only if you accept that.'
    }
  }
  return { available: false, backend: 'none', protected: false, message: 'This computer offers no encryption Storewatch can use, so it cannot keep the app secret here.' }
}

/** What `lazada:store` answers for a store Lazada has said nothing about. */
export function makeLazadaView(storeId: number, overrides: Partial<StoreLazadaView> = {}): StoreLazadaView {
  return { storeId, cannotCheck: null, answer: null, lastError: null, kamEndAt: null, disagreement: null, statusUses: null, token: null, ...overrides }
}

export class FakeBridge {
  readonly calls: Call[] = []
  /** Payloads the contract refused: the renderer sent something main would not accept. */
  readonly violations: string[] = []
  stores: Store[]
  history = new Map<number, StoreHistoryEntry[]>()
  subscriptions = new Map<number, Subscription>()
  authorizations = new Map<number, Authorization[]>()
  /** Verdicts per store; stores without one get a verdict from their status. */
  verdicts = new Map<number, StoreVerdict>()
  snoozes = new Map<number, Snooze>()
  /** The centre's facts default: run 1, status expiring, the store's owner (else none). */
  reminders: FakeReminder[] = []
  /**
   * When set, `dashboard:get` answers it (its worklist the whole list: main sends the first
   * window, `dashboard:worklist` the others); otherwise one is built from the stores.
   */
  dashboard: Dashboard | null = null
  /** The dashboard "My stores" shows, when set; `dashboard:set-scope` picks between the two. */
  myDashboard: Dashboard | null = null
  dashboardScope: StoreScope = 'all'
  /** What `dashboard:expiry-stores` answers. */
  expiryStoreIds: number[] = []
  runs: CheckRunSummary[] = []
  /** What `dashboard:history` answers (default: nothing recorded yet). */
  statusHistory: StatusHistory = { days: [], recordedDays: 0, windowDays: 90, timeZone: 'Asia/Singapore' }
  /** What `tasks:running` answers; `tasks:cancel` marks one cancelling (the test emits what follows). */
  tasks: TaskProgress[] = []
  settings: AppSettings = structuredClone(DEFAULT_SETTINGS)
  /** Checklist runs per store, open first, then newest first (as main answers). */
  checklistRuns = new Map<number, ChecklistRun[]>()
  attempts = new Map<number, AuthorizationAttempt[]>()
  /** Whether main has an authorization window to open (the browser host has none). */
  authWindowAvailable = true
  /** The clock of checklist ticks, notes and attempts. */
  now = TEST_NOW
  /** How this fake computer would keep the Lazada app secret. */
  protection: FakeProtection = 'keyring'
  /** The saved secret's state: 'unreadable' plays a keyring that changed since it was saved. */
  secretState: 'not-set' | 'set' | 'unreadable' = 'not-set'
  /** When the KAM agreed to keep the secret without protection. */
  unprotectedSince: number | null = null
  /** Every secret the renderer sent to be saved (main would never send one back). */
  readonly savedSecrets: string[] = []
  lastTest: ConnectionTestResult | null = null
  /** What "Test connection" answers next. */
  testAnswer: Omit<ConnectionTestResult, 'at'> = {
    ok: true,
    message: 'Connected: Lazada accepted the app key and secret and answered for SG10001 (Singapore): its subscription is valid until 15 Dec 2026, 00:00 (SG time).',
    cause: null
  }
  /** `lazada:store` answers; stores without one get an empty view (with the KAM's End Time). */
  lazadaViews = new Map<number, StoreLazadaView>()
  lazadaOverview: LazadaOverview = { items: [], remoteChecksOff: null }
  /** Column layouts main keeps per list. */
  columnPrefs = new Map<ListView, ColumnPrefs>()
  /** What `lazada:hosts` answers: Lazada's own hosts, no start-up option, nothing saved to ignore. */
  lazadaHosts: LazadaHostsView = {
    inUse: { authorize: LAZADA_AUTHORIZE_URL, auth: LAZADA_AUTH_HOST, gateways: { ...LAZADA_GATEWAYS } },
    override: null,
    overrideProblem: null,
    ignoredSaved: []
  }
  /** What start-up found: open unless a test plays a missing or damaged file. */
  startup: StartupState = { phase: 'open', damage: null }
  /** The backups folder, newest first. */
  backups: BackupInfo[] = []
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  private readonly handlers = new Map<Channel, (input: unknown) => Promise<Result<unknown>> | Result<unknown>>()
  /** The lists store pages were opened from ("Next store"), by sequence id - 1. */
  readonly sequences: { origin: SequenceOrigin; ids: number[] }[] = []
  /** What `authorizations:review` answers. */
  reviewStores: ReviewStore[] = []
  /** The team: solo unless a test joins one. */
  readonly team = new FakeTeam()

  constructor(stores: Store[] = []) {
    this.stores = stores
    this.installDefaults()
  }

  /** Answers `channel` with `handler` instead of the in-memory portfolio. */
  handle<C extends Channel>(channel: C, handler: Handler<C>): void {
    this.handlers.set(channel, handler as (input: unknown) => Promise<Result<unknown>>)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload)
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0
  }

  inputsTo<C extends Channel>(channel: C): ChannelParsedInput<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelParsedInput<C>)
  }

  lastInputTo<C extends Channel>(channel: C): ChannelParsedInput<C> | undefined {
    return this.inputsTo(channel).at(-1)
  }

  readonly transport: BridgeTransport = {
    invoke: async (channel, input) => {
      const parsed = ipcContract[channel].input.safeParse(input)
      if (!parsed.success) {
        this.violations.push(`${channel}: ${parsed.error.message}`)
        return fail('invalid-input', parsed.error.issues[0]?.message ?? 'Invalid request')
      }
      this.calls.push({ channel, input: parsed.data })
      const handler = this.handlers.get(channel)
      if (!handler) return fail('unknown-channel', `No fake handler for ${channel}`)
      return handler(parsed.data)
    },
    subscribe: (event, listener) => {
      const set = this.listeners.get(event) ?? new Set()
      set.add(listener)
      this.listeners.set(event, set)
      return () => set.delete(listener)
    }
  }

  private find(id: number): Store | undefined {
    return this.stores.find((s) => s.id === id)
  }

  /** What `stores:get` answers for a store. */
  detail(id: number): StoreDetail | null {
    const store = this.find(id)
    if (!store) return null
    const verdictStatus: StoreStatus = store.status === 'archived' ? 'needs-subscription' : store.status
    return {
      store,
      history: this.history.get(id) ?? [],
      subscription: this.subscriptions.get(id) ?? null,
      authorizations: this.authorizations.get(id) ?? [],
      verdict: this.verdicts.get(id) ?? {
        status: verdictStatus,
        reason: store.statusReason,
        deadline: store.deadlineAt,
        deadlineKind: store.deadlineKind,
        nextAction: null,
        daysLeft: null
      },
      snooze: this.snoozes.get(id) ?? null,
      reminders: this.reminders.filter((r) => r.storeId === id)
    }
  }

  private answerDetail(id: number): Result<StoreDetail> {
    const detail = this.detail(id)
    return detail ? ok(detail) : fail('not-found', `Store #${id} does not exist; it may have been deleted`)
  }

  private scopedDashboard(): Dashboard {
    if (this.dashboardScope === 'mine' && this.myDashboard) return { ...this.myDashboard, scope: 'mine' }
    return this.dashboard ?? this.buildDashboard()
  }

  private firstWindow(dashboard: Dashboard): Dashboard {
    return { ...dashboard, worklist: dashboard.worklist.slice(0, WORKLIST_PAGE_ROWS) }
  }

  private buildDashboard(): Dashboard {
    const counts = emptyCounts()
    for (const store of this.stores) if (store.status !== 'archived') counts[store.status]++
    const needsAction = NEEDS_ACTION_STATUSES.reduce((sum, s) => sum + counts[s], 0)
    return {
      scope: 'all',
      kamName: '',
      myOwnerNames: [],
      tiers: { lapsing: 0, lapsed: 0, 'no-deadline': 0 },
      counts,
      needsAction,
      archived: this.stores.filter((s) => s.status === 'archived').length,
      worklist: [],
      expiryWeeks: emptyExpiryWeeks(),
      lastRun: this.runs[0] ?? null,
      nextCheckAt: null
    }
  }

  private unread(): number {
    return this.reminders.filter((r) => r.readAt === null && !((this.snoozes.get(r.storeId)?.until ?? 0) > TEST_NOW)).length
  }

  private centreRows(): CentreRow[] {
    return this.reminders.map(({ runId, runAt, status, ownerKam, ...r }) => ({
      ...r,
      runId: runId === undefined ? 1 : runId,
      runAt: runAt ?? null,
      status: status ?? 'expiring',
      ownerKam: ownerKam !== undefined ? ownerKam : (this.stores.find((s) => s.id === r.storeId)?.ownerKam ?? null),
      snoozedUntil: this.snoozes.get(r.storeId)?.until ?? null
    }))
  }

  private centreEntries(filter: ReminderCentreFilter, group?: string) {
    return filteredEntries(this.centreRows(), filter, TEST_NOW, group)
  }

  private saveStore(id: number, input: StoreInput, existing?: Store): Store {
    const status = derivedStatus(input.country, existing?.archivedAt ?? null)
    const store: Store = {
      ...input,
      id,
      status,
      statusReason: existing?.statusReason ?? 'No Service Market subscription is on record.',
      deadlineAt: existing?.deadlineAt ?? null,
      deadlineKind: existing?.deadlineKind ?? null,
      archivedAt: existing?.archivedAt ?? null,
      createdAt: existing?.createdAt ?? TEST_NOW,
      updatedAt: TEST_NOW
    }
    this.stores = existing ? this.stores.map((s) => (s.id === id ? store : s)) : [...this.stores, store]
    return store
  }

  private duplicateOf(input: StoreInput, exceptId?: number): Store | undefined {
    return this.stores.find(
      (s) => s.id !== exceptId && s.country === input.country && !!input.sellerShortCode && s.sellerShortCode === input.sellerShortCode
    )
  }

  private setArchived(id: number, archived: boolean): Result<Store> {
    const store = this.find(id)
    if (!store) return fail('not-found', `Store #${id} does not exist; it may have been deleted`)
    const next: Store = {
      ...store,
      archivedAt: archived ? TEST_NOW : null,
      status: derivedStatus(store.country, archived ? TEST_NOW : null)
    }
    this.stores = this.stores.map((s) => (s.id === id ? next : s))
    return ok(next)
  }

  private integrator(): IntegratorProfile {
    return this.settings.integrator ?? DEFAULT_INTEGRATOR_PROFILE
  }

  /** What `credentials:get` answers, built as main builds it. */
  credentials(): LazadaCredentialsView {
    const protection = protectionOf(this.protection)
    const profile = this.integrator()
    const missing = missingSetup(profile, 'subscription-query')
    let message: string
    let secret: LazadaCredentialsView['secret'] = this.secretState
    if (this.secretState === 'set') {
      message =
        this.unprotectedSince === null
          ? 'The app secret is saved, encrypted with the desktop keyring (libsecret).'
          : `The app secret is saved WITHOUT protection (basic_text), as you agreed on ${new Date(this.unprotectedSince).toISOString().slice(0, 10)}: anyone who can read your files could read it.`
    } else if (this.secretState === 'unreadable') {
      message = 'The saved app secret can no longer be decrypted on this computer (the keyring refused or changed): enter the app secret again.'
    } else if (protection.available && !protection.protected) {
      secret = 'needs-consent'
      message = 'No app secret is saved. This computer would keep it without protection, so saving it needs your explicit consent.'
    } else {
      message = 'No app secret is saved: enter the App Secret from Lazada’s App Console.'
    }
    return {
      secret,
      message,
      protection,
      unprotectedSince: secret === 'set' ? this.unprotectedSince : null,
      missing,
      remoteChecks: secret === 'set' && missing === null,
      exchangeCodeInApp: profile.exchangeCodeInApp ?? false,
      lastTest: this.lastTest
    }
  }

  private checklistContent(storeId: number, playbook: Playbook): StoreChecklist {
    const store = this.find(storeId)!
    return resolveChecklist(playbook, { country: store.country, profile: this.integrator(), policy: this.settings.policy })
  }

  private allRuns(): ChecklistRun[] {
    return [...this.checklistRuns.values()].flat()
  }

  private findRun(runId: number): ChecklistRun | undefined {
    return this.allRuns().find((r) => r.id === runId)
  }

  private setRuns(storeId: number, runs: ChecklistRun[]): void {
    const sorted = [...runs].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || b.startedAt - a.startedAt || b.id - a.id)
    this.checklistRuns.set(storeId, sorted)
  }

  private changeRun(runId: number, change: (run: ChecklistRun) => ChecklistRun): Result<StoreChecklists> {
    const run = this.findRun(runId)
    if (!run) return fail('not-found', `Checklist run #${runId} does not exist; the store may have been deleted`)
    if (run.status !== 'open') return fail('conflict', 'This checklist was finished already: start a new one to go through the steps again.')
    const next = change(run)
    this.setRuns(run.storeId, (this.checklistRuns.get(run.storeId) ?? []).map((r) => (r.id === runId ? next : r)))
    return ok(this.checklistView(run.storeId))
  }

  /** Ticks the step a piece of evidence completes in the store's open runs, as main's records do. */
  applyEvidence(storeId: number, evidence: StepEvidence): void {
    const runs = (this.checklistRuns.get(storeId) ?? []).map((run) => {
      const step = evidenceStep(run.playbook, evidence)
      if (run.status !== 'open' || !step) return run
      return {
        ...run,
        steps: run.steps.map((s) => (s.stepId === step.id && !s.done ? { ...s, done: true, doneAt: this.now, doneBy: SYSTEM_ACTOR, doneVia: 'evidence' as const } : s))
      }
    })
    this.setRuns(storeId, runs)
  }

  /** What `checklists:get` answers for a store. */
  checklistView(storeId: number): StoreChecklists {
    const store = this.find(storeId)!
    const verdict = this.detail(storeId)!.verdict
    const runs = this.checklistRuns.get(storeId) ?? []
    const checklists = Object.fromEntries(PLAYBOOKS.map((p) => [p, this.checklistContent(storeId, p)])) as Record<Playbook, StoreChecklist>
    let next: NextChecklistStep | null = null
    const action = verdict.nextAction
    if (action && action.step !== null) {
      const open = runs.filter((r) => r.status === 'open')
      const run = open.find((r) => r.playbook === action.playbook) ?? open[0] ?? null
      const playbook = run?.playbook ?? action.playbook
      const step = PLAYBOOK_DEFINITIONS[playbook].steps.find((s) => s.number === action.step)
      if (step) next = { playbook, stepId: step.id, number: step.number, label: action.label, runId: run?.id ?? null }
    }
    const blocker = authorizeBlocker(this.integrator(), this.settings.policy, store.country)
    return {
      storeId,
      suggested: action?.step != null ? action.playbook : null,
      checklists,
      runs,
      next,
      authorize: { ready: blocker === null, message: blocker?.message ?? null }
    }
  }

  /** What `checklists:message` answers: the templates filled in, as main's builder does (more simply). */
  clientMessage(storeId: number, playbook: Playbook): Result<ClientMessage> {
    const store = this.find(storeId)!
    const content = this.checklistContent(storeId, playbook)
    if (content.kind !== 'steps') return fail('conflict', `There is nothing to send the client: ${content.message}`)
    const profile = this.integrator()
    const steps = content.steps.flatMap((step) => [`${step.number}. ${step.text}`, ...(step.link ? [`   ${step.link}`] : [])])
    const values = {
      ...placeholderValues(profile, store.country),
      store: store.storeName,
      client: store.clientName,
      contact: store.contactName ?? store.clientName,
      link: content.link ?? '',
      deadline: 'as soon as possible',
      steps: steps.join('\n'),
      notes: content.notes.length ? `${content.notes.join('\n')}\n\n` : ''
    }
    const subject = fillPlaceholders(CLIENT_MESSAGE_TEMPLATES[playbook].subject, values)
    const body = fillPlaceholders(CLIENT_MESSAGE_TEMPLATES[playbook].body, values)
    const warnings: string[] = []
    if (content.missing) warnings.push(content.missing.message)
    const to = store.contactEmail
    if (!to) warnings.push('This store has no contact e-mail: copy the text, or add the contact’s e-mail to the store for an e-mail draft.')
    const mailto = to ? `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}` : null
    return ok({ storeId, playbook, subject, body, text: `${subject}\n\n${body}`, to, mailto, warnings })
  }

  private addAttempt(storeId: number, mode: AuthorizationAttempt['mode']): AuthorizationAttempt {
    const store = this.find(storeId)!
    const attempt: AuthorizationAttempt = {
      id: ++recordSeq,
      storeId,
      mode,
      country: store.country,
      createdAt: this.now,
      createdBy: FAKE_ACTOR,
      expiresAt: this.now + ATTEMPT_LIFETIME_MS,
      outcome: 'pending',
      outcomeAt: null,
      outcomeReason: null,
      authorizationId: null,
      authorizedCountry: null
    }
    this.attempts.set(storeId, [attempt, ...(this.attempts.get(storeId) ?? [])])
    return attempt
  }

  private settleAttempt(attemptId: number, change: Partial<AuthorizationAttempt>): AuthorizationAttempt | undefined {
    for (const [storeId, list] of this.attempts) {
      const found = list.find((a) => a.id === attemptId)
      if (!found) continue
      const next = { ...found, outcomeAt: this.now, ...change }
      this.attempts.set(
        storeId,
        list.map((a) => (a.id === attemptId ? next : a))
      )
      return next
    }
    return undefined
  }

  private recordAuthorization(storeId: number, method: Authorization['method'], note: string): Authorization {
    const store = this.find(storeId)!
    const created: Authorization = {
      id: ++recordSeq,
      storeId,
      authorizedAt: this.now,
      method,
      account: null,
      country: store.country,
      refreshDeadlineAt: null,
      reconnectedAt: null,
      reconnectedBy: null,
      note,
      recordedAt: this.now
    }
    this.authorizations.set(storeId, [created, ...(this.authorizations.get(storeId) ?? [])])
    this.applyEvidence(storeId, 'authorization')
    return created
  }

  /**
   * What main does when the seller authorizes in the Lazada window: records the authorization,
   * ticks the checklist's step, settles the attempt and sends `authorizations:result`.
   */
  captureWindow(attemptId: number): AuthorizationResult {
    const attempt = this.allAttempts().find((a) => a.id === attemptId)
    if (!attempt) throw new Error(`no attempt #${attemptId}`)
    const created = this.recordAuthorization(attempt.storeId, 'embedded-window', `Captured in Storewatch’s Lazada window (attempt #${attemptId})`)
    this.settleAttempt(attemptId, { outcome: 'captured', authorizationId: created.id })
    const result: AuthorizationResult = {
      storeId: attempt.storeId,
      attemptId,
      outcome: 'captured',
      cause: null,
      message: `Authorized — now reconnect the store in ${this.integrator().omsName}`,
      authorizationId: created.id
    }
    this.emit('authorizations:result', result)
    return result
  }

  /** The seller (or the KAM) closed the Lazada window before authorizing. */
  abandonWindow(attemptId: number): AuthorizationResult {
    const attempt = this.settleAttempt(attemptId, { outcome: 'abandoned', outcomeReason: 'The window was closed before the seller authorized' })
    if (!attempt) throw new Error(`no attempt #${attemptId}`)
    const result: AuthorizationResult = {
      storeId: attempt.storeId,
      attemptId,
      outcome: 'abandoned',
      cause: 'window-closed',
      message: 'The authorization window was closed before the seller authorized. Nothing changed.',
      authorizationId: null
    }
    this.emit('authorizations:result', result)
    return result
  }

  allAttempts(): AuthorizationAttempt[] {
    return [...this.attempts.values()].flat()
  }

  private installDefaults(): void {
    this.team.install((channel, handler) => this.handle(channel, handler))
    this.handle('startup:state', () => ok(this.startup))
    this.handle('startup:choose', () => {
      this.startup = { phase: 'open', damage: null }
      return ok(this.startup)
    })
    this.handle('backups:list', () =>
      ok({
        folder: '/tmp/storewatch-test/backups',
        setAsideFolder: '/tmp/storewatch-test/set-aside',
        backups: this.backups,
        rule: 'Storewatch keeps the newest copy of each of the last 7 days and of each of the last 4 weeks.'
      })
    )
    this.handle('backups:create', () => {
      const backup = makeBackup({ takenAt: this.now, kind: 'manual', label: 'Backed up on request', storeCount: this.stores.length })
      this.backups.unshift(backup)
      return ok(backup)
    })
    this.handle('backups:restore', ({ backup }) => {
      const restored = this.backups.find((b) => b.name === backup)
      if (!restored) return fail('not-found', `There is no backup named ${backup}`)
      return ok({ restored, setAsidePath: '/tmp/storewatch-test/set-aside/storewatch-before-restore.db', beforeRestore: null })
    })
    this.handle('app:info', () => ok({ version: '0.1.0-test', dataDir: '/tmp/storewatch-test', databasePath: '/tmp/storewatch-test/storewatch.db' }))
    this.handle('stores:list', ({ offset, limit, ...query }) => {
      const rows = view(this.stores, query, this.now)
      return ok({ offset, stores: rows.slice(offset, offset + limit), total: rows.length, portfolioSize: this.stores.length })
    })
    this.handle('stores:ids', ({ offset, limit, ...query }) => {
      const rows = view(this.stores, query, this.now)
      return ok({ offset, ids: rows.slice(offset, offset + limit).map((s) => s.id), total: rows.length })
    })
    this.handle('stores:locate', ({ query, storeId }) => {
      const index = view(this.stores, query, this.now).findIndex((s) => s.id === storeId)
      return ok({ index: index < 0 ? null : index })
    })
    this.handle('sequences:start', (start) => {
      const inView = 'ids' in start ? [...new Set(start.ids)] : view(this.stores, start.view, this.now).map((s) => s.id)
      const selection = 'ids' in start ? undefined : start.selection
      const picked =
        selection === undefined
          ? null
          : 'ids' in selection
            ? new Set(selection.ids)
            : new Set(view(this.stores, selection.allMatching, this.now).map((s) => s.id).filter((id) => !selection.except.includes(id)))
      const ids = picked ? inView.filter((id) => picked.has(id)) : inView
      this.sequences.push({ origin: start.origin, ids })
      return ok({ sequenceId: this.sequences.length, total: ids.length })
    })
    this.handle('sequences:around', ({ sequenceId, storeId }) => {
      const sequence = this.sequences[sequenceId - 1]
      const index = sequence?.ids.indexOf(storeId) ?? -1
      if (!sequence || index < 0) return ok(null)
      const neighbour = (id: number | undefined) => {
        const store = id === undefined ? undefined : this.find(id)
        return store ? { id: store.id, clientName: store.clientName, storeName: store.storeName, country: store.country } : null
      }
      return ok({ sequenceId, origin: sequence.origin, index, total: sequence.ids.length, previous: neighbour(sequence.ids[index - 1]), next: neighbour(sequence.ids[index + 1]) })
    })
    this.handle('messages:for-clients', ({ selection }) => {
      const ids = 'ids' in selection ? selection.ids : view(this.stores, selection.allMatching, this.now).map((s) => s.id).filter((id) => !selection.except.includes(id))
      const chosen = ids.flatMap((id) => this.find(id) ?? [])
      const clients = [...new Set(chosen.map((s) => s.clientName))].sort().map((client) => {
        const stores = chosen.filter((s) => s.clientName === client)
        const to = [...new Set(stores.flatMap((s) => (s.contactEmail ? [s.contactEmail] : [])))]
        const subject = `${client}: ${stores.length} stores`
        const body = stores.map((s) => `${s.storeName} (${s.country}): ${READY_INTEGRATOR.serviceMarketLinks[s.country as 'SG'] ?? ''}`).join('\n')
        return {
          client,
          stores: stores.map((s) => ({ id: s.id, storeName: s.storeName, country: s.country })),
          to,
          subject,
          body,
          text: `${subject}\n\n${body}`,
          mailto: to.length ? `mailto:${to.join(',')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}` : null,
          warnings: []
        }
      })
      const withoutEmail = chosen.filter((s) => !s.contactEmail).map((s) => ({ id: s.id, label: `${s.clientName} — ${s.storeName} (${s.country})`, reason: 'no contact e-mail' }))
      return ok({ clients, storeCount: chosen.length, withoutEmail, skipped: [] })
    })
    this.handle('messages:log-sent', ({ storeIds }) => {
      const clients = new Set(storeIds.flatMap((id) => this.find(id)?.clientName ?? []))
      return ok({ stores: storeIds.length, clients: clients.size })
    })
    this.handle('authorizations:review', () => ok({ stores: this.reviewStores }))
    this.handle('authorizations:confirm-many', ({ storeIds }) => {
      const before = this.reviewStores.length
      this.reviewStores = this.reviewStores.filter((s) => !storeIds.includes(s.id))
      return ok({ confirmed: before - this.reviewStores.length, skipped: storeIds.length - (before - this.reviewStores.length) })
    })
    this.handle('stores:facets', () => {
      const unique = (values: string[]) => [...new Set(values)].sort()
      return ok({
        countries: unique(this.stores.map((s) => s.country)),
        owners: unique(this.stores.flatMap((s) => (s.ownerKam ? [s.ownerKam] : []))),
        tags: unique(this.stores.flatMap((s) => s.tags))
      })
    })
    this.handle('views:columns', ({ view: list }) => ok(this.columnPrefs.get(list) ?? EMPTY_COLUMN_PREFS))
    this.handle('views:save-columns', ({ view: list, prefs }) => {
      this.columnPrefs.set(list, prefs)
      return ok(prefs)
    })
    this.handle('stores:get', ({ id }) => this.answerDetail(id))
    this.handle('stores:create', ({ store }) => {
      const input = store as StoreInput
      const existing = this.duplicateOf(input)
      if (existing) {
        return fail(
          'duplicate',
          `${countryInfo(input.country).name} already has a store with seller short code ${input.sellerShortCode}: ${existing.clientName} — ${existing.storeName} (${existing.country})`,
          [{ field: 'sellerShortCode', message: 'Already used by another store' }]
        )
      }
      return ok(this.saveStore(++storeSeq, input))
    })
    this.handle('stores:update', ({ id, store }) => {
      const existing = this.find(id)
      if (!existing) return fail('not-found', `Store #${id} does not exist; it may have been deleted`)
      return ok(this.saveStore(id, store as StoreInput, existing))
    })
    this.handle('stores:archive', ({ id }) => this.setArchived(id, true))
    this.handle('stores:restore', ({ id }) => this.setArchived(id, false))
    this.handle('stores:delete', ({ id }) => {
      const before = this.stores.length
      this.stores = this.stores.filter((s) => s.id !== id)
      return ok({ deleted: before - this.stores.length })
    })
    this.handle('stores:export-csv', ({ query }) =>
      ok({ file: { saved: true, path: '/home/kam/storewatch-stores.csv' }, rowCount: this.stores.filter((s) => matchesQuery(s, query, this.now)).length })
    )
    this.handle('stores:export-xlsx', ({ query }) =>
      ok({ file: { saved: true, path: '/home/kam/storewatch-stores.xlsx' }, rowCount: this.stores.filter((s) => matchesQuery(s, query, this.now)).length })
    )
    this.handle('stores:export-ics', ({ days }) => ok({ file: { saved: true, path: `/home/kam/storewatch-deadlines-${days}-days.ics` }, rowCount: 2 }))
    this.handle('import:save-template', () => ok({ saved: true, path: '/home/kam/storewatch-import-template.csv' }))
    this.handle('import:preview', ({ fileName }) => ok(makePreview({ fileName })))
    this.handle('import:commit', () => ok<ImportCommitResult>({ created: 3, updated: 0, skipped: 0, outOfScope: 0, skippedWithErrors: 0 }))
    this.handle('import:discard', () => ok(null))
    this.handle('import:save-problems', () => ok({ saved: true, path: '/home/kam/stores-problems.csv' }))

    this.handle('subscriptions:save', ({ storeId, subscription }) => {
      if (!this.find(storeId)) return this.answerDetail(storeId)
      this.subscriptions.set(storeId, { storeId, ...subscription, checkedAt: TEST_NOW, updatedAt: TEST_NOW })
      return this.answerDetail(storeId)
    })
    this.handle('subscriptions:remove', ({ storeId }) => {
      this.subscriptions.delete(storeId)
      return this.answerDetail(storeId)
    })
    this.handle('authorizations:record', ({ storeId, authorization }) => {
      if (!this.find(storeId)) return this.answerDetail(storeId)
      const { reconnected, ...fields } = authorization
      const created: Authorization = {
        id: ++recordSeq,
        storeId,
        ...fields,
        reconnectedAt: reconnected ? authorization.authorizedAt : null,
        reconnectedBy: reconnected ? 'maria' : null,
        recordedAt: TEST_NOW
      }
      const list = [created, ...(this.authorizations.get(storeId) ?? [])].sort((a, b) => b.authorizedAt - a.authorizedAt)
      this.authorizations.set(storeId, list)
      this.applyEvidence(storeId, 'authorization')
      if (reconnected) this.applyEvidence(storeId, 'reconnected')
      return this.answerDetail(storeId)
    })
    this.handle('authorizations:remove', ({ storeId, authorizationId }) => {
      const list = this.authorizations.get(storeId) ?? []
      if (!list.some((a) => a.id === authorizationId)) return fail('not-found', 'That authorization is not on record for this store any more.')
      this.authorizations.set(storeId, list.filter((a) => a.id !== authorizationId))
      return this.answerDetail(storeId)
    })
    this.handle('authorizations:mark-reconnected', ({ storeId }) => {
      const [latest, ...rest] = this.authorizations.get(storeId) ?? []
      if (!latest) return fail('conflict', 'Record the seller’s authorization first: a store is reconnected after it is authorized.')
      this.authorizations.set(storeId, [{ ...latest, reconnectedAt: TEST_NOW, reconnectedBy: 'maria' }, ...rest])
      this.applyEvidence(storeId, 'reconnected')
      return this.answerDetail(storeId)
    })

    this.handle('checklists:get', ({ storeId }) => (this.find(storeId) ? ok(this.checklistView(storeId)) : fail('not-found', `Store #${storeId} does not exist`)))
    this.handle('checklists:start', ({ storeId, playbook }) => {
      if (!this.find(storeId)) return fail('not-found', `Store #${storeId} does not exist`)
      const content = this.checklistContent(storeId, playbook)
      if (content.kind !== 'steps') return fail('conflict', content.message)
      const runs = this.checklistRuns.get(storeId) ?? []
      if (runs.some((r) => r.playbook === playbook && r.status === 'open')) {
        return fail('conflict', `A “${content.title}” checklist is already open for this store: finish or cancel it before starting another.`)
      }
      const run: ChecklistRun = {
        id: ++recordSeq,
        storeId,
        playbook,
        version: content.version,
        country: content.country,
        status: 'open',
        startedAt: this.now,
        startedBy: FAKE_ACTOR,
        endedAt: null,
        endedBy: null,
        endNote: null,
        steps: content.steps.map((s) => ({
          stepId: s.id,
          number: s.number,
          title: s.title,
          done: false,
          doneAt: null,
          doneBy: null,
          doneVia: null,
          note: null,
          noteAt: null,
          noteBy: null,
          values: null
        }))
      }
      this.setRuns(storeId, [run, ...runs])
      return ok(this.checklistView(storeId))
    })
    const tick = (done: boolean) => (s: ChecklistRun['steps'][number]) =>
      done ? { ...s, done: true, doneAt: this.now, doneBy: FAKE_ACTOR, doneVia: 'kam' as const } : { ...s, done: false, doneAt: null, doneBy: null, doneVia: null }
    this.handle('checklists:tick', ({ runId, stepId }) =>
      this.changeRun(runId, (run) => ({ ...run, steps: run.steps.map((s) => (s.stepId === stepId && !s.done ? tick(true)(s) : s)) }))
    )
    this.handle('checklists:untick', ({ runId, stepId }) =>
      this.changeRun(runId, (run) => ({ ...run, steps: run.steps.map((s) => (s.stepId === stepId && s.done ? tick(false)(s) : s)) }))
    )
    this.handle('checklists:note', ({ runId, stepId, note }) => {
      const text = note?.trim() || null
      return this.changeRun(runId, (run) => ({
        ...run,
        steps: run.steps.map((s) => (s.stepId === stepId ? { ...s, note: text, noteAt: text ? this.now : null, noteBy: text ? FAKE_ACTOR : null } : s))
      }))
    })
    this.handle('checklists:capture-dates', ({ runId, stepId, values }) => {
      const run = this.findRun(runId)
      if (!run) return fail('not-found', `Checklist run #${runId} does not exist`)
      if (stepId !== 'confirm-order') return fail('conflict', 'The Start and End Time belong to the Order Confirmation step.')
      const answer = this.changeRun(runId, (r) => ({
        ...r,
        steps: r.steps.map((s) => (s.stepId === stepId ? { ...(s.done ? s : tick(true)(s)), values } : s))
      }))
      if (answer.ok) {
        this.subscriptions.set(run.storeId, { storeId: run.storeId, ...values, source: 'checklist', checkedAt: this.now, updatedAt: this.now })
        return ok(this.checklistView(run.storeId))
      }
      return answer
    })
    this.handle('checklists:finish', ({ runId, note }) =>
      this.changeRun(runId, (run) => ({ ...run, status: 'finished', endedAt: this.now, endedBy: FAKE_ACTOR, endNote: note?.trim() || null }))
    )
    this.handle('checklists:cancel', ({ runId, reason }) =>
      this.changeRun(runId, (run) => ({ ...run, status: 'cancelled', endedAt: this.now, endedBy: FAKE_ACTOR, endNote: reason?.trim() || null }))
    )
    this.handle('checklists:message', ({ storeId, playbook }) => {
      if (!this.find(storeId)) return fail('not-found', `Store #${storeId} does not exist`)
      return this.clientMessage(storeId, playbook ?? this.detail(storeId)!.verdict.nextAction?.playbook ?? 'renew-and-reauthorize')
    })
    this.handle('checklists:log-message', () => ok(null))

    const blocked = (storeId: number) => authorizeBlocker(this.integrator(), this.settings.policy, this.find(storeId)!.country)
    this.handle('authorizations:open-window', ({ storeId }) => {
      if (!this.find(storeId)) return fail('not-found', `Store #${storeId} does not exist`)
      const blocker = blocked(storeId)
      if (blocker) return ok({ status: 'not-ready' as const, message: blocker.message, missing: blocker.missing })
      if (!this.authWindowAvailable) {
        return ok({ status: 'not-ready' as const, message: 'Storewatch cannot open the authorization window here: use “Send the link instead”.', missing: null })
      }
      if ((this.attempts.get(storeId) ?? []).some((a) => a.mode === 'window' && a.outcome === 'pending')) {
        return fail('conflict', 'The authorization window for this store is already open: finish there, or close it to start again.')
      }
      return ok({ status: 'opened' as const, attempt: this.addAttempt(storeId, 'window') })
    })
    this.handle('authorizations:create-link', ({ storeId }) => {
      if (!this.find(storeId)) return fail('not-found', `Store #${storeId} does not exist`)
      const blocker = blocked(storeId)
      if (blocker) return ok({ status: 'not-ready' as const, message: blocker.message, missing: blocker.missing })
      const attempt = this.addAttempt(storeId, 'link')
      const profile = this.integrator()
      const url = `https://auth.lazada.com/oauth/authorize?response_type=code&force_auth=true&redirect_uri=${encodeURIComponent(profile.callbackUrl)}&client_id=${profile.appKey}&country=${attempt.country.toLowerCase()}&state=fake-state-${attempt.id}`
      return ok({ status: 'created' as const, attempt, url })
    })
    this.handle('authorizations:attempts', ({ storeId }) => ok(this.attempts.get(storeId) ?? []))
    this.handle('authorizations:confirm-link', ({ storeId, attemptId }) => {
      const attempt = (this.attempts.get(storeId) ?? []).find((a) => a.id === attemptId)
      if (!attempt) return fail('not-found', 'That authorization link is not on record for this store.')
      if (attempt.mode !== 'link') return fail('conflict', 'Only a link sent to the seller can be confirmed.')
      if (attempt.outcome === 'captured') return fail('conflict', 'This link’s authorization is already recorded.')
      const created = this.recordAuthorization(storeId, 'seller-link', `Confirmed by the KAM (link attempt #${attemptId})`)
      this.settleAttempt(attemptId, { outcome: 'captured', authorizationId: created.id })
      return this.answerDetail(storeId)
    })
    this.handle('authorizations:cancel-attempt', ({ attemptId }) => {
      const attempt = this.allAttempts().find((a) => a.id === attemptId)
      if (!attempt) return fail('not-found', 'That authorization attempt is not on record.')
      if (attempt.outcome !== 'pending') return ok(attempt)
      if (attempt.mode === 'window') {
        // Main closes the window, and its close reports the attempt abandoned.
        this.abandonWindow(attemptId)
        return ok(this.allAttempts().find((a) => a.id === attemptId)!)
      }
      return ok(this.settleAttempt(attemptId, { outcome: 'abandoned', outcomeReason: 'Withdrawn by the KAM' })!)
    })

    this.handle('dashboard:get', () => ok(this.firstWindow(this.scopedDashboard())))
    this.handle('dashboard:set-scope', ({ scope }) => {
      this.dashboardScope = scope
      return ok(this.firstWindow(this.scopedDashboard()))
    })
    this.handle('dashboard:worklist', ({ offset, limit }) => {
      const { worklist, needsAction } = this.scopedDashboard()
      return ok({ offset, items: worklist.slice(offset, offset + limit), total: needsAction })
    })
    this.handle('dashboard:expiry-stores', () => ok(this.expiryStoreIds))
    this.handle('checks:run-now', () => {
      const run = makeRun({ startedAt: Date.now(), finishedAt: Date.now() + 500, storesChecked: this.stores.length })
      this.runs.unshift(run)
      return ok(run)
    })
    this.handle('checks:recent', ({ limit }) => ok(this.runs.slice(0, limit)))
    this.handle('dashboard:history', () => ok(this.statusHistory))
    this.handle('tasks:running', () => ok(this.tasks))
    this.handle('tasks:cancel', ({ id }) => {
      const task = this.tasks.find((t) => t.id === id && t.cancellable)
      if (!task) return ok(null)
      const cancelling = { ...task, cancellable: false, label: 'Cancelling' }
      this.tasks = this.tasks.map((t) => (t.id === id ? cancelling : t))
      return ok(cancelling)
    })

    this.handle('reminders:list', ({ unreadOnly, limit }) =>
      ok({
        reminders: this.reminders
          .filter((r) => !unreadOnly || r.readAt === null)
          .sort((a, b) => b.firedAt - a.firedAt)
          .slice(0, limit),
        unread: this.unread()
      })
    )
    this.handle('reminders:mark-read', (which) => {
      const ids = 'ids' in which ? which.ids : null
      this.reminders = this.reminders.map((r) => (r.readAt === null && (!ids || ids.includes(r.id)) ? { ...r, readAt: TEST_NOW } : r))
      return ok({ reminders: [...this.reminders].sort((a, b) => b.firedAt - a.firedAt), unread: this.unread() })
    })
    this.handle('reminders:centre', ({ filter, offset, limit }) => ok(buildCentre(this.centreRows(), filter, { offset, limit }, TEST_NOW, this.unread())))
    this.handle('reminders:mark-group-read', ({ filter, group }) => {
      const ids = this.centreEntries(filter, group)
        .filter((e) => e.readAt === null)
        .map((e) => e.id)
      this.reminders = this.reminders.map((r) => (ids.includes(r.id) ? { ...r, readAt: TEST_NOW } : r))
      return ok({ affected: ids.length, unread: this.unread() })
    })
    this.handle('reminders:snooze-group', ({ filter, group, mode }) => {
      const storeIds = [...new Set(this.centreEntries(filter, group).map((e) => e.storeId))]
      for (const storeId of storeIds) this.snoozes.set(storeId, { storeId, until: Date.now() + (mode === 'day' ? DAY : 4 * DAY) })
      return ok({ affected: storeIds.length, unread: this.unread() })
    })
    this.handle('reminders:snooze', ({ storeId, mode }) => {
      // From the real clock: the renderer shows a snooze only while it lasts.
      const snooze = { storeId, until: Date.now() + (mode === 'day' ? DAY : 4 * DAY) }
      this.snoozes.set(storeId, snooze)
      return ok(snooze)
    })
    this.handle('reminders:unsnooze', ({ storeId }) => {
      this.snoozes.delete(storeId)
      return ok(null)
    })

    this.handle('credentials:get', () => ok(this.credentials()))
    this.handle('credentials:save-secret', ({ secret, allowUnprotected }) => {
      if (!/^[\x21-\x7e]{8,128}$/.test(secret.trim())) {
        return {
          ok: false as const,
          error: {
            code: 'invalid-input',
            message: 'The app secret is 8 to 128 letters, digits or symbols, without spaces, as Lazada’s App Console shows it.',
            fields: [{ field: 'secret', message: 'Paste the App Secret from Lazada’s App Console' }]
          }
        }
      }
      const protection = protectionOf(this.protection)
      if (!protection.available) return ok({ status: 'unavailable' as const, message: protection.message, credentials: this.credentials() })
      if (!protection.protected && !allowUnprotected) return ok({ status: 'needs-consent' as const, message: protection.message, credentials: this.credentials() })
      this.savedSecrets.push(secret.trim())
      this.secretState = 'set'
      this.unprotectedSince = protection.protected ? null : this.now
      this.lastTest = null
      return ok({ status: 'saved' as const, credentials: this.credentials() })
    })
    this.handle('credentials:clear-secret', () => {
      this.secretState = 'not-set'
      this.unprotectedSince = null
      this.lastTest = null
      return ok(this.credentials())
    })
    this.handle('credentials:test', () => {
      this.lastTest = { ...this.testAnswer, at: this.now }
      return ok(this.lastTest)
    })
    this.handle('lazada:store', ({ storeId }) => {
      if (!this.find(storeId)) return fail('not-found', `Store #${storeId} does not exist; it may have been deleted`)
      const kamEndAt = this.subscriptions.get(storeId)?.endAt ?? null
      return ok(this.lazadaViews.get(storeId) ?? makeLazadaView(storeId, { kamEndAt, statusUses: kamEndAt === null ? null : 'kam' }))
    })
    this.handle('lazada:overview', () => ok(this.lazadaOverview))
    this.handle('lazada:hosts', () => ok(this.lazadaHosts))

    this.handle('settings:get', () => ok(this.settings))
    this.handle('settings:save', (settings) => {
      // Without `integrator` main keeps the stored profile.
      this.settings = { ...settings, integrator: settings.integrator ?? this.integrator(), you: settings.you ?? this.settings.you }
      // Saving writes the profile without the hosts an earlier version kept.
      this.lazadaHosts = { ...this.lazadaHosts, ignoredSaved: [] }
      return ok(this.settings)
    })
  }
}

let current: FakeBridge | null = null

/** Puts a fresh fake bridge where the preload puts the real one. */
/** The bridge the test installed, if any. */
export function installedBridge(): FakeBridge | null {
  return current
}

export function installFakeBridge(stores: Store[] = []): FakeBridge {
  current = new FakeBridge(stores)
  window.storewatch = createBridge(current.transport)
  return current
}

export function assertNoContractViolations(): void {
  const violations = current?.violations ?? []
  current = null
  delete window.storewatch
  if (violations.length) throw new Error(`The renderer sent payloads the contract refuses:\n${violations.join('\n')}`)
}

/** A promise the test settles when it wants: for "while main is still working" moments. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
