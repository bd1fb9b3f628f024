import { Button, Group, Modal, Stack } from '@mantine/core'
import type { ReactNode } from 'react'

interface ConfirmModalProps {
  opened: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  busy?: boolean
  color?: string
  onCancel(): void
  onConfirm(): void
}

/** "Are you sure?" with Cancel focused, so Enter never destroys anything by accident. */
export function ConfirmModal({ opened, title, children, confirmLabel, busy = false, color = 'red', onCancel, onConfirm }: ConfirmModalProps) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered size="md">
      <Stack gap="md">
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color={color} onClick={onConfirm} loading={busy}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
