/**
 * The "needs action" worklist: the stores to act on, in main's order (deadline, then severity),
 * with why, by when, Lazada's marks (a disagreement, "can't check", a refused token) and the
 * checklist step that resolves each. A row opens its store on click or Enter; ↑ ↓ move between rows.
 */
import { Badge, Button, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useLocation } from 'wouter'
import type { SnoozeMode, WorklistItem } from '../../../../electron/shared/monitoring'
import { formatKamTime } from '../../lib/dates'
import { EMPTY_VALUE, storeLabel } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useDashboardStore } from '../../stores/useDashboardStore'
import { DeadlineText } from '../common/DeadlineText'
import { NextActionText } from '../common/NextActionText'
import { SnoozeMenu } from '../common/SnoozeMenu'
import { LazadaBadges } from '../lazada/LazadaBadges'
import { StatusBadge } from '../portfolio/StatusBadge'

/** Rows shown before "Show all": a long list hides the expiry view below it. */
export const WORKLIST_FIRST_ROWS = 50

export function Worklist({ items, now }: { items: WorklistItem[]; now: number }) {
  const [, navigate] = useLocation()
  const snoozing = useDashboardStore((s) => s.snoozing)
  const { snooze, unsnooze } = useDashboardStore.getState()
  const [showAll, setShowAll] = useState(false)
  const shown = showAll ? items : items.slice(0, WORKLIST_FIRST_ROWS)

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

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, item: WorklistItem): void {
    if (event.target !== event.currentTarget) return
    if (event.key === 'Enter') {
      event.preventDefault()
      navigate(`/stores/${item.storeId}`)
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const sibling = event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling
      if (sibling instanceof HTMLElement) sibling.focus()
    }
  }

  return (
    <Stack gap="xs">
      <div className="worklist-scroll">
        <Table className="worklist-table" aria-label="Needs action" verticalSpacing={8} horizontalSpacing="sm" highlightOnHover>
          <colgroup>
            <col style={{ width: '20%' }} />
            <col />
            <col style={{ width: 318 }} />
            <col style={{ width: '23%' }} />
            <col style={{ width: 52 }} />
          </colgroup>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Store</Table.Th>
              <Table.Th>Status and why</Table.Th>
              <Table.Th>Deadline</Table.Th>
              <Table.Th>Next action</Table.Th>
              <Table.Th>
                <VisuallyHidden>Snooze</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((item) => {
              const label = storeLabel(item)
              const snoozed = item.snoozedUntil !== null && item.snoozedUntil > now
              return (
                <Table.Tr
                  key={item.storeId}
                  className="worklist-row"
                  tabIndex={0}
                  aria-label={label}
                  data-store-id={item.storeId}
                  onClick={() => navigate(`/stores/${item.storeId}`)}
                  onKeyDown={(event) => onRowKeyDown(event, item)}
                >
                  <Table.Td>
                    <Text size="sm" fw={600} truncate>
                      {item.clientName}
                    </Text>
                    <Group gap={6} wrap="nowrap">
                      <Text size="xs" c="dimmed" truncate>
                        {item.storeName}
                      </Text>
                      <Badge size="xs" variant="default" radius="sm" style={{ flexShrink: 0 }}>
                        {item.country}
                      </Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <StatusBadge status={item.status} />
                      <LazadaBadges storeId={item.storeId} country={item.country} />
                      {snoozed && (
                        <Text size="xs" c="indigo.8" truncate>
                          Snoozed until {formatKamTime(item.snoozedUntil!, now)}
                        </Text>
                      )}
                    </Group>
                    <Tooltip label={item.reason} openDelay={600} multiline maw={420}>
                      <Text size="xs" c="gray.7" lineClamp={2} mt={3} data-testid="worklist-reason">
                        {item.reason}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    {item.deadline !== null ? (
                      <DeadlineText deadline={item.deadline} country={item.country} now={now} daysLeft={item.daysLeft} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        {EMPTY_VALUE}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <NextActionText action={item.nextAction} />
                  </Table.Td>
                  <Table.Td>
                    <SnoozeMenu
                      label={label}
                      snoozedUntil={item.snoozedUntil}
                      busy={snoozing.includes(item.storeId)}
                      now={now}
                      onSnooze={(mode) => void onSnooze(item, mode)}
                      onUnsnooze={() => void onUnsnooze(item)}
                    />
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </div>
      {items.length > shown.length && (
        <Button variant="subtle" size="compact-sm" w="fit-content" onClick={() => setShowAll(true)}>
          Show all {items.length}
        </Button>
      )}
    </Stack>
  )
}
