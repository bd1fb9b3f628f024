/** "Step 4 · Have the seller click “Use Service” and authorize": what to do, and where in the checklist. */
import { Text, Tooltip } from '@mantine/core'
import type { NextAction } from '../../../../electron/shared/status'

const PLAYBOOK_NAMES: Record<NextAction['playbook'], string> = {
  'renew-and-reauthorize': 'Renew or subscribe, and reauthorize',
  'connect-new-store': 'Connect a new store'
}

/** "Checklist “Connect a new store”, step 2: …": where the step sits, for a hint. */
export function nextActionHint(action: NextAction): string | undefined {
  return action.step !== null ? `Checklist “${PLAYBOOK_NAMES[action.playbook]}”, step ${action.step}: ${action.label}` : undefined
}

export function NextActionText({ action }: { action: NextAction | null }) {
  if (!action) {
    return (
      <Text size="sm" c="dimmed">
        Nothing to do
      </Text>
    )
  }
  const text = (
    <Text size="sm" data-testid="next-action">
      {action.step !== null && (
        <Text span fw={600} c="indigo.8">
          Step {action.step} ·{' '}
        </Text>
      )}
      {action.label}
    </Text>
  )
  return action.step !== null ? (
    <Tooltip label={nextActionHint(action)} openDelay={500} multiline maw={320}>
      {text}
    </Tooltip>
  ) : (
    text
  )
}
