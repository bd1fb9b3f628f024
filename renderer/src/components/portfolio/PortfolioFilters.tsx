import { CloseButton, Group, Kbd, MultiSelect, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import type { KeyboardEvent, Ref } from 'react'
import { PORTFOLIO_STATUS_LABELS } from '../../../../electron/shared/portfolio'
import type { PortfolioStatus } from '../../../../electron/shared/portfolio'
import { NEEDS_ACTION_STATUSES, STORE_STATUSES } from '../../../../electron/shared/status'
import { countryName } from '../../lib/format'
import { usePortfolioStore } from '../../stores/usePortfolioStore'

/** The Owner filter's stand-in for "no owner" (main's query uses ''; a select option cannot). */
const UNASSIGNED = '__unassigned__'

const statusOption = (s: PortfolioStatus) => ({ value: s, label: PORTFOLIO_STATUS_LABELS[s] })

/** Grouped so it reads which statuses want action, and that archived stores show only when picked. */
const STATUS_OPTIONS = [
  { group: 'Needs action', items: STORE_STATUSES.filter((s) => NEEDS_ACTION_STATUSES.includes(s)).map(statusOption) },
  { group: 'No action needed', items: STORE_STATUSES.filter((s) => !NEEDS_ACTION_STATUSES.includes(s)).map(statusOption) },
  { group: 'Hidden unless picked', items: [statusOption('archived')] }
]

/** Facets plus whatever is selected, so a pick stays visible after its last store went away. */
function withSelected(options: string[], selected: string[]): string[] {
  return [...new Set([...options, ...selected])]
}

const multiSelectProps = {
  size: 'sm',
  searchable: true,
  clearable: true,
  hidePickedOptions: false,
  maxDropdownHeight: 280,
  comboboxProps: { shadow: 'md', width: 260, position: 'bottom-start' }
} as const

export function PortfolioFilters({ searchRef, onSearchArrowDown }: { searchRef: Ref<HTMLInputElement>; onSearchArrowDown(): void }) {
  const query = usePortfolioStore((s) => s.query)
  const facets = usePortfolioStore((s) => s.facets)
  const setSearch = usePortfolioStore((s) => s.setSearch)
  const setFilter = usePortfolioStore((s) => s.setFilter)

  const countryOptions = withSelected(facets.countries, query.countries).map((code) => ({
    value: code,
    label: `${countryName(code)} (${code})`
  })).sort((a, b) => a.label.localeCompare(b.label))
  const ownerOptions = [
    { value: UNASSIGNED, label: 'Unassigned' },
    ...withSelected(facets.owners, query.owners.filter((o) => o !== '')).map((o) => ({ value: o, label: o }))
  ]
  const tagOptions = withSelected(facets.tags, query.tags)

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      onSearchArrowDown()
    } else if (event.key === 'Escape' && query.search) {
      event.preventDefault()
      setSearch('')
    }
  }

  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <TextInput
        ref={searchRef}
        aria-label="Search"
        placeholder="Search client, store, code, e-mail, tag…"
        value={query.search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        onKeyDown={onSearchKeyDown}
        leftSection={<IconSearch size={16} stroke={1.6} />}
        rightSection={
          query.search ? (
            <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} />
          ) : (
            <Kbd size="xs" aria-hidden>
              /
            </Kbd>
          )
        }
        style={{ flex: '1 1 360px', minWidth: 240, maxWidth: 460 }}
      />
      <MultiSelect
        {...multiSelectProps}
        aria-label="Country"
        placeholder={query.countries.length ? undefined : 'Country'}
        data={countryOptions}
        value={query.countries}
        onChange={(values) => setFilter('countries', values)}
        style={{ flex: '0 0 160px', minWidth: 0 }}
      />
      <MultiSelect
        {...multiSelectProps}
        aria-label="Owner"
        placeholder={query.owners.length ? undefined : 'Owner'}
        data={ownerOptions}
        value={query.owners.map((o) => (o === '' ? UNASSIGNED : o))}
        onChange={(values) => setFilter('owners', values.map((v) => (v === UNASSIGNED ? '' : v)))}
        style={{ flex: '0 0 160px', minWidth: 0 }}
      />
      <MultiSelect
        {...multiSelectProps}
        aria-label="Tag"
        placeholder={query.tags.length ? undefined : 'Tag'}
        data={tagOptions}
        value={query.tags}
        onChange={(values) => setFilter('tags', values)}
        nothingFoundMessage="No such tag"
        style={{ flex: '0 0 160px', minWidth: 0 }}
      />
      <MultiSelect
        {...multiSelectProps}
        searchable={false}
        aria-label="Status"
        placeholder={query.statuses.length ? undefined : 'Any status'}
        title={query.statuses.includes('archived') ? undefined : 'Archived stores are hidden unless you pick “Archived”'}
        maxDropdownHeight={420}
        data={STATUS_OPTIONS}
        value={query.statuses}
        onChange={(values) => setFilter('statuses', values as PortfolioStatus[])}
        style={{ flex: '0 0 300px' }}
      />
    </Group>
  )
}
