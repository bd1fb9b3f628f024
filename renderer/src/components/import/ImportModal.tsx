import { Button, Center, Modal, Stack, Stepper, Text, ThemeIcon } from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useState } from 'react'
import type { ImportStep } from '../../stores/useImportStore'
import { useImportStore } from '../../stores/useImportStore'
import { useRunningTask, useTasksStore } from '../../stores/useTasksStore'
import { formatCount } from '../../lib/format'
import { toastError } from '../../lib/toast'
import { ImportChooseStep } from './ImportChooseStep'
import { ImportPreviewStep } from './ImportPreviewStep'
import { ImportProgressBar } from './ImportProgressBar'
import { doneText } from './import-text'

const STEP_INDEX: Record<ImportStep, number> = { choose: 0, checking: 0, preview: 1, writing: 2, done: 3 }

/** Cancel for the import's task (the header's is under the dialog): main rolls the whole import back. */
function CancelImport() {
  const task = useRunningTask('import')
  const cancel = useTasksStore((s) => s.cancel)
  const [asking, setAsking] = useState(false)
  if (!task) return null

  async function onCancel(id: string): Promise<void> {
    setAsking(true)
    const result = await cancel(id)
    setAsking(false)
    if (!result.ok) toastError('The import could not be cancelled', result.error.message)
  }

  return (
    <Button variant="default" mt="md" loading={asking} disabled={!task.cancellable} onClick={() => void onCancel(task.id)}>
      {task.cancellable ? 'Cancel import' : 'Cancelling…'}
    </Button>
  )
}

function ImportWritingStep() {
  const progress = useImportStore((s) => s.progress)
  return (
    <Center py="xl">
      <div style={{ width: '100%', maxWidth: 480 }}>
        <ImportProgressBar progress={progress} label="Importing…" />
        <Text size="sm" c="dimmed" mt="sm">
          All or nothing: if the import stops before the last row, or you cancel it, your portfolio stays as it was.
        </Text>
        <CancelImport />
      </div>
    </Center>
  )
}

function ImportDoneStep() {
  const result = useImportStore((s) => s.result)
  const close = useImportStore((s) => s.close)
  if (!result) return null
  return (
    <Stack align="center" gap="sm" py="lg">
      <ThemeIcon size={48} radius="xl" color="teal" variant="light" aria-hidden>
        <IconCheck size={28} />
      </ThemeIcon>
      <Text fw={600} size="lg" role="status">
        {doneText(result)}
      </Text>
      {result.skippedWithErrors > 0 && (
        <Text size="sm" c="dimmed">
          {formatCount(result.skippedWithErrors)} {result.skippedWithErrors === 1 ? 'row' : 'rows'} with errors left out.
        </Text>
      )}
      {result.outOfScope > 0 && (
        <Text size="sm" c="dimmed">
          {formatCount(result.outOfScope)} of them are outside the six Service Market countries and kept as out of scope.
        </Text>
      )}
      <Button onClick={close} mt="sm" data-autofocus>
        Close
      </Button>
    </Stack>
  )
}

export function ImportModal() {
  const opened = useImportStore((s) => s.opened)
  const step = useImportStore((s) => s.step)
  const preview = useImportStore((s) => s.preview)
  const close = useImportStore((s) => s.close)
  const writing = step === 'writing'

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Import CSV or Excel"
      size={960}
      centered
      closeOnEscape={!writing}
      closeOnClickOutside={!writing}
      withCloseButton={!writing}
    >
      <Stepper active={STEP_INDEX[step]} size="sm" allowNextStepsSelect={false} mb="md">
        <Stepper.Step label="Choose a file" description="CSV or Excel, with a header row">
          <ImportChooseStep />
        </Stepper.Step>
        <Stepper.Step label="Check" description="See every problem first">
          {preview && <ImportPreviewStep preview={preview} />}
        </Stepper.Step>
        <Stepper.Step label="Import" description="Written in one go">
          <ImportWritingStep />
        </Stepper.Step>
        <Stepper.Completed>
          <ImportDoneStep />
        </Stepper.Completed>
      </Stepper>
    </Modal>
  )
}
