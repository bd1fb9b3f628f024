/**
 * The "needs action" worklist: every store to act on, in main's order (what loses orders soonest,
 * electron/core/monitoring/urgency-rank.ts), under a heading per tier (lapsing, lapsed, no
 * deadline known), with why, by when ("lapses in 1 day"), Lazada's marks (a disagreement, "can't
 * check", a refused token) and the checklist step that resolves each. It is the shared DataGrid
 * over the whole list, whose rows main sends a window at a time: a row opens its store on click or
 * Enter, ↑ ↓ move between rows, and rows can be selected (checkbox, Shift for a range, Ctrl/Cmd,
 * Space). One snooze menu serves every row, so a row costs a few plain elements however long the list.
 */
import { Button, Group, Menu, Stack, Text } from '@mantine/core'
import { IconBellZ, IconBellZFilled } from '@tabler/icons-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { MouseEvent } from 'react'
import { URGENCY_TIER_LABELS, WORKLIST_PAGE_ROWS } from '../../../../electron/shared/monitoring'
import type { Dashboard, SnoozeMode, UrgencyTier, WorklistItem } from '../../../../electron/shared/monitoring'
import type { NextAction } from '../../../../electron/shared/status'
import { deadlineSummary } from '../../lib/deadline-cells'
import { deadlineHint } from '../list/deadline-hint'
import { formatKamTime } from '../../lib/dates'
import { formatCount, plural, storeLabel } from '../../lib/format'
import { isSelected, selectedCount } from '../../lib/selection'
import { toastError, toastSuccess } from '../../lib/toast'
import { useDashboardStore, worklistRowAt } from '../../stores/useDashboardStore'
import { useStoreSequenceStore } from '../../stores/useStoreSequenceStore'
import { WorklistBulkBar } from '../bulk/BulkActionBar'
import { MessageClientsButton } from '../bulk/MessageClientsButton'
import { nextActionHint } from '../common/NextActionText'
import { SnoozeMenuItems } from '../common/SnoozeMenu'
import { LazadaBadges } from '../lazada/LazadaBadges'
import { DataGrid, SECTION_HEADING_HEIGHT } from '../list/DataGrid'
import type { GridColumn, GridSelection } from '../list/DataGrid'
import type { VirtualListHandle } from '../list/VirtualList'
import { StatusBadge } from '../portfolio/StatusBadge'

const ROW_HEIGHT = 60

/** Why a row stands where it does: "lapses in 1 day", "lapsed 3 days ago", "no deadline known". */
export function urgencyPhrase(item: Pick<WorklistItem, 'tier' | 'daysLeft'>): string {
  const days = item.daysLeft
  if (item.tier === 'no-deadline' || days === null) return 'no deadline known'
  if (item.tier === 'lapsing') return days <= 0 ? 'lapses today' : `lapses in ${distance(days)}`
  return days >= 0 ? 'lapsed today' : `lapsed ${distance(-days)} ago`
}

/** Days, or months past two of them (the exact count stops mattering), as the other lists say it. */
function distance(days: number): string {
  return days >= 60 ? `${Math.round(days / 30.4)} months` : plural(days, 'day')
}

interface CellContext {
  now: number
  snoozing: readonly number[]
}

function DeadlineCell({ item, now }: { item: WorklistItem; now: number }) {
  if (item.deadline === null)
    return (
      <span className="text-dimmed" data-testid="worklist-urgency">
        {urgencyPhrase(item)}
      </span>
    )
  const deadline = deadlineSummary(item.deadline, item.country, now, item.daysLeft)
  return (
    <>
      <span className="cell-line truncates" {...deadlineHint(item.deadline, item.country)}>
        <span className="urgency cell-strong" data-urgency={deadline.urgency} data-testid="worklist-urgency">
          {urgencyPhrase(item)}
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
  { id: 'deadline', header: 'Deadline', width: 305, grow: 1, priority: 90, cell: (item, { now }) => <DeadlineCell item={item} now={now} /> },
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
      <WorklistBulkBar count={count} />
    </Group>
  )
}

/** Where each tier's first row stands, for its heading. */
function tierStarts(tiers: Dashboard['tiers']): Map<number, UrgencyTier> {
  const starts = new Map<number, UrgencyTier>()
  let index = 0
  for (const tier of ['lapsing', 'lapsed', 'no-deadline'] as const) {
    if (tiers[tier] > 0 && !starts.has(index)) starts.set(index, tier)
    index += tiers[tier]
  }
  return starts
}

/** Where a store stands among the rows main has sent (-1 when its window is not loaded). */
function loadedIndexOf(pages: Record<number, WorklistItem[]>, storeId: number): number {
  for (const [window, rows] of Object.entries(pages)) {
    const at = rows.findIndex((item) => item.storeId === storeId)
    if (at >= 0) return Number(window) * WORKLIST_PAGE_ROWS + at
  }
  return -1
}

/**
 * The row the KAM is on (back from a store page opened here): shown even past the first rows,
 * and focused once, so Back lands on it and ↓ Enter goes on from there.
 */
function useHighlightedRow(pages: Record<number, WorklistItem[]>) {
  const highlightedId = useDashboardStore((s) => s.highlightedId)
  const { highlight } = useDashboardStore.getState()
  const grid = useRef<VirtualListHandle | null>(null)
  const landed = useRef<number | null>(null)
  const index = highlightedId === null ? -1 : loadedIndexOf(pages, highlightedId)

  // The grid's rows appear once it knows its width: the row is focused then, or now if they are in.
  const land = useCallback(() => {
    if (index < 0 || landed.current === highlightedId || !grid.current) return
    landed.current = highlightedId
    grid.current.focusRow(index)
  }, [index, highlightedId])
  useEffect(() => land(), [land])
  const gridRef = useCallback(
    (handle: VirtualListHandle | null) => {
      grid.current = handle
      land()
    },
    [land]
  )
  // A row the KAM moved to (a click, the keyboard) already has focus: landing on it again would
  // scroll the list between a click's mousedown and mouseup, and the click would be lost.
  const onActiveChange = useCallback(
    (at: number) => {
      const id = worklistRowAt(pages, at)?.storeId ?? null
      landed.current = id
      highlight(id)
    },
    [pages, highlight]
  )
  return { gridRef, activeIndex: index < 0 ? undefined : index, onActiveChange }
}

export function Worklist({ dashboard, now }: { dashboard: Dashboard; now: number }) {
  const snoozing = useDashboardStore((s) => s.snoozing)
  const selection = useDashboardStore((s) => s.selection)
  const pages = useDashboardStore((s) => s.pages)
  const { selectRow, selectAllNeedingAction, clearSelection, showRows, sequenceFor } = useDashboardStore.getState()
  const total = dashboard.needsAction
  const highlighted = useHighlightedRow(pages)
  const context = useMemo(() => ({ now, snoozing }), [now, snoozing])
  const loadedItems = useMemo(() => Object.values(pages).flat(), [pages])
  const { menu, onGridClick } = useSharedSnoozeMenu(loadedItems, now)
  const count = selectedCount(selection, total)
  const starts = useMemo(() => tierStarts(dashboard.tiers), [dashboard.tiers])

  const gridSelection: GridSelection = {
    isSelected: (id) => isSelected(selection, id),
    state: count === 0 ? 'none' : count >= total ? 'all' : 'some',
    allLabel: `Select all ${formatCount(total)} needing action`,
    onSelect: (index, gesture) => void selectRow(index, gesture),
    onSelectAll: selectAllNeedingAction,
    onClear: clearSelection
  }
  const getRow = useCallback((index: number) => worklistRowAt(pages, index), [pages])
  const sectionHeading = useCallback(
    (index: number) => {
      const tier = starts.get(index)
      if (!tier) return null
      return (
        <span data-testid="worklist-tier" data-tier={tier}>
          <strong>{URGENCY_TIER_LABELS[tier]}</strong>
          <span className="text-dimmed"> · {plural(dashboard.tiers[tier], 'store')}</span>
        </span>
      )
    },
    [starts, dashboard.tiers]
  )
  const headings = starts.size * SECTION_HEADING_HEIGHT

  return (
    <Stack gap="xs">
      <WorklistSelection count={count} total={total} />
      <MessageClientsButton list="worklist" />
      {/* The snooze buttons' clicks bubble here; the grid leaves clicks on buttons to their owners. */}
      <div onClick={onGridClick} className="worklist-box" style={{ height: `min(60vh, ${total * ROW_HEIGHT + headings + 40}px)` }}>
        <DataGrid<WorklistItem, CellContext>
          label="Needs action"
          testId="worklist-grid"
          columns={COLUMNS}
          count={total}
          rowHeight={ROW_HEIGHT}
          getRow={getRow}
          sectionHeading={sectionHeading}
          rowId={(item) => item.storeId}
          rowLabel={storeLabel}
          extra={context}
          selection={gridSelection}
          onRangeChange={showRows}
          handleRef={highlighted.gridRef}
          activeIndex={highlighted.activeIndex}
          onActiveChange={highlighted.onActiveChange}
          onOpen={(index) => {
            const item = worklistRowAt(pages, index)
            if (item) void useStoreSequenceStore.getState().openFrom(sequenceFor(item.storeId), item.storeId)
          }}
        />
      </div>
      {menu}
    </Stack>
  )
}
