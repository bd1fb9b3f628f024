import { CloseButton, Group, Kbd, MultiSelect, NumberInput, Pill, TextInput } from '@mantine/core'
import type { ComboboxRenderPillInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { memo } from 'react'
import type { KeyboardEvent, Ref } from 'react'
import { MAX_ENDS_WITHIN_DAYS, PORTFOLIO_STATUS_LABELS } from '../../../../electron/shared/portfolio'
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

/**
 * A filter shows its first pick and "+N" for the rest (named on hover), and each filter keeps the
 * room for that: a narrow window puts the filters on two lines rather than cut the picks to "Ma…".
 */
/** A pill as wide as its text: Mantine's lets its label shrink to "B…" in a one-line filter. */
const PILL_STYLES = { root: { flex: '0 0 auto' }, label: { flex: '0 0 auto' }, remove: { flex: '0 0 auto' } } as const

function compactPills(values: readonly string[], short: (value: string) => string) {
  return function CompactPill({ value, onRemove }: ComboboxRenderPillInput) {
    const index = value === undefined ? -1 : values.indexOf(value)
    if (index === 0) {
      return (
        <Pill withRemoveButton onRemove={onRemove} removeButtonProps={{ 'aria-label': `Remove ${short(value!)}` }} styles={PILL_STYLES}>
          {short(value!)}
        </Pill>
      )
    }
    if (index === 1) {
      return (
        <Pill data-tip={values.slice(1).map(short).join(', ')} styles={PILL_STYLES}>
          +{values.length - 1}
        </Pill>
      )
    }
    return null
  }
}

const multiSelectProps = {
  size: 'sm',
  searchable: true,
  clearable: true,
  hidePickedOptions: false,
  maxDropdownHeight: 280,
  comboboxProps: { shadow: 'md', width: 260, position: 'bottom-start' },
  // One line whatever is picked: the first pick and "+N".
  styles: { pillsList: { flexWrap: 'nowrap', overflow: 'hidden' }, inputField: { flex: '1 1 0', minWidth: 0 } }
} as const

const ownerLabel = (value: string) => (value === UNASSIGNED ? 'Unassigned' : value)
const statusLabel = (value: string) => PORTFOLIO_STATUS_LABELS[value as PortfolioStatus] ?? value

function SearchFilter({ searchRef, onSearchArrowDown }: PortfolioFiltersProps) {
  const search = usePortfolioStore((s) => s.query.search)
  const setSearch = usePortfolioStore((s) => s.setSearch)

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      onSearchArrowDown()
    } else if (event.key === 'Escape' && search) {
      event.preventDefault()
      setSearch('')
    }
  }

  return (
    <TextInput
      ref={searchRef}
      aria-label="Search"
      placeholder="Search client, store, code, e-mail, tag…"
      value={search}
      onChange={(e) => setSearch(e.currentTarget.value)}
      onKeyDown={onSearchKeyDown}
      leftSection={<IconSearch size={16} stroke={1.6} />}
      rightSection={
        search ? (
          <CloseButton size="sm" aria-label="Clear search" onClick={() => setSearch('')} />
        ) : (
          <Kbd size="xs" aria-hidden>
            /
          </Kbd>
        )
      }
      style={{ flex: '2 1 200px', minWidth: 200, maxWidth: 420 }}
    />
  )
}

const CountryFilter = memo(function CountryFilter() {
  const countries = usePortfolioStore((s) => s.query.countries)
  const facets = usePortfolioStore((s) => s.facets.countries)
  const setFilter = usePortfolioStore((s) => s.setFilter)
  const options = withSelected(facets, countries)
    .map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))
    .sort((a, b) => a.label.localeCompare(b.label))
  return (
    <MultiSelect
      {...multiSelectProps}
      aria-label="Country"
      placeholder={countries.length ? undefined : 'Country'}
      data={options}
      value={countries}
      onChange={(values) => setFilter('countries', values)}
      renderPill={compactPills(countries, (code) => code)}
      style={{ flex: '1 1 150px', minWidth: 150, maxWidth: 210 }}
    />
  )
})

const OwnerFilter = memo(function OwnerFilter() {
  const chosen = usePortfolioStore((s) => s.query.owners)
  const facets = usePortfolioStore((s) => s.facets.owners)
  const setFilter = usePortfolioStore((s) => s.setFilter)
  const options = [
    { value: UNASSIGNED, label: 'Unassigned' },
    ...withSelected(facets, chosen.filter((o) => o !== '')).map((o) => ({ value: o, label: o }))
  ]
  const owners = chosen.map((o) => (o === '' ? UNASSIGNED : o))
  return (
    <MultiSelect
      {...multiSelectProps}
      aria-label="Owner"
      placeholder={owners.length ? undefined : 'Owner'}
      data={options}
      value={owners}
      onChange={(values) => setFilter('owners', values.map((v) => (v === UNASSIGNED ? '' : v)))}
      renderPill={compactPills(owners, ownerLabel)}
      style={{ flex: '1 1 150px', minWidth: 150, maxWidth: 240 }}
    />
  )
})

const TagFilter = memo(function TagFilter() {
  const tags = usePortfolioStore((s) => s.query.tags)
  const facets = usePortfolioStore((s) => s.facets.tags)
  const setFilter = usePortfolioStore((s) => s.setFilter)
  return (
    <MultiSelect
      {...multiSelectProps}
      aria-label="Tag"
      placeholder={tags.length ? undefined : 'Tag'}
      data={withSelected(facets, tags)}
      value={tags}
      onChange={(values) => setFilter('tags', values)}
      renderPill={compactPills(tags, (tag) => tag)}
      nothingFoundMessage="No such tag"
      style={{ flex: '1 1 130px', minWidth: 130, maxWidth: 220 }}
    />
  )
})

const StatusFilter = memo(function StatusFilter() {
  const statuses = usePortfolioStore((s) => s.query.statuses)
  const setFilter = usePortfolioStore((s) => s.setFilter)
  return (
    <MultiSelect
      {...multiSelectProps}
      searchable={false}
      aria-label="Status"
      placeholder={statuses.length ? undefined : 'Any status'}
      title={statuses.includes('archived') ? undefined : 'Archived stores are hidden unless you pick “Archived”'}
      maxDropdownHeight={420}
      data={STATUS_OPTIONS}
      value={statuses}
      onChange={(values) => setFilter('statuses', values as PortfolioStatus[])}
      renderPill={compactPills(statuses, statusLabel)}
      style={{ flex: '1 1 190px', minWidth: 190, maxWidth: 260 }}
    />
  )
})

const EndsWithinFilter = memo(function EndsWithinFilter() {
  const days = usePortfolioStore((s) => s.query.endsWithinDays)
  const setEndsWithin = usePortfolioStore((s) => s.setEndsWithin)
  return (
    <NumberInput
      size="sm"
      aria-label="Ends within (days)"
      placeholder="Ends within…"
      suffix={days === 1 ? ' day' : ' days'}
      min={0}
      max={MAX_ENDS_WITHIN_DAYS}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="strict"
      hideControls
      value={days ?? ''}
      onChange={(value) => setEndsWithin(value === '' || typeof value !== 'number' ? null : value)}
      data-tip="Stores whose deadline (a subscription’s end or an authorization’s) is still ahead, with at most this many days left"
      style={{ flex: '0 1 130px', minWidth: 120, maxWidth: 160 }}
    />
  )
})

interface PortfolioFiltersProps {
  searchRef: Ref<HTMLInputElement>
  onSearchArrowDown(): void
}

/** Each filter follows only its own part of the query, so typing a search re-renders the search box alone. */
export function PortfolioFilters(props: PortfolioFiltersProps) {
  return (
    <Group gap="xs" wrap="wrap" align="flex-start" className="portfolio-filters">
      <SearchFilter {...props} />
      <CountryFilter />
      <OwnerFilter />
      <TagFilter />
      <StatusFilter />
      <EndsWithinFilter />
    </Group>
  )
}
