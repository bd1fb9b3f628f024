/**
 * "Columns": show or hide each column, move it earlier or later, or go back to the defaults.
 * Columns the window has no room for are named, so a hidden-to-fit column is never a mystery.
 */
import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconColumns3 } from '@tabler/icons-react'
import type { ColumnPrefs } from '../../../../electron/shared/view-prefs'
import { isColumnChosen, moveColumn } from './column-layout'
import type { ColumnLayout, ColumnSpec } from './column-layout'

interface ColumnsMenuProps<C extends ColumnSpec> {
  layout: ColumnLayout<C> | null
  prefs: ColumnPrefs
  onChange(prefs: ColumnPrefs): void
  onReset(): void
}

export function ColumnsMenu<C extends ColumnSpec>({ layout, prefs, onChange, onReset }: ColumnsMenuProps<C>) {
  if (!layout) return null
  const gaveWay = new Set(layout.gaveWay.map((c) => c.id))
  const ordered = layout.ordered
  const move = (id: string, by: -1 | 1) => onChange({ ...prefs, order: moveColumn(ordered, id, by) })
  return (
    <Popover position="bottom-end" shadow="md" width={300} trapFocus>
      <Popover.Target>
        <Button variant="subtle" size="compact-sm" leftSection={<IconColumns3 size={16} />} style={{ flexShrink: 0 }}>
          Columns{gaveWay.size > 0 && ` · ${gaveWay.size} hidden to fit`}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="group" aria-label="Columns">
          {ordered.map((column, i) => (
            <Group key={column.id} gap={6} wrap="nowrap" justify="space-between">
              <Checkbox
                size="sm"
                label={column.header}
                description={gaveWay.has(column.id) ? 'No room in this window' : undefined}
                checked={isColumnChosen(column, prefs)}
                disabled={column.hideable === false}
                onChange={(event) => onChange({ ...prefs, visible: { ...prefs.visible, [column.id]: event.currentTarget.checked } })}
              />
              <Group gap={2} wrap="nowrap">
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${column.header} earlier`} disabled={i === 0} onClick={() => move(column.id, -1)}>
                  <IconArrowUp size={14} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`Move ${column.header} later`}
                  disabled={i === ordered.length - 1}
                  onClick={() => move(column.id, 1)}
                >
                  <IconArrowDown size={14} />
                </ActionIcon>
              </Group>
            </Group>
          ))}
          <Text size="xs" c="dimmed">
            Drag a column’s edge to resize it; double-click the edge for its usual width.
          </Text>
          <Button variant="default" size="compact-sm" onClick={onReset}>
            Reset columns
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
