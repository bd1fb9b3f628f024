/**
 * Long work, compact enough for the header: a bar, "412 of 2,000 stores asked · 9.8 calls/s ·
 * about 3 min left", and Cancel while the task can be cancelled. The same shape shows a check, an
 * import or a bulk action (`TaskProgress`).
 */
import { Button, Group, Progress, Text, Tooltip } from '@mantine/core'
import { IconX } from '@tabler/icons-react'
import { useState } from 'react'
import type { TaskProgress } from '../../../../electron/shared/task-progress'
import { taskCountParts, taskHasCount, taskRate, taskSentence, timeLeft } from '../../lib/task-progress-text'
import { toastError } from '../../lib/toast'
import { useTasksStore } from '../../stores/useTasksStore'

export function TaskProgressView({ task, cancelLabel = 'Cancel' }: { task: TaskProgress; cancelLabel?: string }) {
  const cancel = useTasksStore((s) => s.cancel)
  const [asking, setAsking] = useState(false)
  const counted = taskHasCount(task)
  const percent = counted && task.total ? Math.min(100, (task.done / task.total) * 100) : 100
  const sentence = taskSentence(task)
  const parts = taskCountParts(task)
  const pace = counted ? [taskRate(task), timeLeft(task.etaMs)].filter(Boolean).join(' · ') : ''

  async function onCancel(): Promise<void> {
    setAsking(true)
    const result = await cancel(task.id)
    setAsking(false)
    if (!result.ok) toastError('It could not be cancelled', result.error.message)
  }

  return (
    <Group gap={8} wrap="nowrap" data-testid={`${task.kind}-progress`} role="group" aria-label={sentence}>
      <Tooltip label={sentence} openDelay={300} multiline maw={380}>
        <Group gap={8} wrap="nowrap">
          <Progress.Root w={56} size="md" aria-hidden>
            <Progress.Section value={percent} animated={!counted || task.done === 0} striped={!counted} />
          </Progress.Root>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="task-progress-text">
            {/* Narrow windows keep the numbers; the rest stays in the hint and the accessible name. */}
            {counted ? (
              <>
                {parts.count}
                <span className="task-progress-pace"> {parts.unit}</span>
              </>
            ) : (
              `${task.label}…`
            )}
            {pace && <span className="task-progress-pace"> · {pace}</span>}
          </Text>
        </Group>
      </Tooltip>
      {task.cancellable && (
        <Button variant="default" size="compact-sm" leftSection={<IconX size={14} />} loading={asking} onClick={() => void onCancel()} aria-label={cancelLabel}>
          Cancel
        </Button>
      )}
    </Group>
  )
}
