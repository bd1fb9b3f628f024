import { ActionIcon, Badge, Button, CloseButton, Group, Kbd, Loader, Menu, Text, Title, Tooltip } from '@mantine/core'
import { IconBell, IconCalendarEvent, IconDots, IconDownload, IconFileImport, IconPlus } from '@tabler/icons-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useLocation, useSearch } from 'wouter'
import { MAX_ADDRESS_STORE_IDS, PORTFOLIO_STATUSES } from '../../../../electron/shared/portfolio'
import type { PortfolioStatus } from '../../../../electron/shared/portfolio'
import { formatCount, plural } from '../../lib/format'
import { selectedCount } from '../../lib/selection'
import { overlayOpen, shortcutText, useShortcuts } from '../../lib/shortcuts'
import { useColumnPrefsStore } from '../../stores/useColumnPrefsStore'
import { useImportStore } from '../../stores/useImportStore'
import { useLazadaStore } from '../../stores/useLazadaStore'
import { isFiltered, rowAt, usePortfolioStore } from '../../stores/usePortfolioStore'
import { useStoreFormStore } from '../../stores/useStoreFormStore'
import { useStoreSequenceStore } from '../../stores/useStoreSequenceStore'
import { EMPTY_COLUMN_PREFS } from '../../../../electron/shared/view-prefs'
import type { ColumnPrefs } from '../../../../electron/shared/view-prefs'
import type { Ref } from 'react'
import { PortfolioBulkBar } from '../bulk/BulkActionBar'
import { LoadFailed } from '../common/LoadFailed'
import { useSaveTemplate } from '../import/useSaveTemplate'
import { lazadaHasMarks } from '../lazada/LazadaBadges'
import type { ColumnLayout } from '../list/column-layout'
import { ColumnsMenu } from '../list/ColumnsMenu'
import { MessageClientsButton } from '../bulk/MessageClientsButton'
import { ExportMenu } from './ExportMenu'
import { EmptyPortfolio, NoMatchingStores, PortfolioLoading } from './PortfolioEmpty'
import { PortfolioFilters } from './PortfolioFilters'
import { PortfolioTable, portfolioColumns } from './PortfolioTable'
import type { PortfolioColumn, PortfolioTableHandle } from './PortfolioTable'

/** Single-key shortcuts must not fire while a dialog has the KAM's attention. */
function dialogOpen(): boolean {
  return useStoreFormStore.getState().opened || useImportStore.getState().opened || overlayOpen()
}

/** `ids=3,8,12` → [3, 8, 12]; anything unreadable is dropped. */
function parseIds(value: string | null): number[] {
  if (!value) return []
  const ids = value
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isInteger(id) && id > 0)
  return [...new Set(ids)].slice(0, MAX_ADDRESS_STORE_IDS)
}

function parseStatus(value: string | null): PortfolioStatus | null {
  return value && (PORTFOLIO_STATUSES as readonly string[]).includes(value) ? (value as PortfolioStatus) : null
}

/**
 * The view follows the address: `?ids=` narrows it to a reminder's stores (or a dashboard grid
 * cell's, `about` saying what they are) for as long as the address says so; `?status=` (with
 * `owner=` for each owner name, the dashboard's "My stores") applies once and leaves the address.
 */
function useQueryFromAddress(): { ids: number[]; about: string | null } {
  const search = useSearch()
  const [, navigate] = useLocation()
  const params = new URLSearchParams(search)
  const ids = parseIds(params.get('ids'))
  const idsKey = ids.join(',')
  const about = params.get('about')
  const status = parseStatus(params.get('status'))
  const ownersKey = JSON.stringify(params.getAll('owner').slice(0, 1000))

  useEffect(() => {
    const portfolio = usePortfolioStore.getState()
    if (status) {
      portfolio.showOnlyStatus(status)
      const owners = JSON.parse(ownersKey) as string[]
      if (owners.length) portfolio.setFilter('owners', owners)
      navigate(idsKey ? `/portfolio?ids=${idsKey}` : '/portfolio', { replace: true })
    }
    portfolio.setStoreIds(parseIds(idsKey))
  }, [idsKey, status, ownersKey, navigate])

  return { ids, about }
}

/** Where the highlighted store stands in the view: from the rows loaded, else asked of main. */
function useHighlightedIndex(): number | null {
  const highlightedId = usePortfolioStore((s) => s.highlightedId)
  const dataSeq = usePortfolioStore((s) => s.dataSeq)
  const [located, setLocated] = useState<{ id: number; index: number | null } | null>(null)
  useEffect(() => {
    if (highlightedId === null) return
    let current = true
    void usePortfolioStore
      .getState()
      .locate(highlightedId)
      .then((index) => {
        if (current) setLocated({ id: highlightedId, index })
      })
    return () => {
      current = false
    }
  }, [highlightedId, dataSeq])
  if (highlightedId === null || located?.id !== highlightedId) return null
  return located.index
}

/** The portfolio's columns as the KAM arranged them, remembered in main. */
function usePortfolioColumns(): { columns: PortfolioColumn[]; prefs: ColumnPrefs; change(prefs: ColumnPrefs): void; reset(): void } {
  const prefs = useColumnPrefsStore((s) => s.prefs.portfolio) ?? EMPTY_COLUMN_PREFS
  useEffect(() => {
    void useColumnPrefsStore.getState().load('portfolio')
  }, [])
  // The Lazada column's badges: asked for once the first rows are in (main answers in turn, and
  // they cost main a pass over every store), refreshed after checks and changes.
  const hasLazadaMarks = useLazadaStore((s) => lazadaHasMarks(s.overview?.items ?? [], s.overview?.remoteChecksOff ?? null))
  const rowsIn = usePortfolioStore((s) => s.loaded)
  useEffect(() => {
    if (rowsIn) void useLazadaStore.getState().loadOverview()
  }, [rowsIn])
  const columns = useMemo(() => portfolioColumns(hasLazadaMarks), [hasLazadaMarks])
  const change = useCallback((next: ColumnPrefs) => useColumnPrefsStore.getState().change('portfolio', next), [])
  const reset = useCallback(() => useColumnPrefsStore.getState().reset('portfolio'), [])
  return { columns, prefs, change, reset }
}

/** The header's "Updating" spinner, apart so each answer does not re-render the page. */
function UpdatingMark() {
  const shown = usePortfolioStore((s) => s.loading && s.loaded)
  return shown ? <Loader size="xs" aria-label="Updating" /> : null
}

function SelectionSummary({ total }: { total: number }) {
  const selection = usePortfolioStore((s) => s.selection)
  const { selectAllMatching, clearSelection } = usePortfolioStore.getState()
  const count = selectedCount(selection, total)
  if (count === 0) return null
  return (
    <Group gap={6} wrap="nowrap" className="selection-summary" role="status" data-testid="selection-summary">
      <Text size="sm" fw={600}>
        {count === total ? `All ${formatCount(count)} matching selected` : `${formatCount(count)} selected`}
      </Text>
      {count < total && (
        <Button variant="subtle" size="compact-sm" onClick={selectAllMatching}>
          Select all {formatCount(total)} matching
        </Button>
      )}
      <Button variant="subtle" size="compact-sm" color="gray" onClick={() => clearSelection()}>
        Clear selection
      </Button>
    </Group>
  )
}

interface PortfolioRowsProps {
  tableRef: Ref<PortfolioTableHandle>
  columns: ReturnType<typeof usePortfolioColumns>
  onLayout(layout: ColumnLayout<PortfolioColumn>): void
}

/**
 * The grid and what only it follows (the pages of rows, the highlight, the selection), apart from
 * the page around it: rows arriving while the KAM scrolls re-render the grid, not the filters.
 */
function PortfolioRows({ tableRef, columns, onLayout }: PortfolioRowsProps) {
  const pages = usePortfolioStore((s) => s.pages)
  const total = usePortfolioStore((s) => s.total)
  const sort = usePortfolioStore((s) => s.query.sort)
  const loading = usePortfolioStore((s) => s.loading)
  const viewSeq = usePortfolioStore((s) => s.viewSeq)
  const highlightedId = usePortfolioStore((s) => s.highlightedId)
  const selection = usePortfolioStore((s) => s.selection)
  const { toggleSort, highlight, showRows, selectRow, selectAllMatching, clearSelection } = usePortfolioStore.getState()
  const highlightedIndex = useHighlightedIndex()
  const getRow = useCallback((index: number) => rowAt(pages, index), [pages])
  const openStore = useCallback((id: number) => void useStoreSequenceStore.getState().openFrom(usePortfolioStore.getState().sequenceFor(id), id), [])
  const onSelectRow = useCallback((index: number, gesture: { range: boolean }) => void selectRow(index, gesture), [selectRow])
  return (
    <PortfolioTable
      handleRef={tableRef}
      count={total}
      getRow={getRow}
      sort={sort}
      viewSeq={viewSeq}
      busy={loading}
      highlightedId={highlightedId}
      highlightedIndex={highlightedIndex}
      onHighlight={highlight}
      onOpen={openStore}
      onSort={toggleSort}
      onShowRows={showRows}
      selection={selection}
      selectedCount={selectedCount(selection, total)}
      onSelectRow={onSelectRow}
      onSelectAll={selectAllMatching}
      onClearSelection={clearSelection}
      columns={columns.columns}
      prefs={columns.prefs}
      onPrefsChange={columns.change}
      onLayout={onLayout}
    />
  )
}

export function PortfolioPage() {
  const [, navigate] = useLocation()
  const { ids: reminderIds, about: idsAbout } = useQueryFromAddress()
  const total = usePortfolioStore((s) => s.total)
  const filtered = usePortfolioStore((s) => isFiltered(s.query))
  const narrowedToIds = usePortfolioStore((s) => s.query.storeIds.length > 0)
  const portfolioSize = usePortfolioStore((s) => s.portfolioSize)
  const loaded = usePortfolioStore((s) => s.loaded)
  const error = usePortfolioStore((s) => s.error)
  const { load, clearFilters } = usePortfolioStore.getState()
  const columns = usePortfolioColumns()
  const [layout, setLayout] = useState<ColumnLayout<PortfolioColumn> | null>(null)
  const openCreate = useStoreFormStore((s) => s.openCreate)
  const openImport = useImportStore((s) => s.open)
  const saveTemplate = useSaveTemplate()

  const searchRef = useRef<HTMLInputElement>(null)
  const tableRef = useRef<PortfolioTableHandle>(null)

  useEffect(() => {
    void load()
  }, [load])

  const focusSearch = useCallback(() => {
    if (dialogOpen()) return
    searchRef.current?.focus()
    searchRef.current?.select()
  }, [])

  useShortcuts({
    search: focusSearch,
    'add-store': () => !dialogOpen() && openCreate(),
    import: () => !dialogOpen() && openImport()
  })

  const empty = loaded && portfolioSize === 0
  // With no filter at all, what the list leaves out of the portfolio is the archive.
  const hiddenArchived = !filtered && !narrowedToIds ? portfolioSize - total : 0

  let body
  if (!loaded) {
    body = error ? <LoadFailed what="the portfolio" error={error} onRetry={() => void load()} m="md" /> : <PortfolioLoading />
  } else if (empty) {
    body = <EmptyPortfolio onImport={openImport} onAdd={openCreate} onTemplate={() => void saveTemplate()} />
  } else if (total === 0) {
    body = filtered ? <NoMatchingStores onClear={clearFilters} /> : <NoMatchingStores onClear={() => navigate('/portfolio')} reminder />
  } else {
    body = <PortfolioRows tableRef={tableRef} columns={columns} onLayout={setLayout} />
  }

  return (
    <div className="page">
      <Group justify="space-between" px="md" pt="md" pb="sm" gap="sm" className="page-head">
        <Group gap="sm" align="baseline" wrap="nowrap">
          <Title order={2} size="h3">
            Portfolio
          </Title>
          <UpdatingMark />
        </Group>
        {!empty && loaded && (
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={<>Add store <Kbd size="xs">{shortcutText('add-store')}</Kbd></>} openDelay={500}>
              <Button leftSection={<IconPlus size={18} />} onClick={openCreate}>
                Add store
              </Button>
            </Tooltip>
            <Tooltip label={<>Import CSV or Excel <Kbd size="xs">{shortcutText('import')}</Kbd></>} openDelay={500}>
              <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={openImport}>
                Import CSV or Excel
              </Button>
            </Tooltip>
            <ExportMenu />
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <ActionIcon variant="default" size={36} aria-label="More actions">
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => void saveTemplate()}>
                  Download CSV template
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      {!empty && loaded && (
        <>
          <div style={{ padding: '0 var(--mantine-spacing-md)' }}>
            <PortfolioFilters searchRef={searchRef} onSearchArrowDown={() => tableRef.current?.focusRows()} />
          </div>
          <Group px="md" py={6} gap="xs" mih={38} justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
              {reminderIds.length > 0 && (
                <Badge
                  size="lg"
                  variant="light"
                  radius="sm"
                  tt="none"
                  fw={500}
                  leftSection={idsAbout ? <IconCalendarEvent size={14} /> : <IconBell size={14} />}
                  rightSection={<CloseButton size="xs" aria-label="Show all stores" onClick={() => navigate('/portfolio')} />}
                  data-testid="reminder-chip"
                >
                  {idsAbout ? `Showing the ${plural(reminderIds.length, 'store')}: ${idsAbout}` : `Showing the ${plural(reminderIds.length, 'store')} from a reminder`}
                </Badge>
              )}
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="portfolio-count">
                Showing {formatCount(total)} of {plural(portfolioSize, 'store')}
                {hiddenArchived > 0 && ` · ${formatCount(hiddenArchived)} archived hidden`}
              </Text>
              {filtered && total > 0 && (
                <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
                  Clear filters
                </Button>
              )}
              <SelectionSummary total={total} />
              <PortfolioBulkBar total={total} />
              <MessageClientsButton list="portfolio" />
              {error && (
                <Text size="sm" c="red" role="alert">
                  {error}
                </Text>
              )}
            </Group>
            {total > 0 && <ColumnsMenu layout={layout} prefs={columns.prefs} onChange={columns.change} onReset={columns.reset} />}
          </Group>
        </>
      )}
      {body}
    </div>
  )
}
