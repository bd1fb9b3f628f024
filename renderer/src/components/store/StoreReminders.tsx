/** The store's latest reminders, as in the notification centre; opening one marks it read. */
import { Card, Text, Title } from '@mantine/core'
import type { ReminderItem } from '../../../../electron/shared/monitoring'
import { useRemindersStore } from '../../stores/useRemindersStore'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { ReminderEntry } from '../notifications/ReminderEntry'

export function StoreReminders({ reminders, now }: { reminders: ReminderItem[]; now: number }) {
  async function onOpen(reminder: ReminderItem): Promise<void> {
    if (reminder.readAt !== null) return
    const result = await useRemindersStore.getState().markRead([reminder.id])
    if (result.ok) void useStoreDetailStore.getState().reload()
  }

  return (
    <Card withBorder padding={0} radius="md" component="section" aria-labelledby="reminders-title">
      <Title order={3} size="h5" id="reminders-title" p="lg" pb="sm">
        Reminders
      </Title>
      {reminders.length === 0 ? (
        <Text size="sm" c="dimmed" px="lg" pb="lg">
          No reminder has fired for this store.
        </Text>
      ) : (
        <ul aria-label="Reminders for this store" style={{ listStyle: 'none', margin: 0, padding: 0, borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          {reminders.map((reminder) => (
            <li key={reminder.id}>
              <ReminderEntry reminder={reminder} now={now} onOpen={(r) => void onOpen(r)} showStore={false} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
