/**
 * "Next store" on a store page opened from a list: where the store stands ("3 of 150"), who comes
 * next, and Previous and Next (also J/K and Alt+↑/↓). At either end it says so.
 */
import { Button, Group, Kbd, Text, Tooltip } from '@mantine/core'
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react'
import type { SequencePosition } from '../../../../electron/shared/store-sequence'
import { formatCount, storeLabel } from '../../lib/format'
import { useStoreSequenceKeys } from '../../lib/useStoreSequenceKeys'
import { useStoreSequenceStore } from '../../stores/useStoreSequenceStore'

const LIST_NAMES = { worklist: 'the worklist', portfolio: 'the list' } as const

function where(position: SequencePosition): string {
  const place = `${formatCount(position.index + 1)} of ${formatCount(position.total)}`
  if (position.next) return `${place} · Next: ${position.next.storeName}`
  return `${place} · the last store of ${LIST_NAMES[position.origin]}`
}

export function StoreSequenceBar({ storeId }: { storeId: number }) {
  // While main answers for a new store, the previous one's place stays (no flicker between stores).
  const position = useStoreSequenceStore((s) => (s.storeId === storeId ? s.position : null))
  const step = useStoreSequenceStore((s) => s.step)
  useStoreSequenceKeys(step)
  if (!position) return null
  const { previous, next } = position
  return (
    <Group gap="xs" wrap="nowrap" className="store-sequence" role="navigation" aria-label="Stores of the list" data-testid="store-sequence">
      <Text size="sm" c="dimmed" className="truncates" aria-live="polite" data-testid="store-sequence-place">
        {where(position)}
      </Text>
      <Tooltip label={<>{previous ? storeLabel(previous) : 'This is the first store of the list'} <Kbd size="xs">K</Kbd></>} openDelay={400}>
        <Button
          variant="default"
          size="compact-sm"
          leftSection={<IconChevronLeft size={14} />}
          disabled={!previous}
          aria-label={previous ? `Previous store: ${storeLabel(previous)}` : 'Previous store (this is the first)'}
          onClick={() => step(-1)}
        >
          Previous
        </Button>
      </Tooltip>
      <Tooltip label={<>{next ? storeLabel(next) : 'This is the last store of the list'} <Kbd size="xs">J</Kbd></>} openDelay={400}>
        <Button
          variant={next ? 'filled' : 'default'}
          size="compact-sm"
          rightSection={<IconChevronRight size={14} />}
          disabled={!next}
          aria-label={next ? `Next store: ${storeLabel(next)}` : 'Next store (this is the last)'}
          onClick={() => step(1)}
        >
          Next
        </Button>
      </Tooltip>
    </Group>
  )
}
