/** Hold a store's reminders for a day or until its next rung, or end the hold. */
import { Button, Menu } from '@mantine/core'
import { IconBellRinging, IconBellZ } from '@tabler/icons-react'
import type { SnoozeMode } from '../../../../electron/shared/monitoring'
import { formatKamTime } from '../../lib/dates'

interface SnoozeMenuProps {
  /** "Acme Pte Ltd — Acme Official (SG)": names the menu for screen readers. */
  label: string
  snoozedUntil: number | null
  busy: boolean
  now: number
  onSnooze(mode: SnoozeMode): void
  onUnsnooze(): void
}

/** The menu's entries, for this menu and for lists that open one shared menu from their rows. */
export function SnoozeMenuItems({ snoozedUntil, now, onSnooze, onUnsnooze }: Pick<SnoozeMenuProps, 'snoozedUntil' | 'now' | 'onSnooze' | 'onUnsnooze'>) {
  const snoozed = snoozedUntil !== null && snoozedUntil > now
  return (
    <>
      {snoozed && <Menu.Label>Held until {formatKamTime(snoozedUntil, now)}</Menu.Label>}
      <Menu.Item leftSection={<IconBellZ size={16} />} onClick={() => onSnooze('day')}>
        Snooze for 1 day
      </Menu.Item>
      <Menu.Item leftSection={<IconBellZ size={16} />} onClick={() => onSnooze('next-rung')}>
        Snooze until the next reminder
      </Menu.Item>
      {snoozed && (
        <Menu.Item leftSection={<IconBellRinging size={16} />} onClick={onUnsnooze}>
          End snooze
        </Menu.Item>
      )}
    </>
  )
}

/** A labelled "Snooze" button with its menu (the store page; lists share one menu, see the worklist). */
export function SnoozeMenu({ label, snoozedUntil, busy, now, onSnooze, onUnsnooze }: SnoozeMenuProps) {
  const snoozed = snoozedUntil !== null && snoozedUntil > now
  return (
    <Menu position="bottom-end" shadow="md" withinPortal>
      <Menu.Target>
        <Button variant="default" size="compact-sm" leftSection={<IconBellZ size={14} />} aria-label={`Snooze reminders for ${label}`} loading={busy}>
          {snoozed ? 'Snoozed' : 'Snooze'}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <SnoozeMenuItems snoozedUntil={snoozedUntil} now={now} onSnooze={onSnooze} onUnsnooze={onUnsnooze} />
      </Menu.Dropdown>
    </Menu>
  )
}
