/** "Step 4 · Have the seller click “Use Service” and authorize": what to do, and where in the checklist. */
import { Text, Tooltip } from '@mantine/core'
import type { NextAction } from '../../../../electron/shared/status'

const PLAYBOOK_NAMES: Record<NextAction['playbook'], string> = {
  'renew-and-reauthorize': 'Renew or subscribe, and reauthorize',
  'connect-new-store': 'Connect a new store'
}

export function NextActionText({ action, truncate = false }: { action: NextAction | null; truncate?: boolean }) {
  if (!action) {
    return (
      <Text size="sm" c="dimmed">
        Nothing to do
      </Text>
    )
  }
  const text = (
    <Text size="sm" truncate={truncate} data-testid="next-action">
      {action.step !== null && (
        <Text span fw={600} c="indigo.8">
          Step {action.step} ·{' '}
        </Text>
      )}
      {action.label}
    </Text>
  )
  return action.step !== null ? (
    <Tooltip label={`Checklist “${PLAYBOOK_NAMES[action.playbook]}”, step ${action.step}: ${action.label}`} openDelay={500} multiline maw={320}>
      {text}
    </Tooltip>
  ) : (
    text
  )
}
