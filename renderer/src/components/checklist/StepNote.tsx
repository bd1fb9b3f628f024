/** A step's note: shown under the step with who wrote it and when; written in place. */
import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { ChecklistRunStep } from '../../../../electron/shared/checklists'
import { formatDateTime } from '../../lib/format'
import { toastError } from '../../lib/toast'
import { useChecklistStore } from '../../stores/useChecklistStore'

export function StepNoteText({ step }: { step: ChecklistRunStep }) {
  if (!step.note) return null
  return (
    <Text size="sm" data-testid="step-note" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      <Text span size="xs" c="dimmed">
        Note{step.noteBy ? ` · ${step.noteBy}` : ''}
        {step.noteAt !== null ? `, ${formatDateTime(step.noteAt)}` : ''}:{' '}
      </Text>
      {step.note}
    </Text>
  )
}

export function StepNoteEditor({ runId, step, onDone }: { runId: number; step: ChecklistRunStep; onDone(): void }) {
  const busy = useChecklistStore((s) => s.busy === `note:${step.stepId}`)
  const note = useChecklistStore((s) => s.note)
  const [value, setValue] = useState(step.note ?? '')

  async function save(next: string | null): Promise<void> {
    const result = await note(runId, step.stepId, next)
    if (result.ok) onDone()
    else toastError('The note was not saved', result.error.message)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onDone()
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void save(value.trim() || null)
    }
  }

  return (
    <Stack gap={6}>
      <Textarea
        label={`Note on step ${step.number}`}
        description="Ctrl+Enter saves, Esc closes"
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        autosize
        minRows={2}
        maxRows={6}
        maxLength={2000}
        data-autofocus
        autoFocus
      />
      <Group gap="xs">
        <Button size="compact-sm" onClick={() => void save(value.trim() || null)} loading={busy}>
          Save note
        </Button>
        <Button size="compact-sm" variant="default" onClick={onDone} disabled={busy}>
          Cancel
        </Button>
        {step.note && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => void save(null)} disabled={busy}>
            Remove the note
          </Button>
        )}
      </Group>
    </Stack>
  )
}
