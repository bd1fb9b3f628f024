/** The store's status at the top of its page: what, why, by when, and what to do next. */
import { Group, Paper, Stack, Text } from '@mantine/core'
import type { Snooze, SnoozeMode } from '../../../../electron/shared/monitoring'
import type { Store, StoreVerdict } from '../../../../electron/shared/portfolio'
import { nextStepOnPage } from '../../../../electron/shared/next-step'
import { NEEDS_ACTION_STATUSES } from '../../../../electron/shared/status'
import { formatKamTime } from '../../lib/dates'
import { storeLabel } from '../../lib/format'
import { statusTone } from '../../lib/status-style'
import { useChecklistStore } from '../../stores/useChecklistStore'
import { DeadlineText } from '../common/DeadlineText'
import { NextActionText } from '../common/NextActionText'
import { SnoozeMenu } from '../common/SnoozeMenu'
import { StatusBadge } from '../portfolio/StatusBadge'

interface StatusBannerProps {
  store: Store
  verdict: StoreVerdict
  snooze: Snooze | null
  now: number
  busy: boolean
  onSnooze(mode: SnoozeMode): void
  onUnsnooze(): void
}

export function StatusBanner({ store, verdict, snooze, now, busy, onSnooze, onUnsnooze }: StatusBannerProps) {
  const tone = statusTone(verdict.status)
  const archived = store.status === 'archived'
  const snoozedUntil = snooze && snooze.until > now ? snooze.until : null
  const canSnooze = !archived && (NEEDS_ACTION_STATUSES.includes(verdict.status) || snoozedUntil !== null)
  // The same step the checklist marks NEXT (one function decides both).
  const checklists = useChecklistStore((s) => (s.storeId === store.id ? s.checklists : null))
  const next = nextStepOnPage(verdict.nextAction, checklists)

  return (
    <Paper
      component="section"
      aria-label="Status"
      withBorder
      radius="md"
      p="md"
      style={{ background: tone.background, borderColor: tone.border, borderLeft: `4px solid ${tone.border}` }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <StatusBadge status={verdict.status} size="lg" />
            <Text size="sm" data-testid="status-reason" style={{ flex: 1 }}>
              {verdict.reason}
            </Text>
          </Group>
          {next && (
            <Group gap={6} wrap="nowrap">
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                Next:
              </Text>
              <NextActionText action={next} />
            </Group>
          )}
        </Stack>
        {verdict.deadline !== null && (
          <div style={{ flexShrink: 0, minWidth: 220 }} data-testid="status-deadline">
            <DeadlineText deadline={verdict.deadline} country={store.country} now={now} daysLeft={verdict.daysLeft} kind={verdict.deadlineKind} />
          </div>
        )}
        {canSnooze && (
          <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
            <SnoozeMenu
              label={storeLabel(store)}
              snoozedUntil={snoozedUntil}
              busy={busy}
              now={now}
              onSnooze={onSnooze}
              onUnsnooze={onUnsnooze}
            />
            {snoozedUntil !== null && (
              <Text size="xs" c="dimmed" data-testid="snoozed-until">
                Reminders held until {formatKamTime(snoozedUntil, now)}
              </Text>
            )}
          </Stack>
        )}
      </Group>
    </Paper>
  )
}
