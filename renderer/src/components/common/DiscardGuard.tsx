import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'

export interface DiscardGuard {
  /** Esc, ✕, a click outside and Cancel come here: a clean form closes at once, a dirty one asks. */
  requestClose(): void
  /** The form tells whether it holds changes (from an effect: the question is asked at close time). */
  trackDirty(isDirty: () => boolean): void
  /** The "Discard changes?" dialog; render it beside the form's modal, not inside it. */
  confirm: ReactNode
}

/** A dirty form asks before it closes, with "Keep editing" focused so Enter or Esc keeps the typing. */
export function useDiscardGuard(close: () => void): DiscardGuard {
  const isDirty = useRef<() => boolean>(() => false)
  const [asking, setAsking] = useState(false)
  const requestClose = useCallback(() => {
    if (isDirty.current()) setAsking(true)
    else close()
  }, [close])
  const trackDirty = useCallback((check: () => boolean) => {
    isDirty.current = check
  }, [])
  const keep = useCallback(() => setAsking(false), [])
  const discard = useCallback(() => {
    setAsking(false)
    isDirty.current = () => false
    close()
  }, [close])
  const confirm = <DiscardChangesModal opened={asking} onKeep={keep} onDiscard={discard} />
  return { requestClose, trackDirty, confirm }
}

/** For the form inside the guarded modal: keeps the guard's question current with the form's state. */
export function useTrackDirty(guard: Pick<DiscardGuard, 'trackDirty'>, isDirty: () => boolean): void {
  const { trackDirty } = guard
  useEffect(() => {
    trackDirty(isDirty)
  })
  useEffect(() => () => trackDirty(() => false), [trackDirty])
}

/** A form's values against those it opened with (plain values: strings, numbers, booleans, arrays). */
export function sameValues<T extends object>(values: T, initial: T): boolean {
  return JSON.stringify(values) === JSON.stringify(initial)
}

function DiscardChangesModal({ opened, onKeep, onDiscard }: { opened: boolean; onKeep(): void; onDiscard(): void }) {
  return (
    <Modal opened={opened} onClose={onKeep} title="Discard changes?" centered size="sm" zIndex={310}>
      <Stack gap="md">
        <Text size="sm">What you typed in this form has not been saved.</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDiscard}>
            Discard changes
          </Button>
          <Button onClick={onKeep} data-autofocus>
            Keep editing
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
