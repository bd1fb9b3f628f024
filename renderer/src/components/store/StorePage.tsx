import { Alert, Anchor, Badge, Button, Card, Center, EmptyState, Grid, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArchive, IconArchiveOff, IconArrowLeft, IconInfoCircle, IconPencil, IconTrash } from '@tabler/icons-react'
import { useEffect } from 'react'
import { Link, useLocation, useSearch } from 'wouter'
import type { SnoozeMode } from '../../../../electron/shared/monitoring'
import type { StoreDetail } from '../../../../electron/shared/portfolio'
import { NEEDS_ACTION_STATUSES } from '../../../../electron/shared/status'
import { formatKamTime } from '../../lib/dates'
import { countryName, formatDateTime, storeLabel } from '../../lib/format'
import { overlayOpen, shortcutText, useShortcuts } from '../../lib/shortcuts'
import { hideToast, toastError, toastSuccess } from '../../lib/toast'
import { useNow } from '../../lib/use-now'
import { useAuthorizationStore } from '../../stores/useAuthorizationStore'
import { useChecklistStore } from '../../stores/useChecklistStore'
import { useLazadaStore } from '../../stores/useLazadaStore'
import { usePortfolioStore } from '../../stores/usePortfolioStore'
import { useSettingsStore } from '../../stores/useSettingsStore'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { useStoreFormStore } from '../../stores/useStoreFormStore'
import { sequenceFromSearch, useStoreOrigin, useStoreSequenceStore } from '../../stores/useStoreSequenceStore'
import { AuthorizationActivity } from '../authorization/AuthorizationActivity'
import { awaitingReconnect } from '../authorization/authorization-state'
import { LinkModal } from '../authorization/LinkModal'
import { ChecklistCard } from '../checklist/ChecklistCard'
import { StatusBadge } from '../portfolio/StatusBadge'
import { AuthorizationsCard } from './AuthorizationsCard'
import { DeleteStoreModal } from './DeleteStoreModal'
import { LazadaCard } from './LazadaCard'
import { StatusBanner } from './StatusBanner'
import { StoreFields } from './StoreFields'
import { StoreHistory } from './StoreHistory'
import { StoreReminders } from './StoreReminders'
import { StoreSequenceBar } from './StoreSequenceBar'
import { StoreMergeNotice, StoreWatchCard } from './StoreTeam'
import { SubscriptionCard } from './SubscriptionCard'

interface BackTarget {
  href: string
  label: string
  text: string
}

/** Where Back goes: the notification centre, the worklist, or the portfolio as it was left. */
function useBackTarget(): BackTarget {
  const origin = useStoreOrigin(useSearch())
  const storeIds = usePortfolioStore((s) => s.query.storeIds)
  if (origin === 'notifications') return { href: '/notifications', label: 'Back to the notifications', text: 'Notifications' }
  if (origin === 'worklist') return { href: '/', label: 'Back to the worklist', text: 'Dashboard' }
  const portfolioHref = storeIds.length ? `/portfolio?ids=${storeIds.join(',')}` : '/portfolio'
  return { href: portfolioHref, label: 'Back to portfolio', text: 'Back to portfolio' }
}

/**
 * Back to the list the store was opened from: the notification centre, the worklist, or the
 * portfolio as it was left (narrowed to a reminder's stores if it was), with focus on the row or
 * entry the KAM left. Alt+← too.
 */
function BackLink() {
  const [, navigate] = useLocation()
  const back = useBackTarget()
  useShortcuts({ 'go-back': () => !overlayOpen() && navigate(back.href) })
  return (
    <Tooltip label={`${back.label} (${shortcutText('go-back')})`} openDelay={500}>
      <Anchor component={Link} href={back.href} size="sm" aria-label={back.label} aria-keyshortcuts="Alt+ArrowLeft" className="back-link">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} />
          {back.text}
        </Group>
      </Anchor>
    </Tooltip>
  )
}

function StoreNotFound({ message }: { message: string | null }) {
  return (
    <Center className="page" p="xl">
      <EmptyState>
        <EmptyState.Indicator>
          <IconInfoCircle />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>This store is not in your portfolio</EmptyState.Title>
        <EmptyState.Description>{message ?? 'It may have been deleted.'}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} href="/portfolio" leftSection={<IconArrowLeft size={16} />}>
            Back to the portfolio
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  )
}

function StoreView({ detail }: { detail: StoreDetail }) {
  const { store, history } = detail
  const [, navigate] = useLocation()
  const now = useNow()
  const busy = useStoreDetailStore((s) => s.busy)
  const { archive, restore, remove, snooze, unsnooze } = useStoreDetailStore.getState()
  const openEdit = useStoreFormStore((s) => s.openEdit)
  const [deleteOpen, deleteModal] = useDisclosure(false)
  const label = storeLabel(store)
  const archived = store.status === 'archived'
  const checklists = useChecklistStore((s) => (s.storeId === store.id ? s.checklists : null))
  const attempts = useAuthorizationStore((s) => (s.storeId === store.id ? s.attempts : null))
  const result = useAuthorizationStore((s) => s.results[store.id])
  const hasOpenRun = checklists?.runs.some((r) => r.status === 'open') ?? false
  const checklistFirst = !archived && (hasOpenRun || NEEDS_ACTION_STATUSES.includes(detail.verdict.status))
  const reconnectOfferedAbove = awaitingReconnect(detail.authorizations, attempts ?? [], result) !== null

  // Each fresh store page (a record, a check, a tick elsewhere) may have moved the checklist
  // (evidence ticks steps), the attempts and Lazada's answer: reload them with it.
  useEffect(() => {
    void useChecklistStore.getState().load(store.id)
    void useAuthorizationStore.getState().load(store.id)
    void useLazadaStore.getState().openStore(store.id)
  }, [detail, store.id])

  useEffect(() => {
    // A link or a message shown for this store is not shown again on coming back to it.
    return () => {
      useAuthorizationStore.getState().closeLink()
      useChecklistStore.getState().closeMessage()
    }
  }, [store.id])

  useEffect(() => {
    // The OMS and app names in the banners and dialogs.
    if (!useSettingsStore.getState().loaded) void useSettingsStore.getState().load()
  }, [])

  async function onRestore(id: number): Promise<void> {
    const result = await restore(id)
    if (result.ok) toastSuccess('Restored', storeLabel(result.value))
    else toastError('Could not restore the store', result.error.message)
  }

  async function onArchive(): Promise<void> {
    const result = await archive(store.id)
    if (!result.ok) {
      toastError('Could not archive the store', result.error.message)
      return
    }
    const toastId = `archived-${store.id}`
    toastSuccess(
      'Store archived',
      <Stack gap={6} align="flex-start">
        <Text size="sm">{label} is hidden from the portfolio and never notifies.</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            hideToast(toastId)
            void onRestore(store.id)
          }}
        >
          Undo
        </Button>
      </Stack>,
      { id: toastId, autoClose: 10_000 }
    )
  }

  async function onDelete(): Promise<void> {
    const result = await remove(store.id)
    deleteModal.close()
    if (result.ok) {
      navigate('/portfolio')
      toastSuccess('Store deleted', label)
    } else {
      toastError('Could not delete the store', result.error.message)
    }
  }

  async function onSnooze(mode: SnoozeMode): Promise<void> {
    const result = await snooze(store.id, mode)
    if (result.ok) toastSuccess('Reminders snoozed', `${label} · until ${formatKamTime(result.value.until)}`)
    else toastError('Could not snooze the reminders', result.error.message)
  }

  async function onUnsnooze(): Promise<void> {
    const result = await unsnooze(store.id)
    if (result.ok) toastSuccess('Snooze ended', `${label} reminds you again.`)
    else toastError('Could not end the snooze', result.error.message)
  }

  return (
    <div className="page-scroll">
      <Stack gap="md" p="md" maw={1400}>
        <Group justify="space-between" gap="sm" wrap="nowrap" mih={26}>
          <BackLink />
          <StoreSequenceBar storeId={store.id} />
        </Group>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Title order={2} size="h3">
              {store.clientName}
            </Title>
            <Group gap="xs">
              <Text size="md" fw={500}>
                {store.storeName}
              </Text>
              <Text c="dimmed">·</Text>
              <Tooltip label={countryName(store.country)}>
                <Badge variant="default" radius="sm">
                  {store.country}
                </Badge>
              </Tooltip>
              {archived && <StatusBadge status="archived" size="md" />}
            </Group>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button leftSection={<IconPencil size={16} />} onClick={() => openEdit(store)} disabled={busy}>
              Edit
            </Button>
            {archived ? (
              <Button variant="default" leftSection={<IconArchiveOff size={16} />} onClick={() => void onRestore(store.id)} loading={busy}>
                Restore
              </Button>
            ) : (
              <Button variant="default" leftSection={<IconArchive size={16} />} onClick={() => void onArchive()} loading={busy}>
                Archive
              </Button>
            )}
            <Button variant="outline" color="red" leftSection={<IconTrash size={16} />} onClick={deleteModal.open} disabled={busy}>
              Delete
            </Button>
          </Group>
        </Group>

        {archived && store.archivedAt !== null && (
          <Alert color="gray" icon={<IconArchive size={18} />} title={`Archived on ${formatDateTime(store.archivedAt)}`}>
            It is hidden from the default portfolio view and never notifies. Restore it to watch it again.
          </Alert>
        )}
        <StoreMergeNotice store={store} />
        <StatusBanner
          store={store}
          verdict={detail.verdict}
          snooze={detail.snooze}
          now={now}
          busy={busy}
          onSnooze={(mode) => void onSnooze(mode)}
          onUnsnooze={() => void onUnsnooze()}
        />
        <AuthorizationActivity store={store} authorizations={detail.authorizations} now={now} />
        {checklistFirst && <ChecklistCard store={store} authorizations={detail.authorizations} now={now} prominent />}

        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              <SubscriptionCard store={store} subscription={detail.subscription} now={now} />
              <LazadaCard store={store} subscription={detail.subscription} now={now} quiet={archived || detail.verdict.status === 'out-of-scope'} />
              <AuthorizationsCard
                store={store}
                authorizations={detail.authorizations}
                now={now}
                authorize={checklists?.authorize ?? null}
                withoutReauthorize={detail.verdict.status === 'out-of-scope' || archived}
                reconnectOfferedAbove={reconnectOfferedAbove}
              />
              {!checklistFirst && <ChecklistCard store={store} authorizations={detail.authorizations} now={now} prominent={false} />}
              <Card withBorder padding="lg" radius="md" component="section" aria-label="Store details">
                <StoreFields store={store} />
                <Text size="xs" c="dimmed" mt="lg">
                  Added {formatDateTime(store.createdAt)} · last changed {formatDateTime(store.updatedAt)}
                </Text>
              </Card>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              <StoreReminders reminders={detail.reminders} now={now} />
              <StoreWatchCard store={store} />
              <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="history-title">
                <Title order={3} size="h5" mb="md" id="history-title">
                  History
                </Title>
                <StoreHistory entries={history} />
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <LinkModal store={store} now={now} />
      <DeleteStoreModal opened={deleteOpen} label={label} busy={busy} onCancel={deleteModal.close} onConfirm={() => void onDelete()} />
    </div>
  )
}

export function StorePage({ idParam }: { idParam: string }) {
  const id = /^\d+$/.test(idParam) ? Number(idParam) : null
  const storeId = useStoreDetailStore((s) => s.storeId)
  const status = useStoreDetailStore((s) => s.status)
  const error = useStoreDetailStore((s) => s.error)
  const detail = useStoreDetailStore((s) => s.detail)
  const { open, reload } = useStoreDetailStore.getState()
  const sequenceId = sequenceFromSearch(useSearch())

  useEffect(() => {
    if (id !== null) void open(id)
  }, [id, open])

  useEffect(() => {
    if (id !== null) void useStoreSequenceStore.getState().locate(sequenceId, id)
  }, [id, sequenceId])

  if (id === null) return <StoreNotFound message={`“${idParam}” is not a store number.`} />
  if (status === 'not-found' && storeId === id) return <StoreNotFound message={error} />
  if (status === 'error' && storeId === id) {
    return (
      <Stack p="md" gap="md">
        <BackLink />
        <Alert color="red" title="Storewatch could not load this store">
          <Text size="sm" mb="sm">
            {error}
          </Text>
          <Button size="xs" variant="light" color="red" onClick={() => void reload()}>
            Try again
          </Button>
        </Alert>
      </Stack>
    )
  }
  if (!detail || detail.store.id !== id) {
    return (
      <Center className="page">
        <Loader size="sm" aria-label="Loading the store" />
      </Center>
    )
  }
  return <StoreView detail={detail} />
}
