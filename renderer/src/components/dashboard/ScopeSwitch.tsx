/**
 * "All stores / My stores": narrows the dashboard to the stores whose owner is the KAM (the rule
 * of shared/my-stores.ts), remembered in main across restarts. Without a name in Settings → You
 * there is nothing to narrow to: the switch says where to give it.
 */
import { Anchor, Group, SegmentedControl, Text, Tooltip } from '@mantine/core'
import { Link } from 'wouter'
import { STORE_SCOPES, STORE_SCOPE_LABELS } from '../../../../electron/shared/my-stores'
import type { StoreScope } from '../../../../electron/shared/my-stores'
import { toastError } from '../../lib/toast'
import { useDashboardStore } from '../../stores/useDashboardStore'

export const YOU_SETTINGS_PATH = '/settings?section=you'

export function ScopeSwitch({ scope, kamName }: { scope: StoreScope; kamName: string }) {
  const scoping = useDashboardStore((s) => s.scoping)
  const named = kamName.trim() !== ''

  async function change(next: string): Promise<void> {
    const result = await useDashboardStore.getState().setScope(next as StoreScope)
    if (!result.ok) toastError('Could not change the stores shown', result.error.message)
  }

  const control = (
    <SegmentedControl
      size="xs"
      aria-label="Stores shown"
      value={scope}
      onChange={(next) => void change(next)}
      disabled={!named || scoping}
      data={STORE_SCOPES.map((value) => ({ value, label: STORE_SCOPE_LABELS[value] }))}
      data-testid="scope-switch"
    />
  )
  return (
    <Group gap="xs" wrap="nowrap">
      {named ? (
        <Tooltip label={`Stores whose owner is “${kamName}”`} openDelay={300}>
          <div>{control}</div>
        </Tooltip>
      ) : (
        control
      )}
      {!named && (
        <Text size="xs" c="dimmed" className="truncates">
          <Anchor component={Link} href={YOU_SETTINGS_PATH} size="xs">
            Give your name as owner
          </Anchor>{' '}
          to see your own stores
        </Text>
      )}
    </Group>
  )
}
