/**
 * "Message clients": one message per client for the selected stores, each with its text to copy,
 * an e-mail draft to the client's contacts (a `mailto:` the OS opens in the KAM's mail program),
 * and "Log as sent", which notes the message in each of its stores' history; or "Log all as sent".
 */
import { Alert, Badge, Button, Card, Center, Group, List, Loader, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconMail } from '@tabler/icons-react'
import type { ClientBulkMessage, ClientBulkMessages, StoreWithoutMessage } from '../../../../electron/shared/client-messages'
import { formatCount, plural } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { messageKey, useClientMessagesStore } from '../../stores/useClientMessagesStore'
import { CopyTextButton } from '../common/CopyTextButton'

function StoresNamed({ stores, what, color }: { stores: StoreWithoutMessage[]; what: [one: string, many: string]; color: string }) {
  if (stores.length === 0) return null
  return (
    <Alert color={color} variant="light" icon={<IconAlertTriangle size={18} />} p="sm" role="note" title={`${plural(stores.length, 'store')} ${stores.length === 1 ? what[0] : what[1]}`}>
      <Text size="sm">{stores.map((s) => (s.reason === 'no contact e-mail' ? s.label : `${s.label} (${s.reason})`)).join(' · ')}</Text>
    </Alert>
  )
}

function ClientCard({ message, logged, onLog, busy }: { message: ClientBulkMessage; logged: boolean; onLog(): void; busy: boolean }) {
  return (
    <Card withBorder padding="sm" radius="md" component="section" aria-label={`Message to ${message.client}`} data-testid="client-message">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} truncate="end">
              {message.client}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {plural(message.stores.length, 'store')}: {message.stores.map((s) => `${s.storeName} (${s.country})`).join(', ')}
            </Text>
          </Stack>
          {logged && (
            <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />} style={{ flexShrink: 0 }}>
              Logged as sent
            </Badge>
          )}
        </Group>
        <Text size="sm">
          <Text span c="dimmed">
            To:{' '}
          </Text>
          {message.to.length ? message.to.join(', ') : 'no contact e-mail on record'}
        </Text>
        <Text size="sm" fw={600} data-testid="client-message-subject">
          {message.subject}
        </Text>
        {message.warnings.length > 0 && (
          <List size="xs" c="yellow.9" spacing={0}>
            {message.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        )}
        <div className="client-message-body bulk-message-body" tabIndex={0} role="document" aria-label={`Message text for ${message.client}`}>
          {message.body}
        </div>
        <Group justify="flex-end" gap="xs" wrap="wrap">
          <CopyTextButton text={message.text} label="Copy text" ariaLabel={`Copy the message for ${message.client}`} />
          {message.mailto && (
            <Button component="a" href={message.mailto} size="compact-sm" variant="default" leftSection={<IconMail size={14} />} aria-label={`Open an e-mail draft to ${message.client}`}>
              Open e-mail draft
            </Button>
          )}
          <Button size="compact-sm" variant={logged ? 'subtle' : 'light'} disabled={logged} loading={busy} onClick={onLog} aria-label={`Log the message to ${message.client} as sent`}>
            {logged ? 'Logged' : 'Log as sent'}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

function Messages({ messages }: { messages: ClientBulkMessages }) {
  const logged = useClientMessagesStore((s) => s.logged)
  const logging = useClientMessagesStore((s) => s.logging)
  const { logSent } = useClientMessagesStore.getState()
  const waiting = messages.clients.filter((m) => !logged.includes(messageKey(m)))

  async function log(list: readonly ClientBulkMessage[]): Promise<void> {
    const result = await logSent(list)
    if (!result.ok) toastError('Not written to the stores’ history', result.error.message)
    else toastSuccess('Logged as sent', `${plural(result.value.clients, 'message')} noted on ${plural(result.value.stores, 'store')}`)
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm" data-testid="client-messages-summary">
          {plural(messages.clients.length, 'client')}, {plural(messages.storeCount, 'store')} · one message per client, each store with its country’s link
        </Text>
        {messages.clients.length > 1 && (
          <Button size="compact-sm" onClick={() => void log(waiting)} disabled={waiting.length === 0} loading={logging}>
            {waiting.length === 0 ? 'All logged' : `Log all ${formatCount(waiting.length)} as sent`}
          </Button>
        )}
      </Group>
      <StoresNamed stores={messages.withoutEmail} what={['has no client e-mail (copy its text instead):', 'have no client e-mail (copy their text instead):']} color="yellow" />
      <StoresNamed stores={messages.skipped} what={['gets no message:', 'get no message:']} color="gray" />
      {messages.clients.map((message) => (
        <ClientCard key={messageKey(message)} message={message} logged={logged.includes(messageKey(message))} busy={logging} onLog={() => void log([message])} />
      ))}
      <Text size="xs" c="dimmed">
        “Log as sent” notes the message in each of its stores’ history.
      </Text>
    </Stack>
  )
}

export function ClientMessagesModal() {
  const opened = useClientMessagesStore((s) => s.opened)
  const messages = useClientMessagesStore((s) => s.messages)
  const error = useClientMessagesStore((s) => s.error)
  const close = useClientMessagesStore((s) => s.close)
  let body
  if (error) body = <Alert color="red" title="Storewatch could not write the messages">{error}</Alert>
  else if (!messages) {
    body = (
      <Center py="xl">
        <Loader size="sm" aria-label="Writing the messages" />
      </Center>
    )
  } else if (messages.clients.length === 0) {
    body = (
      <Stack gap="sm">
        <Text size="sm">None of the selected stores can get a message.</Text>
        <StoresNamed stores={messages.skipped} what={['gets no message:', 'get no message:']} color="gray" />
      </Stack>
    )
  } else body = <Messages messages={messages} />
  return (
    <Modal opened={opened} onClose={close} title="Message clients" size="xl" centered>
      {body}
    </Modal>
  )
}
