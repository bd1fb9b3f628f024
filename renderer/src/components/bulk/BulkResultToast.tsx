/** The toast after a bulk action: what changed, what was left and why, and "Undo" (as one step). */
import { Button, Stack, Text } from '@mantine/core'
import type { BulkResult } from '../../../../electron/shared/bulk'
import { hideToast, toastError, toastSuccess } from '../../lib/toast'
import { useBulkStore } from '../../stores/useBulkStore'
import { resultLine } from './bulk-labels'

function UndoButton({ batchId, toastId }: { batchId: number; toastId: string }) {
  const undoing = useBulkStore((s) => s.undoing)
  async function undo(): Promise<void> {
    const result = await useBulkStore.getState().undo(batchId)
    hideToast(toastId)
    if (result.ok) toastSuccess(`Undone: ${result.value.label}`, `${result.value.restored.toLocaleString('en-US')} stores are as they were.`)
    else toastError('Cannot undo', result.error.message, { autoClose: false })
  }
  return (
    <Button size="compact-sm" variant="light" w="fit-content" loading={undoing} onClick={() => void undo()}>
      Undo
    </Button>
  )
}

export function showBulkResult(result: BulkResult): void {
  const toastId = `bulk-${result.batchId ?? 'none'}-${Date.now()}`
  toastSuccess(
    result.label,
    <Stack gap={6} data-testid="bulk-result">
      <Text size="sm">{resultLine(result.changed, result.unchanged)}</Text>
      {result.unchanged.some((u) => u.examples.length > 0) && (
        <Text size="xs" c="dimmed">
          For example: {result.unchanged.flatMap((u) => u.examples).slice(0, 3).join('; ')}
        </Text>
      )}
      {result.batchId !== null && <UndoButton batchId={result.batchId} toastId={toastId} />}
    </Stack>,
    // Stays until closed or undone: the KAM may want to read it, or take it back, a while later.
    { id: toastId, autoClose: false }
  )
}
