import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'

interface DeleteStoreModalProps {
  opened: boolean
  label: string
  busy: boolean
  onCancel(): void
  onConfirm(): void
}

export function DeleteStoreModal({ opened, label, busy, onCancel, onConfirm }: DeleteStoreModalProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title="Delete this store?" centered size="md">
      <Stack gap="md">
        <Text size="sm">
          <Text span fw={600}>
            {label}
          </Text>{' '}
          and its whole history will be deleted for good. This cannot be undone.
        </Text>
        <Text size="sm" c="dimmed">
          To keep the history, archive the store instead.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color="red" leftSection={<IconTrash size={16} />} onClick={onConfirm} loading={busy}>
            Delete store
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
