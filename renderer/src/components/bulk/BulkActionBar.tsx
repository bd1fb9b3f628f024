/**
 * What the KAM can do with the selected rows (issue #10), beside the list's selection summary:
 * one "Act on N stores" menu of bulk actions (each opens its form), and "Export selection".
 * `children` leaves room for more buttons of the selection (e.g. messaging the clients).
 */
import { Button, Group, Menu } from '@mantine/core'
import { IconChevronDown, IconFileExport } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { BULK_ACTION_KINDS } from '../../../../electron/shared/bulk'
import type { StoreSelectionInput } from '../../../../electron/shared/portfolio'
import { formatCount, plural } from '../../lib/format'
import { selectedCount } from '../../lib/selection'
import { toastError, toastSuccess } from '../../lib/toast'
import { useBulkStore } from '../../stores/useBulkStore'
import { useDashboardStore } from '../../stores/useDashboardStore'
import { usePortfolioStore } from '../../stores/usePortfolioStore'
import type { BulkSource } from '../../stores/useBulkStore'
import { BULK_ACTION_TEXT } from './bulk-labels'
import { BulkActionModal } from './BulkActionModal'

interface BulkActionBarProps {
  source: BulkSource
  /** Stores selected, as the list counts them. */
  count: number
  /** The selection for main to resolve, read when an action starts. */
  selection: () => StoreSelectionInput
  children?: ReactNode
}

/** Archive and restore only where they apply: the worklist never lists archived stores. */
function kindsFor(source: BulkSource) {
  return BULK_ACTION_KINDS.filter((kind) => source === 'portfolio' || kind !== 'restore')
}

export function BulkActionBar({ source, count, selection, children }: BulkActionBarProps) {
  const exporting = useBulkStore((s) => s.exporting)
  if (count === 0) return null

  async function exportSelection(): Promise<void> {
    const result = await useBulkStore.getState().exportSelection(selection())
    if (!result.ok) toastError('Export failed', result.error.message)
    else if (result.value.file.saved) toastSuccess(`Exported ${plural(result.value.rowCount, 'store')}`, result.value.file.path)
  }

  return (
    <Group gap={6} wrap="nowrap" data-testid={`bulk-bar-${source}`}>
      <Menu position="bottom-start" shadow="md">
        <Menu.Target>
          <Button size="compact-sm" rightSection={<IconChevronDown size={14} />}>
            Act on {count === 1 ? '1 store' : `${formatCount(count)} stores`}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {kindsFor(source).map((kind) => (
            <Menu.Item key={kind} onClick={() => useBulkStore.getState().open({ kind, source, count, selection: selection() })}>
              {BULK_ACTION_TEXT[kind].menu}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Button size="compact-sm" variant="default" leftSection={<IconFileExport size={14} />} loading={exporting} onClick={() => void exportSelection()}>
        Export selection
      </Button>
      {children}
      <BulkActionModal />
    </Group>
  )
}

/** The bar in the portfolio, for its selection (`total`: rows in the view). */
export function PortfolioBulkBar({ total }: { total: number }) {
  const count = usePortfolioStore((s) => selectedCount(s.selection, total))
  return <BulkActionBar source="portfolio" count={count} selection={() => usePortfolioStore.getState().selectionSpec()} />
}

/** The bar in the worklist, for its selection (`count`: rows selected). */
export function WorklistBulkBar({ count }: { count: number }) {
  return <BulkActionBar source="worklist" count={count} selection={() => useDashboardStore.getState().selectionSpec()} />
}
