/** The centre's filters: status and owner (with "No owner"), combinable, each option with its count. */
import { Button, Group, MultiSelect, Text } from '@mantine/core'
import { STATUS_LABELS } from '../../../../electron/shared/status'
import type { StoreStatus } from '../../../../electron/shared/status'
import { formatCount } from '../../lib/format'
import { isFiltered, useRemindersStore } from '../../stores/useRemindersStore'

/** Stands for "no owner" among the owner options (a real name is never empty). */
const NO_OWNER = '\u0000none'

const selectProps = {
  size: 'xs',
  clearable: true,
  hidePickedOptions: false,
  maxDropdownHeight: 280,
  comboboxProps: { shadow: 'md', width: 240, position: 'bottom-start' },
  styles: { pillsList: { flexWrap: 'nowrap', overflow: 'hidden' }, inputField: { flex: '1 1 0', minWidth: 0 } }
} as const

export function CentreFilters() {
  const statuses = useRemindersStore((s) => s.statuses)
  const owners = useRemindersStore((s) => s.owners)
  const centre = useRemindersStore((s) => s.centre)
  const { setStatuses, setOwners, clearFilters } = useRemindersStore.getState()
  const filtered = isFiltered({ statuses, owners })
  const statusOptions = (centre?.facets.statuses ?? []).map(({ value, count }) => ({ value, label: `${STATUS_LABELS[value]} (${formatCount(count)})` }))
  const ownerOptions = (centre?.facets.owners ?? []).map(({ value, count }) => ({
    value: value ?? NO_OWNER,
    label: `${value ?? 'No owner'} (${formatCount(count)})`
  }))

  return (
    <Group gap="sm" wrap="nowrap" align="center" data-testid="centre-filters">
      <MultiSelect
        {...selectProps}
        aria-label="Status"
        placeholder={statuses.length ? undefined : 'Status'}
        data={statusOptions}
        value={statuses}
        onChange={(values) => setStatuses(values as StoreStatus[])}
        style={{ flex: '1 1 180px', maxWidth: 280 }}
      />
      <MultiSelect
        {...selectProps}
        aria-label="Owner"
        placeholder={owners.length ? undefined : 'Owner'}
        data={ownerOptions}
        value={owners.map((o) => o ?? NO_OWNER)}
        onChange={(values) => setOwners(values.map((v) => (v === NO_OWNER ? null : v)))}
        style={{ flex: '1 1 180px', maxWidth: 280 }}
      />
      <Text size="sm" c="dimmed" data-testid="centre-shown" style={{ whiteSpace: 'nowrap' }}>
        {centre && (filtered ? `${formatCount(centre.shown)} of ${formatCount(centre.total)} shown` : `${formatCount(centre.total)} in ${formatCount(centre.groups.length)} groups`)}
      </Text>
      {filtered && (
        <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
          Clear filters
        </Button>
      )}
    </Group>
  )
}
