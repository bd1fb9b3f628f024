import { ActionIcon, Button, Group, Popover, Text, ThemeIcon, Tooltip } from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { IconBuildingStore, IconKeyboard, IconList } from '@tabler/icons-react'
import { Link, useLocation } from 'wouter'
import { AboutPopover } from './AboutPopover'
import { ShortcutsList } from './ShortcutsList'

export function AppHeader() {
  const [location] = useLocation()
  const [shortcutsOpen, shortcuts] = useDisclosure(false)
  useHotkeys([['shift+?', shortcuts.toggle]])
  const onPortfolio = location === '/' || location.startsWith('/stores/')

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
            <IconBuildingStore size={18} stroke={1.8} />
          </ThemeIcon>
          <Text fw={700} size="lg" lh={1}>
            Storewatch
          </Text>
        </Group>
        <nav aria-label="Main">
          <Group gap={4}>
            <Button
              component={Link}
              href="/"
              variant={onPortfolio ? 'light' : 'subtle'}
              color={onPortfolio ? undefined : 'gray'}
              size="compact-md"
              leftSection={<IconList size={16} />}
              aria-current={onPortfolio ? 'page' : undefined}
            >
              Portfolio
            </Button>
          </Group>
        </nav>
      </Group>
      <Group gap={4} wrap="nowrap">
        <Popover opened={shortcutsOpen} onChange={(open) => (open ? shortcuts.open() : shortcuts.close())} position="bottom-end" shadow="md" width={300}>
          <Popover.Target>
            <Tooltip label="Keyboard shortcuts (?)" openDelay={400}>
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Keyboard shortcuts" onClick={shortcuts.toggle}>
                <IconKeyboard size={20} stroke={1.6} />
              </ActionIcon>
            </Tooltip>
          </Popover.Target>
          <Popover.Dropdown>
            <ShortcutsList />
          </Popover.Dropdown>
        </Popover>
        <AboutPopover />
      </Group>
    </Group>
  )
}
