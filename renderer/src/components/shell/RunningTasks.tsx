/**
 * Imports and bulk actions in progress, in the header beside the check's (issue #10, point 5):
 * each with its label, N of M and Cancel while it can be cancelled, as main reports them.
 */
import { Group } from '@mantine/core'
import type { TaskKind } from '../../../../electron/shared/task-progress'
import { useTasksStore } from '../../stores/useTasksStore'
import { TaskProgressView } from './TaskProgressView'

/** The check shows itself in LastChecked; these kinds show here. */
const CANCEL_LABELS: Partial<Record<TaskKind, string>> = { import: 'Cancel import', bulk: 'Cancel bulk action' }

export function RunningTasks() {
  const tasks = useTasksStore((s) => s.tasks)
  const shown = tasks.filter((task) => CANCEL_LABELS[task.kind])
  if (shown.length === 0) return null
  return (
    <Group gap={12} wrap="nowrap" mr={8}>
      {shown.map((task) => (
        <TaskProgressView key={task.id} task={task} cancelLabel={CANCEL_LABELS[task.kind]} />
      ))}
    </Group>
  )
}
