import { Progress, Stack, Text } from '@mantine/core'
import type { ImportProgress } from '../../../../electron/shared/csv-import'
import { progressPercent, progressText } from './import-text'

export function ImportProgressBar({ progress, label }: { progress: ImportProgress | null; label: string }) {
  const percent = progressPercent(progress)
  const text = progressText(progress)
  return (
    <Stack gap={6} data-testid="import-progress">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Progress
        value={percent ?? 100}
        striped={percent === null}
        animated={percent === null}
        size="lg"
        radius="xl"
        aria-label={text}
        transitionDuration={150}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {text}
      </Text>
    </Stack>
  )
}
