import { Fragment } from 'react'
import { Group, Kbd, Modal, Stack, Text } from '@mantine/core'
import { keyLabels, SHORTCUTS } from '../../lib/shortcuts'
import type { Shortcut } from '../../lib/shortcuts'

const PLACES: Shortcut['where'][] = ['Everywhere', 'Portfolio', 'Lists', 'Store page']

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <Text size="sm" component="span" style={{ whiteSpace: 'nowrap' }}>
      {keys.map((hotkey, i) => (
        <Fragment key={hotkey}>
          {i > 0 && ' or '}
          {keyLabels(hotkey).map((label, j) => (
            <Fragment key={label}>
              {j > 0 && '+'}
              <Kbd size="sm">{label}</Kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </Text>
  )
}

/** The shortcut list, drawn from the one table the screens take their hotkeys from. */
export function ShortcutsList() {
  return (
    <Stack gap="md">
      {PLACES.map((where) => (
        <Stack key={where} gap={6} component="section" aria-label={where}>
          <Text fw={600} size="sm" component="h3" m={0}>
            {where}
          </Text>
          {SHORTCUTS.filter((entry) => entry.where === where).map((entry) => (
            <Group key={entry.id} justify="space-between" gap="md" wrap="nowrap" data-testid={`shortcut-${entry.id}`}>
              <Text size="sm">{entry.what}</Text>
              <Keys keys={entry.keys} />
            </Group>
          ))}
        </Stack>
      ))}
    </Stack>
  )
}

export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="md" centered>
      <ShortcutsList />
    </Modal>
  )
}
