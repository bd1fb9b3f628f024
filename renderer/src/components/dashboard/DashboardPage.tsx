/**
 * The home screen: what needs the KAM today. Counts by status, the worklist, what Lazada said in
 * the checks, and when the coming renewals bunch up.
 */
import { Card, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useEffect } from 'react'
import { STORE_STATUSES } from '../../../../electron/shared/status'
import { formatCount, plural } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { useDashboardStore } from '../../stores/useDashboardStore'
import { useImportStore } from '../../stores/useImportStore'
import { useLazadaStore } from '../../stores/useLazadaStore'
import { useStoreFormStore } from '../../stores/useStoreFormStore'
import { useSaveTemplate } from '../import/useSaveTemplate'
import { EmptyPortfolio } from '../portfolio/PortfolioEmpty'
import { ExpiryGrid } from './ExpiryGrid'
import { LazadaPanel } from './LazadaPanel'
import { ScopeSwitch } from './ScopeSwitch'
import { StatusCounts } from './StatusCounts'
import { StatusHistoryChart } from './StatusHistoryChart'
import { Worklist } from './Worklist'
import { LoadFailed } from '../common/LoadFailed'

function AllFine({ watched, mine }: { watched: number; mine: boolean }) {
  return (
    <EmptyState size="sm" py="lg">
      <EmptyState.Indicator>
        <IconCircleCheck color="var(--mantine-color-green-7)" />
      </EmptyState.Indicator>
      <EmptyState.Title order={3}>
        {watched === 0 && mine ? 'None of the stores is yours yet' : `All ${mine ? 'your ' : ''}${plural(watched, 'store')} are fine`}
      </EmptyState.Title>
      <EmptyState.Description>Nothing needs action. Storewatch keeps checking and will remind you before a deadline.</EmptyState.Description>
    </EmptyState>
  )
}

export function DashboardPage() {
  const now = useNow()
  const dashboard = useDashboardStore((s) => s.dashboard)
  const loaded = useDashboardStore((s) => s.loaded)
  const loading = useDashboardStore((s) => s.loading)
  const error = useDashboardStore((s) => s.error)
  const load = useDashboardStore((s) => s.load)
  const openImport = useImportStore((s) => s.open)
  const openCreate = useStoreFormStore((s) => s.openCreate)
  const saveTemplate = useSaveTemplate()

  useEffect(() => {
    void load()
    // The worklist's Lazada badges.
    void useLazadaStore.getState().loadOverview()
  }, [load])

  if (!loaded || !dashboard) {
    return error ? (
      <LoadFailed what="the dashboard" error={error} onRetry={() => void load()} m="md" />
    ) : (
      <Center className="page">
        <Stack align="center" gap="xs">
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            Loading the dashboard…
          </Text>
        </Stack>
      </Center>
    )
  }

  const watched = STORE_STATUSES.reduce((sum, s) => sum + (dashboard.counts[s] ?? 0), 0)
  const mine = dashboard.scope === 'mine'
  if (watched + dashboard.archived === 0 && !mine) {
    return <EmptyPortfolio onImport={openImport} onAdd={openCreate} onTemplate={() => void saveTemplate()} />
  }

  const total = dashboard.needsAction
  return (
    <div className="page-scroll">
      <Stack gap="md" p="md" maw={1600}>
        <Group gap="sm" align="baseline" wrap="nowrap">
          <Title order={2} size="h3">
            Dashboard
          </Title>
          <Text size="sm" c="dimmed" data-testid="dashboard-summary" className="truncates">
            {mine ? 'Your ' : ''}
            {plural(watched, 'store')} · {formatCount(dashboard.needsAction)} need action
            {dashboard.archived > 0 && ` · ${formatCount(dashboard.archived)} archived`}
          </Text>
          {loading && <Loader size="xs" aria-label="Updating" />}
          <div style={{ marginLeft: 'auto' }}>
            <ScopeSwitch scope={dashboard.scope} kamName={dashboard.kamName} />
          </div>
        </Group>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}

        <StatusCounts counts={dashboard.counts} owners={mine ? dashboard.myOwnerNames : null} />

        <Card withBorder padding="md" radius="md" component="section" aria-labelledby="worklist-title">
          <Group gap="xs" mb="sm" align="baseline">
            <Title order={3} size="h5" id="worklist-title">
              Needs action
            </Title>
            {total > 0 && (
              <Text size="sm" c="dimmed" data-testid="worklist-count">
                {plural(total, 'store')}, what loses orders soonest first
              </Text>
            )}
          </Group>
          {total > 0 ? <Worklist dashboard={dashboard} now={now} /> : <AllFine watched={watched} mine={mine} />}
        </Card>

        <LazadaPanel now={now} />

        <Card withBorder padding="md" radius="md" component="section" aria-labelledby="expiry-title">
          <Group gap="xs" mb="sm" align="baseline">
            <Title order={3} size="h5" id="expiry-title">
              Subscriptions ending in the next 90 days
            </Title>
            <Text size="sm" c="dimmed">
              by week (from Monday) and country
            </Text>
          </Group>
          <ExpiryGrid weeks={dashboard.expiryWeeks} mine={mine} />
        </Card>

        <StatusHistoryChart />
      </Stack>
    </div>
  )
}
