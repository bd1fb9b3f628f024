/**
 * "Message for the client": the steps and the Service Market link for the store's country as ready
 * text. Copy it, or open it as an e-mail draft to the store's contact (a `mailto:` link the OS
 * opens in the KAM's mail program). Either is written to the store's history.
 */
import { Alert, Button, Center, Group, List, Loader, Modal, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconMail } from '@tabler/icons-react'
import type { Store } from '../../../../electron/shared/portfolio'
import { countryName } from '../../lib/format'
import { toastError } from '../../lib/toast'
import { useChecklistStore } from '../../stores/useChecklistStore'
import { CopyTextButton } from '../common/CopyTextButton'
import { PLAYBOOK_CHOICES } from './checklist-text'

export function ClientMessageModal({ store }: { store: Store }) {
  const message = useChecklistStore((s) => s.message)
  const { closeMessage, logMessage } = useChecklistStore.getState()
  const shown = message && message.storeId === store.id ? message : null
  const value = shown?.value ?? null

  async function log(action: 'copied' | 'emailed'): Promise<void> {
    if (!shown) return
    const result = await logMessage(store.id, shown.playbook, action)
    if (!result.ok) toastError('Not written to the store’s history', result.error.message)
  }

  return (
    <Modal opened={shown !== null} onClose={closeMessage} title="Message for the client" size="xl" centered>
      {shown && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {PLAYBOOK_CHOICES[shown.playbook]} · {countryName(store.country)} · ready to send to the seller
          </Text>
          {shown.error ? (
            <Alert color="red" title="There is no message to send" role="note">
              {shown.error}
            </Alert>
          ) : !value ? (
            <Center py="xl">
              <Loader size="sm" aria-label="Loading the message" />
            </Center>
          ) : (
            <>
              {value.warnings.length > 0 && (
                <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} p="sm" role="note" data-testid="message-warnings">
                  <List size="sm" spacing={2}>
                    {value.warnings.map((w) => (
                      <List.Item key={w}>{w}</List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              <Stack gap={4}>
                <Text size="sm">
                  <Text span c="dimmed">
                    To:{' '}
                  </Text>
                  {value.to ? (store.contactName ? `${store.contactName} <${value.to}>` : value.to) : 'no contact e-mail on record'}
                </Text>
                <Text size="sm">
                  <Text span c="dimmed">
                    Subject:{' '}
                  </Text>
                  <Text span fw={600} data-testid="message-subject">
                    {value.subject}
                  </Text>
                </Text>
              </Stack>
              <div className="client-message-body" tabIndex={0} role="document" aria-label="Message text" data-testid="message-body">
                {value.body}
              </div>
              <Group justify="space-between" gap="sm" wrap="nowrap">
                <Text size="xs" c="dimmed">
                  Copying or e-mailing is noted in the store’s history.
                </Text>
                <Group gap="sm" wrap="nowrap">
                  <Button variant="default" onClick={closeMessage}>
                    Close
                  </Button>
                  {value.mailto && (
                    <Button component="a" href={value.mailto} variant="default" leftSection={<IconMail size={16} />} onClick={() => void log('emailed')}>
                      Open e-mail draft
                    </Button>
                  )}
                  <CopyTextButton text={value.text} label="Copy text" size="sm" variant="filled" onCopied={() => void log('copied')} />
                </Group>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  )
}
