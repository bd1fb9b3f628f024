import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CheckRunSummary } from '../../electron/shared/monitoring'
import type { StorePage } from '../../electron/shared/portfolio'
import { ok } from '../../electron/shared/result'
import type { Result } from '../../electron/shared/result'
import { useChecksStore } from '../../renderer/src/stores/useChecksStore'
import { useDashboardStore } from '../../renderer/src/stores/useDashboardStore'
import { useImportStore } from '../../renderer/src/stores/useImportStore'
import { useRemindersStore } from '../../renderer/src/stores/useRemindersStore'
import { isFiltered, PAGE_ROWS, rowAt, SEARCH_DEBOUNCE_MS, usePortfolioStore } from '../../renderer/src/stores/usePortfolioStore'
import { useStoreDetailStore } from '../../renderer/src/stores/useStoreDetailStore'
import { useStoreFormStore } from '../../renderer/src/stores/useStoreFormStore'
import { deferred, installFakeBridge, makePreview, makeReminder, makeRun, makeStore } from './support/fake-bridge'
import { BLANK_STORE_INPUT } from '../../electron/shared/store-fields'

afterEach(() => {
  vi.useRealTimers()
})

function listResult(names: string[]): Result<StorePage> {
  return ok({ offset: 0, stores: names.map((clientName, i) => makeStore({ id: i + 1, clientName })), total: names.length, portfolioSize: names.length })
}

/** The client names of the rows loaded, in the view's order. */
function loadedNames(): string[] {
  const { pages, total } = usePortfolioStore.getState()
  return Array.from({ length: total }, (_, i) => rowAt(pages, i)?.clientName ?? '(not loaded)')
}

function manyStores(count: number) {
  return Array.from({ length: count }, (_, i) => makeStore({ id: i + 1, clientName: `Client ${String(i + 1).padStart(5, '0')}` }))
}

describe('usePortfolioStore', () => {
  it('asks main once per pause in typing, with the last search', async () => {
    vi.useFakeTimers()
    const bridge = installFakeBridge([makeStore({ clientName: 'Acme' })])
    const store = usePortfolioStore.getState()

    store.setSearch('a')
    store.setSearch('ac')
    store.setSearch('acm')
    expect(usePortfolioStore.getState().query.search).toBe('acm')
    expect(bridge.inputsTo('stores:list')).toHaveLength(0)

    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS)
    expect(bridge.inputsTo('stores:list').map((q) => q.search)).toEqual(['acm'])
  })

  it('keeps the newest answer when an older one arrives late', async () => {
    const bridge = installFakeBridge()
    const slow = deferred<Result<StorePage>>()
    const answers = [slow.promise, Promise.resolve(listResult(['Newest']))]
    bridge.handle('stores:list', () => answers.shift()!)

    const first = usePortfolioStore.getState().load()
    const second = usePortfolioStore.getState().load()
    await second
    slow.resolve(listResult(['Stale']))
    await first

    expect(loadedNames()).toEqual(['Newest'])
  })

  it('asks main for one page of the view, then for the pages the table shows', async () => {
    const bridge = installFakeBridge(manyStores(1_000))
    await usePortfolioStore.getState().load()
    expect(bridge.inputsTo('stores:list').map((q) => [q.offset, q.limit])).toEqual([[0, PAGE_ROWS]])
    expect(usePortfolioStore.getState()).toMatchObject({ total: 1_000, portfolioSize: 1_000, loaded: true })

    // The table scrolled to rows 520–560: their page, and the pages half a page either side.
    usePortfolioStore.getState().showRows(520, 560)
    await vi.waitFor(() => expect(rowAt(usePortfolioStore.getState().pages, 560)?.clientName).toBe('Client 00561'))
    expect(bridge.inputsTo('stores:list').map((q) => q.offset)).toEqual([0, 400, 500, 600])
    expect(rowAt(usePortfolioStore.getState().pages, 250)).toBeUndefined()

    // Rows shown again are not asked for again.
    usePortfolioStore.getState().showRows(530, 570)
    expect(bridge.inputsTo('stores:list')).toHaveLength(4)
  })

  it('selects a range over rows it has not loaded by asking main for their ids', async () => {
    const bridge = installFakeBridge(manyStores(10_000))
    const store = usePortfolioStore.getState()
    await store.load()
    await store.selectRow(2, { range: false })
    await store.selectRow(5_002, { range: true })
    expect(bridge.lastInputTo('stores:ids')).toMatchObject({ offset: 2, limit: 5_001 })
    const { selection } = usePortfolioStore.getState()
    expect(selection.mode === 'some' && selection.ids.size).toBe(5_001)
    expect(usePortfolioStore.getState().selectionSpec()).toEqual({ ids: Array.from({ length: 5_001 }, (_, i) => i + 3) })
  })

  it('selects all matching as the view’s query, minus the rows unticked, and drops it with the query', async () => {
    installFakeBridge(manyStores(300))
    const store = usePortfolioStore.getState()
    store.setFilter('countries', ['SG'])
    await vi.waitFor(() => expect(usePortfolioStore.getState().total).toBe(300))
    store.selectAllMatching()
    await store.selectRow(1, { range: false })
    expect(usePortfolioStore.getState().selectionSpec()).toEqual({ allMatching: usePortfolioStore.getState().query, except: [2] })

    store.setFilter('countries', [])
    expect(usePortfolioStore.getState().selectionSpec()).toEqual({ ids: [] })
  })

  it('keeps rows picked one by one when the search changes', async () => {
    installFakeBridge(manyStores(30))
    const store = usePortfolioStore.getState()
    await store.load()
    await store.selectRow(0, { range: false })
    await store.selectRow(4, { range: false })
    store.setFilter('owners', [''])
    expect(usePortfolioStore.getState().selectionSpec()).toEqual({ ids: [1, 5] })
    expect(store.clearSelection()).toBe(true)
    expect(usePortfolioStore.getState().clearSelection()).toBe(false)
  })

  it('flips the sort on the same column and starts dates newest first', () => {
    installFakeBridge()
    const { toggleSort } = usePortfolioStore.getState()
    toggleSort('clientName')
    expect(usePortfolioStore.getState().query.sort).toEqual({ column: 'clientName', direction: 'desc' })
    toggleSort('updatedAt')
    expect(usePortfolioStore.getState().query.sort).toEqual({ column: 'updatedAt', direction: 'desc' })
    toggleSort('storeName')
    expect(usePortfolioStore.getState().query.sort).toEqual({ column: 'storeName', direction: 'asc' })
  })

  it('clears filters but keeps the sort', () => {
    installFakeBridge()
    const store = usePortfolioStore.getState()
    store.toggleSort('country')
    store.setFilter('owners', [''])
    store.setFilter('statuses', ['archived'])
    expect(isFiltered(usePortfolioStore.getState().query)).toBe(true)

    store.clearFilters()
    const query = usePortfolioStore.getState().query
    expect(isFiltered(query)).toBe(false)
    expect(query.sort).toEqual({ column: 'country', direction: 'asc' })
  })

  it('keeps main’s error message when listing fails', async () => {
    const bridge = installFakeBridge()
    bridge.handle('stores:list', () => ({ ok: false, error: { code: 'internal', message: 'The database is locked' } }))
    await usePortfolioStore.getState().load()
    expect(usePortfolioStore.getState()).toMatchObject({ error: 'The database is locked', loaded: false, loading: false })
  })

  it('turns a missing bridge into an error instead of a crash', async () => {
    installFakeBridge()
    delete window.storewatch
    await usePortfolioStore.getState().load()
    expect(usePortfolioStore.getState().error).toMatch(/connection to its data is missing/)
  })
})

describe('useStoreDetailStore', () => {
  it('tells a deleted store from a failure', async () => {
    installFakeBridge()
    await useStoreDetailStore.getState().open(42)
    expect(useStoreDetailStore.getState()).toMatchObject({ status: 'not-found', storeId: 42, detail: null })
  })

  it('refreshes the page and the list after archiving', async () => {
    const bridge = installFakeBridge([makeStore({ id: 3 })])
    await useStoreDetailStore.getState().open(3)
    const result = await useStoreDetailStore.getState().archive(3)

    expect(result.ok).toBe(true)
    expect(useStoreDetailStore.getState().detail?.store.status).toBe('archived')
    expect(bridge.inputsTo('stores:get')).toHaveLength(2)
    expect(bridge.inputsTo('stores:list')).toHaveLength(1)
  })
})

describe('useStoreFormStore', () => {
  it('closes and highlights the new store after a create', async () => {
    installFakeBridge()
    useStoreFormStore.getState().openCreate()
    const result = await useStoreFormStore.getState().save({
      ...BLANK_STORE_INPUT,
      clientName: 'Acme',
      storeName: 'Acme Official',
      country: 'SG',
      sellerShortCode: 'SG1A2B3C4D'
    })
    expect(result.ok).toBe(true)
    expect(useStoreFormStore.getState().opened).toBe(false)
    expect(usePortfolioStore.getState().highlightedId).toBe(result.ok ? result.value.id : -1)
  })

  it('stays open when main refuses', async () => {
    const bridge = installFakeBridge()
    bridge.handle('stores:update', () => ({ ok: false, error: { code: 'duplicate', message: 'Already there' } }))
    const existing = makeStore({ id: 9 })
    useStoreFormStore.getState().openEdit(existing)
    const { id: _id, status: _status, statusReason: _reason, deadlineAt: _deadline, deadlineKind: _kind, archivedAt: _archivedAt, createdAt: _createdAt, updatedAt: _updatedAt, ...input } = existing
    const result = await useStoreFormStore.getState().save(input)
    expect(result.ok).toBe(false)
    expect(useStoreFormStore.getState()).toMatchObject({ opened: true, saving: false, editing: existing })
  })
})

describe('useImportStore', () => {
  const file = () => new File(['client_name\nAcme\n'], 'stores.csv', { type: 'text/csv' })

  it('takes progress only for its own request, then shows the preview', async () => {
    const bridge = installFakeBridge()
    const answer = deferred<Result<ReturnType<typeof makePreview>>>()
    bridge.handle('import:preview', () => answer.promise)
    useImportStore.getState().open()

    const running = useImportStore.getState().choose(file())
    await vi.waitFor(() => expect(bridge.inputsTo('import:preview')).toHaveLength(1))
    const { requestId } = bridge.lastInputTo('import:preview')!
    bridge.emit('import:progress', { requestId: 'other', phase: 'checking', rows: 9, totalRows: null, fraction: 0.9 })
    expect(useImportStore.getState().progress).toBeNull()
    bridge.emit('import:progress', { requestId, phase: 'checking', rows: 500, totalRows: null, fraction: 0.5 })
    expect(useImportStore.getState()).toMatchObject({ step: 'checking', progress: { phase: 'checking', rows: 500 } })

    answer.resolve(ok(makePreview()))
    await running
    expect(useImportStore.getState()).toMatchObject({ step: 'preview', progress: null, preview: { previewId: 'preview-1' } })
  })

  it('stops the check when the dialog is closed, and discards a preview that arrives after', async () => {
    const bridge = installFakeBridge()
    const answer = deferred<Result<ReturnType<typeof makePreview>>>()
    bridge.handle('import:preview', () => answer.promise)
    useImportStore.getState().open()
    const running = useImportStore.getState().choose(file())
    await vi.waitFor(() => expect(bridge.inputsTo('import:preview')).toHaveLength(1))
    const { requestId } = bridge.lastInputTo('import:preview')!

    useImportStore.getState().close()
    expect(bridge.inputsTo('import:discard')).toEqual([{ previewId: requestId }])
    answer.resolve(ok(makePreview({ previewId: 'late' })))
    await running

    expect(useImportStore.getState()).toMatchObject({ opened: false, preview: null, step: 'choose' })
    expect(bridge.inputsTo('import:discard')).toEqual([{ previewId: requestId }, { previewId: 'late' }])
  })

  it('sends "update all" as the default with no per-row exceptions', async () => {
    const bridge = installFakeBridge()
    useImportStore.getState().open()
    await useImportStore.getState().choose(file())
    const store = useImportStore.getState()
    store.setConflictAction(4, 'update')
    store.setAllConflicts('update')
    store.setConflictAction(8, 'skip')
    await useImportStore.getState().commit()

    expect(bridge.lastInputTo('import:commit')).toEqual({ previewId: 'preview-1', defaultConflictAction: 'update', conflictActions: { '8': 'skip' }, skipErrorRows: false })
    expect(useImportStore.getState().step).toBe('done')
  })

  it('will not commit a preview main said cannot be imported', async () => {
    const bridge = installFakeBridge()
    bridge.handle('import:preview', () => ok(makePreview({ canImport: false, errorRowCount: 1 })))
    useImportStore.getState().open()
    await useImportStore.getState().choose(file())
    await useImportStore.getState().commit()
    expect(bridge.inputsTo('import:commit')).toHaveLength(0)
    expect(useImportStore.getState().step).toBe('preview')
  })
})

describe('useChecksStore', () => {
  it('keeps the newest run, whichever order the answers come in', async () => {
    const bridge = installFakeBridge()
    const older = makeRun({ id: 1, startedAt: 1_000 })
    const newer = makeRun({ id: 2, startedAt: 2_000 })
    useChecksStore.getState().completed(newer)
    bridge.runs = [older]
    await useChecksStore.getState().load()
    expect(useChecksStore.getState().lastRun).toEqual(newer)
  })

  it('is running while main checks, and not after', async () => {
    const bridge = installFakeBridge()
    const answer = deferred<Result<CheckRunSummary>>()
    bridge.handle('checks:run-now', () => answer.promise)
    const running = useChecksStore.getState().runNow()
    expect(useChecksStore.getState().running).toBe(true)
    answer.resolve(ok(makeRun({ id: 9 })))
    await running
    expect(useChecksStore.getState()).toMatchObject({ running: false, lastRun: { id: 9 } })
  })
})

describe('useDashboardStore', () => {
  it('refreshes only a dashboard that has been shown', async () => {
    const bridge = installFakeBridge()
    await useDashboardStore.getState().refresh()
    expect(bridge.inputsTo('dashboard:get')).toHaveLength(0)
    await useDashboardStore.getState().load()
    await useDashboardStore.getState().refresh()
    expect(bridge.inputsTo('dashboard:get')).toHaveLength(2)
  })
})

describe('useRemindersStore', () => {
  it('shows a reminder read at once, and takes the unread count from main', async () => {
    const bridge = installFakeBridge()
    bridge.reminders = [makeReminder({ id: 1 }), makeReminder({ id: 2 })]
    await useRemindersStore.getState().load()
    expect(useRemindersStore.getState().unread).toBe(2)

    const marking = useRemindersStore.getState().markRead([1])
    expect(useRemindersStore.getState().entries.find((r) => r?.id === 1)?.readAt).not.toBeNull()
    await marking
    expect(bridge.lastInputTo('reminders:mark-read')).toEqual({ ids: [1] })
    expect(useRemindersStore.getState().unread).toBe(1)
  })

  it('asks main for the unread count alone before the centre is opened', async () => {
    const bridge = installFakeBridge()
    bridge.reminders = [makeReminder({ id: 1 })]
    await useRemindersStore.getState().refresh()
    expect(bridge.lastInputTo('reminders:list')).toEqual({ unreadOnly: true, limit: 1 })
    expect(useRemindersStore.getState()).toMatchObject({ unread: 1, loaded: false })
  })
})

describe('usePortfolioStore and the stores of a reminder', () => {
  it('narrows to given stores once, and clearing the filters keeps them', async () => {
    const bridge = installFakeBridge([makeStore({ id: 1 }), makeStore({ id: 2 })])
    const store = usePortfolioStore.getState()
    store.setStoreIds([2])
    store.setStoreIds([2])
    await vi.waitFor(() => expect(bridge.inputsTo('stores:list')).toHaveLength(1))
    expect(bridge.lastInputTo('stores:list')?.storeIds).toEqual([2])

    store.setFilter('countries', ['SG'])
    store.clearFilters()
    expect(usePortfolioStore.getState().query.storeIds).toEqual([2])
    expect(isFiltered(usePortfolioStore.getState().query)).toBe(false)
  })
})
