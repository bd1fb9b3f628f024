import { ActionIcon, Badge, Button, Group, Text, ThemeIcon, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBell, IconBuildingStore, IconKeyboard, IconLayoutDashboard, IconList, IconSettings } from '@tabler/icons-react'
import { useEffect } from 'react'
import type { ReactNode } from 'react'
import { Link, useLocation, useSearch } from 'wouter'
import { formatCount } from '../../lib/format'
import { overlayOpen, shortcutText, useShortcuts } from '../../lib/shortcuts'
import { useImportStore } from '../../stores/useImportStore'
import { useRemindersStore } from '../../stores/useRemindersStore'
import { useStoreFormStore } from '../../stores/useStoreFormStore'
import { useStoreOrigin } from '../../stores/useStoreSequenceStore'
import { AboutPopover } from './AboutPopover'
import { LastChecked } from './LastChecked'
import { RunningTasks } from './RunningTasks'
import { ShortcutsDialog } from './ShortcutsList'
import { TeamStateBadge } from './TeamStateBadge'

interface NavButtonProps {
  href: string
  active: boolean
  icon: ReactNode
  children: ReactNode
  extra?: ReactNode
  label?: string
}

function NavButton({ href, active, icon, children, extra, label }: NavButtonProps) {
  return (
    <Button
      aria-label={label}
      component={Link}
      href={href}
      variant={active ? 'light' : 'subtle'}
      color={active ? undefined : 'gray'}
      size="compact-md"
      leftSection={icon}
      rightSection={extra}
      aria-current={active ? 'page' : undefined}
    >
      {children}
    </Button>
  )
}

/** Ctrl+1…4 to the main screens, from anywhere (a text field too) but not from under a dialog. */
function useNavigationHotkeys(): void {
  const [, navigate] = useLocation()
  const go = (path: string) => () => {
    if (!overlayOpen()) navigate(path)
  }
  useShortcuts({ 'go-dashboard': go('/'), 'go-portfolio': go('/portfolio'), 'go-notifications': go('/notifications'), 'go-settings': go('/settings') }, [])
}

/** "?" opens the list (not over another dialog) and closes it; a form or the import opening closes it too. */
function useShortcutsList(): [boolean, { toggle(): void; close(): void }] {
  const [opened, handlers] = useDisclosure(false)
  useShortcuts({ shortcuts: () => (opened ? handlers.close() : !overlayOpen() && handlers.open()) })
  const formOpen = useStoreFormStore((s) => s.opened)
  const importOpen = useImportStore((s) => s.opened)
  const { close } = handlers
  useEffect(() => {
    if (formOpen || importOpen) close()
  }, [formOpen, importOpen, close])
  return [opened, handlers]
}

export function AppHeader() {
  const [location] = useLocation()
  // A store page belongs to the screen it was opened from: that one stays lit.
  const origin = useStoreOrigin(useSearch())
  const onStore = location.startsWith('/stores/')
  const [shortcutsOpen, shortcuts] = useShortcutsList()
  const unread = useRemindersStore((s) => s.unread)
  useNavigationHotkeys()

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
            <IconBuildingStore size={18} stroke={1.8} />
          </ThemeIcon>
          <Text fw={700} size="lg" lh={1} className="brand-name">
            Storewatch
          </Text>
        </Group>
        <nav aria-label="Main">
          <Group gap={4} wrap="nowrap">
            <NavButton href="/" active={location === '/' || (onStore && origin === 'worklist')} icon={<IconLayoutDashboard size={16} />}>
              Dashboard
            </NavButton>
            <NavButton href="/portfolio" active={location === '/portfolio' || (onStore && origin === 'portfolio')} icon={<IconList size={16} />}>
              Portfolio
            </NavButton>
            <NavButton
              href="/notifications"
              active={location === '/notifications' || (onStore && origin === 'notifications')}
              icon={<IconBell size={16} />}
              label={unread > 0 ? `Notifications, ${formatCount(unread)} unread` : undefined}
              extra={
                unread > 0 ? (
                  <Badge size="sm" circle={unread < 10} color="red" variant="filled" data-testid="unread-count">
                    {unread > 99 ? '99+' : formatCount(unread)}
                  </Badge>
                ) : undefined
              }
            >
              Notifications
            </NavButton>
            <NavButton href="/settings" active={location === '/settings'} icon={<IconSettings size={16} />}>
              Settings
            </NavButton>
          </Group>
        </nav>
      </Group>
      <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
        <TeamStateBadge />
        <RunningTasks />
        <LastChecked />
        <Tooltip label={`Keyboard shortcuts (${shortcutText('shortcuts')})`} openDelay={400}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Keyboard shortcuts" onClick={shortcuts.toggle} ml={4}>
            <IconKeyboard size={20} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
        <ShortcutsDialog opened={shortcutsOpen} onClose={shortcuts.close} />
        <AboutPopover />
      </Group>
    </Group>
  )
}
