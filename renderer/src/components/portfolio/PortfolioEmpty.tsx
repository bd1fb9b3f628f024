import { Button, Center, EmptyState, Group, Loader, Stack, Text } from '@mantine/core'
import { IconBuildingStore, IconDownload, IconFilterOff, IconFileImport, IconPlus } from '@tabler/icons-react'

/** A brand-new portfolio: say what Storewatch is for and how to start. */
export function EmptyPortfolio({ onImport, onAdd, onTemplate }: { onImport(): void; onAdd(): void; onTemplate(): void }) {
  return (
    <Center className="page" p="xl">
      <EmptyState variant="light" size="lg" maw={520}>
        <EmptyState.Indicator>
          <IconBuildingStore />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>Your portfolio is empty</EmptyState.Title>
        <EmptyState.Description>
          Storewatch keeps your clients’ Lazada stores subscribed, authorized and syncing. Bring in your store list to start.
        </EmptyState.Description>
        <EmptyState.Actions>
          <Stack align="center" gap="sm">
            <Group gap="sm">
              <Button leftSection={<IconFileImport size={18} />} onClick={onImport}>
                Import CSV or Excel
              </Button>
              <Button variant="default" leftSection={<IconPlus size={18} />} onClick={onAdd}>
                Add store
              </Button>
            </Group>
            <Button variant="subtle" size="compact-sm" leftSection={<IconDownload size={14} />} onClick={onTemplate}>
              Download CSV template
            </Button>
          </Stack>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  )
}

export function NoMatchingStores({ onClear, reminder = false }: { onClear(): void; reminder?: boolean }) {
  return (
    <Center className="page" p="xl">
      <EmptyState>
        <EmptyState.Indicator>
          <IconFilterOff />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>{reminder ? 'The stores from this reminder are gone' : 'No stores match these filters'}</EmptyState.Title>
        <EmptyState.Description>{reminder ? 'They may have been deleted.' : 'Try fewer filters or another search.'}</EmptyState.Description>
        <EmptyState.Actions>
          <Button variant="light" onClick={onClear}>
            {reminder ? 'Show all stores' : 'Clear filters'}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  )
}

export function PortfolioLoading() {
  return (
    <Center className="page">
      <Stack align="center" gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          Loading the portfolio…
        </Text>
      </Stack>
    </Center>
  )
}
