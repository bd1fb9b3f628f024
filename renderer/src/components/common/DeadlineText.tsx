/**
 * A deadline as the KAM reads it: how far away, when in the store's country time (that is when
 * Lazada acts), and when in the KAM's own time (when they must have acted) if the clocks differ.
 */
import { Stack, Text } from '@mantine/core'
import { DEADLINE_LABELS } from '../../../../electron/shared/status'
import type { DeadlineKind } from '../../../../electron/shared/status'
import { daysLeft as daysLeftAt, formatDaysLeft, formatKamTime, formatStoreTime, sameTimeAsKam, urgencyOf } from '../../lib/dates'
import type { Urgency } from '../../lib/dates'

const URGENCY_COLORS: Record<Urgency, string | undefined> = { passed: 'red.8', soon: 'orange.8', near: 'yellow.9', later: undefined }

interface DeadlineTextProps {
  deadline: number
  country: string
  now: number
  /** Main's count where it sent one; computed the same way otherwise. */
  daysLeft?: number | null
  kind?: DeadlineKind | null
  /** One line per fact (the banner), or the distance and store time on one line (tables). */
  layout?: 'compact' | 'full'
}

export function DeadlineText({ deadline, country, now, daysLeft, kind, layout = 'compact' }: DeadlineTextProps) {
  const days = daysLeft ?? daysLeftAt(deadline, now, country)
  const distance = formatDaysLeft(days)
  const color = URGENCY_COLORS[urgencyOf(days, deadline, now)]
  const kamTime = sameTimeAsKam(deadline, country) ? null : formatKamTime(deadline, now)
  if (layout === 'full') {
    const storeTime = formatStoreTime(deadline, country)
    return (
      <Stack gap={0}>
        <Text size="sm">
          {kind && <Text span c="dimmed">{DEADLINE_LABELS[kind]} </Text>}
          <Text span fw={600} c={color}>
            {distance}
          </Text>
        </Text>
        <Text size="sm">{storeTime}</Text>
        {kamTime && (
          <Text size="xs" c="dimmed">
            {kamTime}
          </Text>
        )}
      </Stack>
    )
  }
  const storeTime = formatStoreTime(deadline, country, now)
  return (
    <Stack gap={0} style={{ minWidth: 0 }} title={formatStoreTime(deadline, country)}>
      <Text size="sm" truncate>
        <Text span fw={600} c={color}>
          {distance}
        </Text>{' '}
        <Text span c="dimmed">
          ·
        </Text>{' '}
        {storeTime}
      </Text>
      {kamTime && (
        <Text size="xs" c="dimmed" truncate>
          {kamTime}
        </Text>
      )}
    </Stack>
  )
}
