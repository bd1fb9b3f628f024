import { ActionIcon, Badge, Button, CloseButton, Group, Kbd, Loader, Menu, Text, Title, Tooltip } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconBell, IconDots, IconDownload, IconFileExport, IconFileImport, IconPlus } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocation, useSearch } from 'wouter'
import { PORTFOLIO_STATUSES } from '../../../../electron/shared/portfolio'
import type { PortfolioStatus } from '../../../../electron/shared/portfolio'
import { formatCount, plural } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useImportStore } from '../../stores/useImportStore'
import { isFiltered, usePortfolioStore } from '../../stores/usePortfolioStore'
import { useStoreFormStore } from '../../stores/useStoreFormStore'
import { useSaveTemplate } from '../import/useSaveTemplate'
import { EmptyPortfolio, NoMatchingStores, PortfolioLoading } from './PortfolioEmpty'
import { PortfolioFilters } from './PortfolioFilters'
import { PortfolioTable } from './PortfolioTable'
import { useLazadaStore } from '../../stores/useLazadaStore'
import type { PortfolioTableHandle } from './PortfolioTable'
import { LoadFailed } from '../common/LoadFailed'

/** Single-key shortcuts must not fire while a dialog has the KAM's attention. */
function dialogOpen(): boolean {
  return useStoreFormStore.getState().opened || useImportStore.getState().opened
}

/** `ids=3,8,12` → [3, 8, 12]; anything unreadable is dropped. */
function parseIds(value: string | null): number[] {
  if (!value) return []
  const ids = value
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isInteger(id) && id > 0)
  return [...new Set(ids)].slice(0, 1000)
}

function parseStatus(value: string | null): PortfolioStatus | null {
  return value && (PORTFOLIO_STATUSES as readonly string[]).includes(value) ? (value as PortfolioStatus) : null
}

/**
 * The view follows the address: `?ids=` narrows it to a reminder's stores for as long as the
 * address says so; `?status=` applies once (a link from elsewhere) and leaves the address.
 */
function useQueryFromAddress(): number[] {
  const search = useSearch()
  const [, navigate] = useLocation()
  const params = new URLSearchParams(search)
  const ids = parseIds(params.get('ids'))
  const idsKey = ids.join(',')
  const status = parseStatus(params.get('status'))

  useEffect(() => {
    const portfolio = usePortfolioStore.getState()
    if (status) {
      portfolio.showOnlyStatus(status)
      navigate(idsKey ? `/portfolio?ids=${idsKey}` : '/portfolio', { replace: true })
    }
    portfolio.setStoreIds(parseIds(idsKey))
  }, [idsKey, status, navigate])

  return ids
}

export function PortfolioPage() {
  const [, navigate] = useLocation()
  const reminderIds = useQueryFromAddress()
  const stores = usePortfolioStore((s) => s.stores)
  const query = usePortfolioStore((s) => s.query)
  const portfolioSize = usePortfolioStore((s) => s.portfolioSize)
  const loaded = usePortfolioStore((s) => s.loaded)
  const loading = usePortfolioStore((s) => s.loading)
  const error = usePortfolioStore((s) => s.error)
  const selectedId = usePortfolioStore((s) => s.selectedId)
  const { load, toggleSort, clearFilters, select, exportCsv } = usePortfolioStore.getState()
  const openCreate = useStoreFormStore((s) => s.openCreate)
  const openImport = useImportStore((s) => s.open)
  const saveTemplate = useSaveTemplate()
  const [exporting, setExporting] = useState(false)

  const searchRef = useRef<HTMLInputElement>(null)
  const tableRef = useRef<PortfolioTableHandle>(null)

  useEffect(() => {
    void load()
  }, [load])

  // The Lazada column's badges: loaded with the page, refreshed after checks and changes.
  const showLazada = useLazadaStore((s) => (s.overview?.items.length ?? 0) > 0)
  useEffect(() => {
    void useLazadaStore.getState().loadOverview()
  }, [])

  const focusSearch = useCallback(() => {
    if (dialogOpen()) return
    searchRef.current?.focus()
    searchRef.current?.select()
  }, [])

  useHotkeys([
    ['/', focusSearch],
    ['mod+F', focusSearch],
    ['n', () => !dialogOpen() && openCreate()],
    ['i', () => !dialogOpen() && openImport()]
  ])

  async function onExport(): Promise<void> {
    setExporting(true)
    const result = await exportCsv()
    setExporting(false)
    if (!result.ok) toastError('Export failed', result.error.message)
    else if (result.value.file.saved) toastSuccess(`Exported ${plural(result.value.rowCount, 'store')}`, result.value.file.path)
  }

  const openStore = (id: number) => navigate(`/stores/${id}`)
  const filtered = isFiltered(query)
  const empty = loaded && portfolioSize === 0
  // With no filter at all, what the list leaves out of the portfolio is the archive.
  const hiddenArchived = !filtered && query.storeIds.length === 0 ? portfolioSize - stores.length : 0

  let body
  if (!loaded) {
    body = error ? (
      <LoadFailed what="the portfolio" error={error} onRetry={() => void load()} m="md" />
    ) : (
      <PortfolioLoading />
    )
  } else if (empty) {
    body = <EmptyPortfolio onImport={openImport} onAdd={openCreate} onTemplate={() => void saveTemplate()} />
  } else if (stores.length === 0) {
    body = filtered ? <NoMatchingStores onClear={clearFilters} /> : <NoMatchingStores onClear={() => navigate('/portfolio')} reminder />
  } else {
    body = (
      <PortfolioTable
        handleRef={tableRef}
        stores={stores}
        sort={query.sort}
        selectedId={selectedId}
        onSort={toggleSort}
        onSelect={select}
        onOpen={openStore}
        showLazada={showLazada}
      />
    )
  }

  return (
    <div className="page">
      <Group justify="space-between" px="md" pt="md" pb="sm" wrap="nowrap">
        <Group gap="sm" align="baseline" wrap="nowrap">
          <Title order={2} size="h3">
            Portfolio
          </Title>
          {loading && loaded && <Loader size="xs" aria-label="Updating" />}
        </Group>
        {!empty && loaded && (
          <Group gap="xs" wrap="nowrap">
            <Tooltip label={<>Add store <Kbd size="xs">N</Kbd></>} openDelay={500}>
              <Button leftSection={<IconPlus size={18} />} onClick={openCreate}>
                Add store
              </Button>
            </Tooltip>
            <Tooltip label={<>Import CSV <Kbd size="xs">I</Kbd></>} openDelay={500}>
              <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={openImport}>
                Import CSV
              </Button>
            </Tooltip>
            <Button variant="default" leftSection={<IconFileExport size={18} />} onClick={() => void onExport()} loading={exporting}>
              Export CSV
            </Button>
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
          <Group px="md" py={8} gap="xs" h={38}>
            {reminderIds.length > 0 && (
              <Badge
                size="lg"
                variant="light"
                radius="sm"
                tt="none"
                fw={500}
                leftSection={<IconBell size={14} />}
                rightSection={<CloseButton size="xs" aria-label="Show all stores" onClick={() => navigate('/portfolio')} />}
                data-testid="reminder-chip"
              >
                Showing the {plural(reminderIds.length, 'store')} from a reminder
              </Badge>
            )}
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="portfolio-count">
              Showing {formatCount(stores.length)} of {plural(portfolioSize, 'store')}
              {hiddenArchived > 0 && ` · ${formatCount(hiddenArchived)} archived hidden`}
            </Text>
            {filtered && stores.length > 0 && (
              <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
                Clear filters
              </Button>
            )}
            {error && (
              <Text size="sm" c="red" role="alert">
                {error}
              </Text>
            )}
          </Group>
        </>
      )}
      {body}
    </div>
  )
}
