import { Group, Kbd, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

const SHORTCUTS: { keys: ReactNode; what: string }[] = [
  { keys: <><Kbd>/</Kbd> or <Kbd>Ctrl</Kbd>+<Kbd>F</Kbd></>, what: 'Search the portfolio' },
  { keys: <Kbd>N</Kbd>, what: 'Add a store' },
  { keys: <Kbd>I</Kbd>, what: 'Import a CSV file' },
  { keys: <><Kbd>↑</Kbd> <Kbd>↓</Kbd></>, what: 'Move through the stores' },
  { keys: <><Kbd>Home</Kbd> <Kbd>End</Kbd></>, what: 'First or last store' },
  { keys: <Kbd>Enter</Kbd>, what: 'Open the highlighted store' },
  { keys: <><Kbd>J</Kbd> or <Kbd>Alt</Kbd>+<Kbd>↓</Kbd></>, what: 'Store page: next store of the list' },
  { keys: <><Kbd>K</Kbd> or <Kbd>Alt</Kbd>+<Kbd>↑</Kbd></>, what: 'Store page: previous store of the list' },
  { keys: <Kbd>Esc</Kbd>, what: 'Close a dialog' },
  { keys: <Kbd>?</Kbd>, what: 'Show this list' }
]

export function ShortcutsList() {
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        Keyboard shortcuts
      </Text>
      {SHORTCUTS.map(({ keys, what }) => (
        <Group key={what} justify="space-between" gap="md" wrap="nowrap">
          <Text size="sm">{what}</Text>
          <Text size="xs" c="dimmed" component="span" style={{ whiteSpace: 'nowrap' }}>
            {keys}
          </Text>
        </Group>
      ))}
    </Stack>
  )
}
