/** Hold a store's reminders for a day or until its next rung, or end the hold. */
import { ActionIcon, Button, Menu, Tooltip } from '@mantine/core'
import { IconBellRinging, IconBellZ, IconBellZFilled } from '@tabler/icons-react'
import type { MouseEvent } from 'react'
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
  /** An icon in table rows; a labelled button on the store page. */
  variant?: 'icon' | 'button'
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

function stop(event: MouseEvent): void {
  event.stopPropagation()
}

export function SnoozeMenu({ label, snoozedUntil, busy, now, onSnooze, onUnsnooze, variant = 'icon' }: SnoozeMenuProps) {
  const snoozed = snoozedUntil !== null && snoozedUntil > now
  const name = `Snooze reminders for ${label}`
  const target =
    variant === 'icon' ? (
      <Tooltip label={snoozed ? `Snoozed until ${formatKamTime(snoozedUntil, now)}` : 'Snooze reminders'} openDelay={300}>
        <Menu.Target>
          <ActionIcon variant={snoozed ? 'light' : 'subtle'} color={snoozed ? 'indigo' : 'gray'} aria-label={name} loading={busy}>
            {snoozed ? <IconBellZFilled size={18} /> : <IconBellZ size={18} stroke={1.5} />}
          </ActionIcon>
        </Menu.Target>
      </Tooltip>
    ) : (
      <Menu.Target>
        <Button variant="default" size="compact-sm" leftSection={<IconBellZ size={14} />} aria-label={name} loading={busy}>
          {snoozed ? 'Snoozed' : 'Snooze'}
        </Button>
      </Menu.Target>
    )
  // Clicks in the menu (its dropdown too, through the portal) must not reach a clickable table row.
  return (
    <span onClick={stop} style={{ display: 'inline-flex' }}>
      <Menu position="bottom-end" shadow="md" withinPortal>
        {target}
        <Menu.Dropdown>
          <SnoozeMenuItems snoozedUntil={snoozedUntil} now={now} onSnooze={onSnooze} onUnsnooze={onUnsnooze} />
        </Menu.Dropdown>
      </Menu>
    </span>
  )
}
