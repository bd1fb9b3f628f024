import { Alert, Anchor, Badge, Button, Card, Center, EmptyState, Grid, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArchive, IconArchiveOff, IconArrowLeft, IconInfoCircle, IconPencil, IconTrash, IconWorldOff } from '@tabler/icons-react'
import { useEffect } from 'react'
import { Link, useLocation } from 'wouter'
import type { Store, StoreHistoryEntry } from '../../../../electron/shared/portfolio'
import { countryName, formatDateTime, storeLabel } from '../../lib/format'
import { hideToast, toastError, toastSuccess } from '../../lib/toast'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { useStoreFormStore } from '../../stores/useStoreFormStore'
import { StatusBadge } from '../portfolio/StatusBadge'
import { DeleteStoreModal } from './DeleteStoreModal'
import { StoreFields } from './StoreFields'
import { StoreHistory } from './StoreHistory'

/** One empty list, so the history selector returns a stable value while nothing is loaded. */
const NO_HISTORY: StoreHistoryEntry[] = []

function BackLink() {
  return (
    <Anchor component={Link} href="/" size="sm" aria-label="Back to portfolio">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} />
        Portfolio
      </Group>
    </Anchor>
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
          <Button component={Link} href="/" leftSection={<IconArrowLeft size={16} />}>
            Back to the portfolio
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  )
}

function StoreView({ store }: { store: Store }) {
  const [, navigate] = useLocation()
  const history = useStoreDetailStore((s) => s.detail?.history ?? NO_HISTORY)
  const busy = useStoreDetailStore((s) => s.busy)
  const { archive, restore, remove } = useStoreDetailStore.getState()
  const openEdit = useStoreFormStore((s) => s.openEdit)
  const [deleteOpen, deleteModal] = useDisclosure(false)
  const label = storeLabel(store)
  const archived = store.status === 'archived'

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
      navigate('/')
      toastSuccess('Store deleted', label)
    } else {
      toastError('Could not delete the store', result.error.message)
    }
  }

  return (
    <div className="page-scroll">
      <Stack gap="md" p="md" maw={1400}>
        <BackLink />
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
              <StatusBadge status={store.status} size="md" />
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
        {store.status === 'out-of-scope' && (
          <Alert color="orange" icon={<IconWorldOff size={18} />} title="Out of scope">
            {countryName(store.country)} is not one of the six countries where Lazada requires a Service Market order, so
            Storewatch keeps this store on record but does not watch it.
          </Alert>
        )}

        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Card withBorder padding="lg" radius="md">
              <StoreFields store={store} />
              <Text size="xs" c="dimmed" mt="lg">
                Added {formatDateTime(store.createdAt)} · last changed {formatDateTime(store.updatedAt)}
              </Text>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="history-title">
              <Title order={3} size="h5" mb="md" id="history-title">
                History
              </Title>
              <StoreHistory entries={history} />
            </Card>
          </Grid.Col>
        </Grid>
      </Stack>
      <DeleteStoreModal opened={deleteOpen} label={label} busy={busy} onCancel={deleteModal.close} onConfirm={() => void onDelete()} />
    </div>
  )
}

export function StorePage({ idParam }: { idParam: string }) {
  const id = /^\d+$/.test(idParam) ? Number(idParam) : null
  const storeId = useStoreDetailStore((s) => s.storeId)
  const status = useStoreDetailStore((s) => s.status)
  const error = useStoreDetailStore((s) => s.error)
  const store = useStoreDetailStore((s) => s.detail?.store ?? null)
  const { open, reload } = useStoreDetailStore.getState()

  useEffect(() => {
    if (id !== null) void open(id)
  }, [id, open])

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
  if (!store || store.id !== id) {
    return (
      <Center className="page">
        <Loader size="sm" aria-label="Loading the store" />
      </Center>
    )
  }
  return <StoreView store={store} />
}
