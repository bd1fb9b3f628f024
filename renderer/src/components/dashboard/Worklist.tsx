/**
 * The "needs action" worklist: the stores to act on, in main's order, with why, by when, Lazada's
 * marks (a disagreement, "can't check", a refused token) and the checklist step that resolves
 * each. It is the shared DataGrid: a row opens its store on click or Enter, ↑ ↓ move between rows,
 * and rows can be selected (checkbox, Shift for a range, Ctrl/Cmd, Space). One snooze menu serves
 * every row, so a row costs a few plain elements however long the list.
 */
import { Button, Group, Menu, Stack, Text } from '@mantine/core'
import { IconBellZ, IconBellZFilled } from '@tabler/icons-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { MouseEvent } from 'react'
import type { SnoozeMode, WorklistItem } from '../../../../electron/shared/monitoring'
import type { NextAction } from '../../../../electron/shared/status'
import { deadlineSummary } from '../../lib/deadline-cells'
import { deadlineHint } from '../list/deadline-hint'
import { formatKamTime } from '../../lib/dates'
import { EMPTY_VALUE, formatCount, storeLabel } from '../../lib/format'
import { isSelected, selectedCount } from '../../lib/selection'
import { toastError, toastSuccess } from '../../lib/toast'
import { useDashboardStore } from '../../stores/useDashboardStore'
import { useStoreSequenceStore } from '../../stores/useStoreSequenceStore'
import { nextActionHint } from '../common/NextActionText'
import { SnoozeMenuItems } from '../common/SnoozeMenu'
import { LazadaBadges } from '../lazada/LazadaBadges'
import { MessageClientsButton } from '../bulk/MessageClientsButton'
import { DataGrid } from '../list/DataGrid'
import type { GridColumn, GridSelection } from '../list/DataGrid'
import type { VirtualListHandle } from '../list/VirtualList'
import { StatusBadge } from '../portfolio/StatusBadge'

/** Rows shown before "Show all": the first screenful or two is what a KAM works through first. */
export const WORKLIST_FIRST_ROWS = 50
const ROW_HEIGHT = 60

interface CellContext {
  now: number
  snoozing: readonly number[]
}

function DeadlineCell({ item, now }: { item: WorklistItem; now: number }) {
  if (item.deadline === null) return <span className="text-dimmed">{EMPTY_VALUE}</span>
  const deadline = deadlineSummary(item.deadline, item.country, now, item.daysLeft)
  return (
    <>
      <span className="cell-line truncates" {...deadlineHint(item.deadline, item.country)}>
        <span className="urgency cell-strong" data-urgency={deadline.urgency}>
          {deadline.distance}
        </span>
        <span className="text-dimmed"> · </span>
        {deadline.storeTime}
      </span>
      {deadline.kamTime && <span className="cell-line cell-small text-dimmed truncates">{deadline.kamTime}</span>}
    </>
  )
}

function NextActionCell({ action }: { action: NextAction | null }) {
  if (!action) return <span className="text-dimmed">Nothing to do</span>
  return (
    <span className="cell-wrap" data-testid="next-action" data-tip={nextActionHint(action)}>
      {action.step !== null && <span className="step-label">Step {action.step} · </span>}
      {action.label}
    </span>
  )
}

function SnoozeButton({ item, context }: { item: WorklistItem; context: CellContext }) {
  const snoozed = item.snoozedUntil !== null && item.snoozedUntil > context.now
  const busy = context.snoozing.includes(item.storeId)
  const Icon = snoozed ? IconBellZFilled : IconBellZ
  return (
    <button
      type="button"
      className="row-icon-button"
      data-snooze-for={item.storeId}
      data-active={snoozed || undefined}
      aria-label={`Snooze reminders for ${storeLabel(item)}`}
      aria-haspopup="menu"
      aria-busy={busy || undefined}
      disabled={busy}
      data-tip={snoozed ? `Snoozed until ${formatKamTime(item.snoozedUntil!, context.now)}` : 'Snooze reminders'}
    >
      <Icon size={18} stroke={1.5} aria-hidden />
    </button>
  )
}

const COLUMNS: GridColumn<WorklistItem, CellContext>[] = [
  {
    id: 'store',
    header: 'Store',
    width: 170,
    grow: 2,
    priority: 100,
    hideable: false,
    cell: (item) => (
      <>
        <span className="cell-line cell-strong truncates">{item.clientName}</span>
        <span className="cell-line cell-line-tagged cell-small">
          <span className="country-tag">{item.country}</span>
          <span className="text-dimmed truncates">{item.storeName}</span>
        </span>
      </>
    )
  },
  {
    id: 'status',
    header: 'Status and why',
    width: 170,
    grow: 3,
    priority: 95,
    cell: (item, { now }) => (
      <>
        <span className="cell-line cell-marks">
          <StatusBadge status={item.status} />
          <LazadaBadges storeId={item.storeId} country={item.country} />
          {item.snoozedUntil !== null && item.snoozedUntil > now && (
            <span className="cell-small snoozed-text truncates">Snoozed until {formatKamTime(item.snoozedUntil, now)}</span>
          )}
        </span>
        <span className="cell-line cell-small reason-text truncates" data-testid="worklist-reason">
          {item.reason}
        </span>
      </>
    )
  },
  { id: 'deadline', header: 'Deadline', width: 290, grow: 1, priority: 90, cell: (item, { now }) => <DeadlineCell item={item} now={now} /> },
  { id: 'next', header: 'Next action', width: 190, grow: 2, priority: 80, cell: (item) => <NextActionCell action={item.nextAction} /> },
  { id: 'snooze', header: 'Snooze', hideHeader: true, width: 48, priority: 99, hideable: false, cell: (item, context) => <SnoozeButton item={item} context={context} /> }
]

/** One menu for every row's snooze button, placed at the button that opened it. */
function useSharedSnoozeMenu(items: readonly WorklistItem[], now: number) {
  const { snooze, unsnooze } = useDashboardStore.getState()
  const [open, setOpen] = useState<{ item: WorklistItem; rect: DOMRect; button: HTMLElement } | null>(null)

  const onGridClick = useCallback(
    (event: MouseEvent) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-snooze-for]') : null
      if (!button) return
      const item = items.find((i) => i.storeId === Number(button.dataset.snoozeFor))
      if (item) setOpen({ item, rect: button.getBoundingClientRect(), button })
    },
    [items]
  )

  async function onSnooze(item: WorklistItem, mode: SnoozeMode): Promise<void> {
    const result = await snooze(item.storeId, mode)
    if (result.ok) toastSuccess('Reminders snoozed', `${storeLabel(item)} · until ${formatKamTime(result.value.until)}`)
    else toastError('Could not snooze the reminders', result.error.message)
  }

  async function onUnsnooze(item: WorklistItem): Promise<void> {
    const result = await unsnooze(item.storeId)
    if (result.ok) toastSuccess('Snooze ended', `${storeLabel(item)} reminds you again.`)
    else toastError('Could not end the snooze', result.error.message)
  }

  const menu = (
    <Menu
      opened={open !== null}
      onChange={(opened) => {
        if (opened || !open) return
        open.button.focus()
        setOpen(null)
      }}
      position="bottom-end"
      shadow="md"
      withinPortal
      returnFocus={false}
    >
      <Menu.Target>
        <span
          aria-hidden
          style={{ position: 'fixed', left: open?.rect.left ?? 0, top: open?.rect.top ?? 0, width: open?.rect.width ?? 0, height: open?.rect.height ?? 0, pointerEvents: 'none' }}
        />
      </Menu.Target>
      <Menu.Dropdown aria-label={open ? `Snooze reminders for ${storeLabel(open.item)}` : undefined}>
        {open && (
          <SnoozeMenuItems
            snoozedUntil={open.item.snoozedUntil}
            now={now}
            onSnooze={(mode) => void onSnooze(open.item, mode)}
            onUnsnooze={() => void onUnsnooze(open.item)}
          />
        )}
      </Menu.Dropdown>
    </Menu>
  )
  return { menu, onGridClick }
}

function WorklistSelection({ count, total }: { count: number; total: number }) {
  const { selectAllNeedingAction, clearSelection } = useDashboardStore.getState()
  if (count === 0) return null
  return (
    <Group gap={6} wrap="nowrap" role="status" data-testid="worklist-selection">
      <Text size="sm" fw={600}>
        {count === total ? `All ${formatCount(count)} needing action selected` : `${formatCount(count)} selected`}
      </Text>
      {count < total && (
        <Button variant="subtle" size="compact-sm" onClick={selectAllNeedingAction}>
          Select all {formatCount(total)} needing action
        </Button>
      )}
      <Button variant="subtle" size="compact-sm" color="gray" onClick={() => clearSelection()}>
        Clear selection
      </Button>
    </Group>
  )
}

/**
 * The row the KAM is on (back from a store page opened here): shown even past the first rows,
 * and focused once, so Back lands on it and ↓ Enter goes on from there.
 */
function useHighlightedRow(items: readonly WorklistItem[], shown: number, showAll: () => void) {
  const highlightedId = useDashboardStore((s) => s.highlightedId)
  const { highlight } = useDashboardStore.getState()
  const grid = useRef<VirtualListHandle | null>(null)
  const landed = useRef<number | null>(null)
  const index = highlightedId === null ? -1 : items.findIndex((item) => item.storeId === highlightedId)

  // The grid's rows appear once it knows its width: the row is focused then, or now if they are in.
  const land = useCallback(() => {
    if (index < 0 || index >= shown || landed.current === highlightedId || !grid.current) return
    landed.current = highlightedId
    grid.current.focusRow(index)
  }, [index, shown, highlightedId])
  useEffect(() => {
    if (index >= shown) showAll()
    else land()
  }, [index, shown, showAll, land])
  const gridRef = useCallback(
    (handle: VirtualListHandle | null) => {
      grid.current = handle
      land()
    },
    [land]
  )
  const onActiveChange = useCallback((at: number) => highlight(items[at]?.storeId ?? null), [items, highlight])
  return { gridRef, activeIndex: index < 0 ? undefined : index, onActiveChange }
}

export function Worklist({ items, total, now }: { items: WorklistItem[]; total: number; now: number }) {
  const snoozing = useDashboardStore((s) => s.snoozing)
  const selection = useDashboardStore((s) => s.selection)
  const { selectRow, selectAllNeedingAction, clearSelection, sequenceFor } = useDashboardStore.getState()
  const [showAll, setShowAll] = useState(false)
  const shown = showAll ? items.length : Math.min(items.length, WORKLIST_FIRST_ROWS)
  const highlighted = useHighlightedRow(items, shown, useCallback(() => setShowAll(true), []))
  const context = useMemo(() => ({ now, snoozing }), [now, snoozing])
  const { menu, onGridClick } = useSharedSnoozeMenu(items, now)
  const count = selectedCount(selection, total)

  const gridSelection: GridSelection = {
    isSelected: (id) => isSelected(selection, id),
    state: count === 0 ? 'none' : count >= total ? 'all' : 'some',
    allLabel: `Select all ${formatCount(total)} needing action`,
    onSelect: selectRow,
    onSelectAll: selectAllNeedingAction,
    onClear: clearSelection
  }
  const getRow = useCallback((index: number) => (index < shown ? items[index] : undefined), [items, shown])

  return (
    <Stack gap="xs">
      <WorklistSelection count={count} total={total} />
      <MessageClientsButton list="worklist" />
      {/* The snooze buttons' clicks bubble here; the grid leaves clicks on buttons to their owners. */}
      <div onClick={onGridClick} className="worklist-box" style={{ height: `min(60vh, ${shown * ROW_HEIGHT + 40}px)` }}>
        <DataGrid<WorklistItem, CellContext>
          label="Needs action"
          testId="worklist-grid"
          columns={COLUMNS}
          count={shown}
          rowHeight={ROW_HEIGHT}
          getRow={getRow}
          rowId={(item) => item.storeId}
          rowLabel={storeLabel}
          extra={context}
          selection={gridSelection}
          handleRef={highlighted.gridRef}
          activeIndex={highlighted.activeIndex}
          onActiveChange={highlighted.onActiveChange}
          onOpen={(index) => {
            const item = items[index]
            if (item) void useStoreSequenceStore.getState().openFrom(sequenceFor(item.storeId), item.storeId)
          }}
        />
      </div>
      {menu}
      {items.length > shown && (
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setShowAll(true)}>
          Show all {formatCount(items.length)}
        </Button>
      )}
    </Stack>
  )
}
